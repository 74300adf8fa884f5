// ESLint (flat config): typescript-eslint's recommended rules, React hooks, and the import boundaries of
// CONVENTIONS.md ("Dependencies point one way"), so a break of an arrow fails `npm test` instead of waiting for
// a review. Line length and layout are Prettier's job (.prettierrc), not ESLint's.
//
// The boundaries use ESLint's own rules, no resolver plugin (eslint-plugin-import-x and the TypeScript resolver
// pull in unrs-resolver's platform binaries, which can break `npm ci`, see the stack notes, G1):
// - an import is matched by its text, in both forms: the `@/` alias and a relative path;
// - under components/, lib/ and db/ a relative import may climb one folder at most (`../x`), so a path to another
//   top-level folder must be written with `@/`, where the patterns below see it;
// - static imports and `export … from` (@typescript-eslint/no-restricted-imports, type-only imports included),
//   `import()`, `require()` and `import("…").T` types (no-restricted-syntax) are all checked.
import js from "@eslint/js";
import comments from "@eslint-community/eslint-plugin-eslint-comments/configs";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

/** A string as a literal inside a regex source. */
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A project path (`db`, `lib/commands`) as an import specifier: the alias (`@/lib/commands/x`) or a relative path
 * ending in it (`../commands/x` from lib/rules, `./commands` from lib/, `../../lib/commands` from elsewhere).
 */
function projectPath(p) {
  const segments = p.split("/").map(escape);
  const last = segments.pop();
  const parents = segments.map((s) => `(?:${s}/)?`).join("");
  return `^(?:@/${[...segments, last].join("/")}|\\.{1,2}/(?:\\.\\./)*${parents}${last})(?:/|$)`;
}
/** `next`, `next/*`, `next-intl`, `next-intl/*`, `next-auth/*`: the framework. */
const NEXT = { regex: "^next(?:-[\\w-]+)?(?:/|$)", label: "next, next-intl or next-auth" };

const CLIMB = {
  regex: "^(?:\\./)?(?:\\.\\./){2,}",
  message: "Write an import from another top-level folder with the @/ alias (a relative path may climb one folder at most).",
};

/**
 * The rules that hold one folder's arrows: `banned` is a list of { regex, label, because? }, `why` says which arrow.
 * `climb` is the regex for relative paths that leave the folder (null: no such check).
 */
function boundary(files, banned, why, { climb = CLIMB } = {}) {
  const patterns = [
    ...banned.map(({ regex, label, because = why }) => ({ regex, caseSensitive: true, message: `${label}: ${because}` })),
    ...(climb ? [{ regex: climb.regex, caseSensitive: true, message: climb.message }] : []),
  ];
  // The same regexes for import(), require() and import("…") types. esquery's regex literal cannot hold "/",
  // so it is written as \u002F.
  const selectorRegex = (r) => r.replaceAll("/", "\\u002F");
  const syntax = patterns.flatMap(({ regex, message }) => {
    const r = selectorRegex(regex);
    return [
      { selector: `ImportExpression[source.value=/${r}/]`, message },
      { selector: `CallExpression[callee.name='require'][arguments.0.value=/${r}/]`, message },
      { selector: `TSImportType[source.value=/${r}/]`, message },
    ];
  });
  return {
    files,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
      "no-restricted-syntax": ["error", ...syntax],
    },
  };
}

const p = (path) => ({ regex: projectPath(path), label: `@/${path}` });

export default defineConfig(
  {
    ignores: [
      ".next/",
      ".next-*/",
      "node_modules/",
      "db/migrations/",
      "test-results/",
      "playwright-report/",
      ".test-results/",
      ".data/",
      "cache/",
      "next-env.d.ts",
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },

  js.configs.recommended,
  tseslint.configs.recommended,
  comments.recommended,
  // Only where React lives: elsewhere a function named use… (useSecureCookies) is not a hook.
  {
    files: ["app/**/*.tsx", "components/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat["recommended-latest"],
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: globals.node },
  },

  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      // A suppression says why: `// eslint-disable-next-line rule -- reason`.
      "@eslint-community/eslint-comments/require-description": "error",
      // The environment is read and validated once, in lib/env.ts; config files, scripts and tests may read it.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through @/lib/env (validated once), not process.env." },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "instrumentation.ts",
      "next.config.js",
      "drizzle.config.ts",
      "playwright.config.ts",
      "vitest.config.ts",
      "scripts/**",
      "tests/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  // Tests read `rows[0]!` after asserting the row exists (noUncheckedIndexedAccess); the app code may not.
  { files: ["tests/**"], rules: { "@typescript-eslint/no-non-null-assertion": "off" } },

  // Import boundaries. A file gets one no-restricted-imports setting (a later block replaces an earlier one for
  // the same file), so each specific folder repeats the general climb check.
  boundary(
    ["components/**"],
    [p("db"), p("lib/commands")],
    "components get plain view data and call actions; view types live outside db/.",
  ),
  boundary(["lib/**"], [], ""),
  boundary(
    ["lib/rules/**"],
    [p("db"), NEXT, p("lib/actions"), p("lib/commands"), p("lib/auth")],
    "rules are pure functions (configuration comes in as arguments), so they test without a database or a framework.",
  ),
  boundary(
    ["lib/commands/**"],
    [NEXT, p("lib/actions"), p("components"), p("app")],
    "a command does its work in one transaction with rules and queries, and no framework imports.",
  ),
  boundary(["lib/validation/**"], [p("db"), NEXT], "zod schemas are shared by forms, actions and the API; they need neither."),
  boundary(["lib/limits.ts"], [{ regex: "^", label: "any import" }], "limits.ts has no dependencies; everything imports it."),
  boundary(
    ["db/**"],
    [p("app"), p("components"), p("lib/actions"), p("lib/commands")],
    "nothing under db/ depends on the layers above it.",
  ),
  // drizzle-kit loads the schema without path aliases: schema files reach lib/limits relatively, and only it.
  boundary(
    ["db/schema/**"],
    [
      p("app"),
      p("components"),
      p("lib/actions"),
      p("lib/commands"),
      { regex: "^@/", label: "the @/ alias", because: "drizzle-kit cannot resolve it; import ../../lib/limits relatively." },
    ],
    "nothing under db/ depends on the layers above it.",
    { climb: { ...CLIMB, regex: "^(?:\\./)?(?:\\.\\./){2,}(?!lib/limits$)" } },
  ),
);
