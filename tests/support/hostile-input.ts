import fc from "fast-check";
import { z } from "zod";
import * as limits from "@/lib/limits";

/**
 * fast-check arbitraries for hostile input, and a reading of a zod schema's declared limits so a property can
 * check a successful parse against them. Schemas are walked through their definitions (`_zod.def`), so a schema
 * added later gets values shaped like it (its keys, its enums, its formats) without anyone writing a generator.
 */

type Schema = z.ZodType;
type Def = Schema["_zod"]["def"] & Record<string, unknown>;

const defOf = (s: Schema): Def => s._zod.def as Def;

/** Characters that have broken text handling elsewhere: direction overrides, NUL, BOM, joiners, Devanagari. */
const NASTY_CHARS = [
  "\u202E", // right-to-left override
  "\u202D",
  "\u2066",
  "\u2069",
  "\u0000",
  "\uFEFF",
  "\u200B",
  "\u200D",
  "\r\n",
  "\r",
  "\t",
  "\u0130", // İ: lower-cases to two code units
  "\u00DF", // ß: upper-cases to two letters
  "\uFB03", // ﬃ: upper-cases to three
  "क्षि",
  "संवाद",
  "\u0301",
  "😀",
  "'; drop table users; --",
  "<script>",
  "%00",
  "../",
];

/** Every length limit written in lib/limits.ts, plus the pasted-draft limit: a huge string goes just past one. */
const LENGTH_LIMITS = [
  ...new Set(
    Object.entries(limits)
      .filter(([name, v]) => typeof v === "number" && Number.isInteger(v) && v >= 10 && v <= 50_000 && /MAX|LENGTH/.test(name))
      .map(([, v]) => v as number),
  ),
].sort((a, b) => a - b);
export const HUGE_LENGTHS = LENGTH_LIMITS.map((n) => n + 1);
/** Past the longest field of all (a pasted consultation draft, 200,000 characters); rare, as it is slow to build. */
const PAST_PASTE = 200_001;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const nastyChar = fc.constantFrom(...NASTY_CHARS);

/** Short strings of every kind of code unit, including lone surrogates and the characters above. */
export const oddString = fc.string({
  unit: fc.oneof(fc.constantFrom("a", " ", "-", "1"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), loneSurrogate, nastyChar),
  maxLength: 40,
});

/** A string just past one of the limits (and sometimes far past), made of one repeated unit after a short prefix. */
export const hugeString = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constantFrom(...HUGE_LENGTHS), weight: 30 }, { arbitrary: fc.constant(PAST_PASTE), weight: 1 }),
    fc.constantFrom("x", " ", "\r\n", "क", "\u0130", "\u202E", "\u0000", "😀"),
    oddString,
  )
  .map(([n, unit, prefix]) => (prefix + unit.repeat(Math.ceil(n / unit.length))).slice(0, Math.max(n, prefix.length)));

/** Numbers the way a form sends them, and the numbers that are not quite numbers. */
export const numberString = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom("0", "-1", "1e309", "NaN", "Infinity", "-0", "0x10", " 12 ", "2147483647", "2147483648", "1.5", "9".repeat(30), "١٢"),
);

export const hostileString = fc.oneof(
  oddString,
  hugeString,
  numberString,
  fc.constantFrom("", " ", "null", "undefined", "[object Object]"),
);

/** Values of every type: deep objects and arrays, null prototypes, big integers, dates, typed arrays, sparse arrays. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 3 },
  {
    arbitrary: fc.anything({
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      maxDepth: 3,
    }),
    weight: 2,
  },
  { arbitrary: fc.array(hostileString, { maxLength: 4 }), weight: 1 },
);

/** Strings that are plausible somewhere in this app's forms, so parses succeed often enough to check their output. */
const plausibleString = fc.oneof(
  fc.constantFrom("", "yes", "no", "on", "personal", "consultation", "new", "en", "hi", "paris-call", "other"),
  fc.date({ min: new Date("2020-01-01"), max: new Date("2035-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date("2020-01-01"), max: new Date("2035-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
  fc.emailAddress().map((e) => e.slice(0, 254)),
  fc.uuid(),
);

const plainAddress = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/), fc.constantFrom("example.org", "mail.example.co.in"))
  .map(([local, domain]) => `${local}@${domain}`);

function fromPattern(pattern: unknown): fc.Arbitrary<string> | null {
  if (!(pattern instanceof RegExp)) return null;
  try {
    return fc.stringMatching(pattern);
  } catch {
    return null;
  }
}

/** Strings a string schema would accept (or nearly): its format, its pattern, lengths up to its limit. */
function stringsFor(s: Schema): fc.Arbitrary<string> {
  const def = defOf(s);
  const checks = ((def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);
  const formats = [def.format, ...checks.map((c) => c.format)];
  if (formats.includes("uuid")) return fc.uuid();
  // fast-check's addresses follow RFC 5322, which allows more than zod's practical pattern: both kinds, then.
  if (formats.includes("email"))
    return fc.oneof(
      plainAddress,
      fc.emailAddress().filter((e) => e.length <= 254),
    );
  if (formats.includes("datetime")) return fc.date({ noInvalidDate: true, min: new Date(0) }).map((d) => d.toISOString());
  for (const c of [def, ...checks]) {
    const a = c.format === "regex" || c.format === undefined ? fromPattern(c.pattern) : null;
    if (a) return a;
  }
  const max = checks.find((c) => c.check === "max_length")?.maximum;
  const min = checks.find((c) => c.check === "min_length")?.minimum;
  const text = fc.string({
    unit: fc.oneof({ arbitrary: fc.constantFrom("a", "b", " ", "क", "ि"), weight: 4 }, { arbitrary: nastyChar, weight: 1 }),
    minLength: typeof min === "number" ? min : 0,
    maxLength: Math.min(typeof max === "number" ? max : 200, 200),
  });
  return typeof max === "number" ? fc.oneof(text, fc.constant("a".repeat(max))) : fc.oneof(text, plausibleString);
}

const cache = new Map<string, WeakMap<Schema, fc.Arbitrary<unknown>>>([
  ["clean", new WeakMap()],
  ["hostile", new WeakMap()],
]);

/**
 * Values shaped like the schema. `clean` ones follow its declaration (its keys, enums, formats, patterns, lengths
 * up to its limits), so a parse can succeed; hostile ones start from a clean value and break it: keys removed,
 * keys added (`__proto__`, Next's `$ACTION_…`), a leaf replaced by a value of another type, a huge string or an array.
 */
export function shapedLike(s: Schema, mode: "clean" | "hostile" = "hostile", depth = 0): fc.Arbitrary<unknown> {
  const memo = cache.get(mode)!;
  const hit = depth === 0 ? memo.get(s) : undefined;
  if (hit) return hit;
  const def = defOf(s);
  const inner = (x: unknown) => shapedLike(x as Schema, mode, depth + 1);
  let arb: fc.Arbitrary<unknown>;
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, Schema>;
      const keys = Object.keys(shape);
      arb = fc.record(Object.fromEntries(keys.map((k) => [k, inner(shape[k])])));
      if (mode === "hostile") {
        const extraKey = fc.oneof(oddString, fc.constantFrom("__proto__", "constructor", "$ACTION_ID_x", "s0_title", "s99_body"));
        arb = fc
          .tuple(arb, fc.subarray(keys, { maxLength: Math.min(2, keys.length) }), fc.dictionary(extraKey, hostileValue, { maxKeys: 3 }))
          .map(([record, dropped, extra]) => {
            const out: Record<string, unknown> = { ...extra, ...(record as Record<string, unknown>) };
            for (const k of dropped) delete out[k];
            return out;
          });
      }
      break;
    }
    case "array":
      arb = depth > 3 ? fc.constant([]) : fc.array(inner(def.element), { maxLength: 3 });
      break;
    case "string":
      arb = stringsFor(s);
      break;
    case "enum":
      arb = fc.constantFrom(...Object.values(def.entries as Record<string, string>));
      break;
    case "literal":
      arb = fc.constantFrom(...(def.values as unknown[]));
      break;
    case "number":
      arb = fc.oneof(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: limits.MAX_ID }),
        fc.integer({ min: 1, max: 60 }).map(String),
      );
      break;
    case "boolean":
      arb = fc.boolean();
      break;
    case "optional":
    case "nullable":
      arb = fc.oneof(
        { arbitrary: inner(def.innerType), weight: 3 },
        { arbitrary: fc.constant(def.type === "nullable" ? null : undefined), weight: 1 },
      );
      break;
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      arb = fc.oneof({ arbitrary: inner(def.innerType), weight: 3 }, { arbitrary: fc.constant(undefined), weight: 1 });
      break;
    case "union":
      arb = fc.oneof(...(def.options as Schema[]).map((o) => inner(o)));
      break;
    case "pipe":
      arb = defOf(def.in as Schema).type === "transform" ? inner(def.out) : inner(def.in);
      break;
    default:
      arb = mode === "clean" ? plausibleString : hostileValue;
  }
  // Leaves (not whole objects, whose keys are broken above) are sometimes replaced outright.
  const result =
    mode === "hostile" && def.type !== "object" ? fc.oneof({ arbitrary: arb, weight: 6 }, { arbitrary: hostileValue, weight: 1 }) : arb;
  if (depth === 0) memo.set(s, result);
  return result;
}

/** A mix for one property run: half follow the schema (so its output is checked), half are broken. */
export function inputFor(s: Schema): fc.Arbitrary<unknown> {
  return fc.oneof(shapedLike(s, "clean"), shapedLike(s, "hostile"), hostileValue);
}

/**
 * The longest string the schema's declaration allows at this place, read from its checks: `max` calls, the
 * length of a uuid, literal and enum values; undefined where nothing bounds it. Along a pipe both ends bound the
 * output, so a transform after a `max` that lengthens the text (a lower-casing) shows up as a breach.
 */
export function declaredMaxLength(s: Schema): number | undefined {
  const def = defOf(s);
  const both = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
  switch (def.type) {
    case "string": {
      const checks = ((def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);
      let bound: number | undefined = def.format === "uuid" ? 36 : undefined;
      for (const c of checks) {
        if (c.check === "max_length" && typeof c.maximum === "number") bound = both(bound, c.maximum);
        if (c.format === "uuid") bound = both(bound, 36);
      }
      return bound;
    }
    case "literal":
      return Math.max(0, ...(def.values as unknown[]).map((v) => (typeof v === "string" ? v.length : 0)));
    case "enum":
      return Math.max(0, ...Object.values(def.entries as Record<string, unknown>).map((v) => String(v).length));
    case "optional":
    case "nullable":
    case "readonly":
    case "nonoptional":
      return declaredMaxLength(def.innerType as Schema);
    case "default":
    case "prefault":
    case "catch":
      return declaredMaxLength(def.innerType as Schema);
    case "union": {
      const bounds = (def.options as Schema[]).map(declaredMaxLength);
      return bounds.some((b) => b === undefined) ? undefined : Math.max(...(bounds as number[]));
    }
    case "pipe":
      return both(declaredMaxLength(def.in as Schema), declaredMaxLength(def.out as Schema));
    default:
      return undefined;
  }
}

/** The range a number schema declares (each end open or closed), or undefined where it declares none. */
export function declaredNumberRange(s: Schema): { min: number; minOpen: boolean; max: number; maxOpen: boolean } | undefined {
  const def = defOf(s);
  if (["optional", "nullable", "default", "catch", "readonly", "prefault"].includes(def.type))
    return declaredNumberRange(def.innerType as Schema);
  if (def.type === "pipe") return declaredNumberRange(def.out as Schema) ?? declaredNumberRange(def.in as Schema);
  if (def.type !== "number") return undefined;
  const checks = ((def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);
  const range = { min: -Infinity, minOpen: false, max: Infinity, maxOpen: false };
  for (const c of checks) {
    if (c.check === "greater_than" && typeof c.value === "number" && c.value >= range.min) {
      range.min = c.value;
      range.minOpen = c.inclusive !== true;
    }
    if (c.check === "less_than" && typeof c.value === "number" && c.value <= range.max) {
      range.max = c.value;
      range.maxOpen = c.inclusive !== true;
    }
  }
  return range;
}

/**
 * A text's length as the limits count it: zod's `max` counts code points (a surrogate pair once, a lone surrogate
 * as itself), and so does PostgreSQL's char_length in the tables' checks.
 */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n += 1;
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 1;
  }
  return n;
}

/**
 * Every place in a parsed value where it breaks its schema's declared limits: a string longer than its bound, a
 * number out of range or not finite. Walks objects (by their shape) and arrays; empty means within limits.
 */
export function limitBreaches(s: Schema, value: unknown, path = "$"): string[] {
  const def = defOf(s);
  if (["optional", "nullable", "default", "catch", "readonly", "prefault", "nonoptional"].includes(def.type) && value != null)
    return limitBreaches(def.innerType as Schema, value, path);
  if (def.type === "object" && value && typeof value === "object") {
    const shape = def.shape as Record<string, Schema>;
    return Object.keys(shape).flatMap((k) => limitBreaches(shape[k]!, (value as Record<string, unknown>)[k], `${path}.${k}`));
  }
  if (def.type === "array" && Array.isArray(value))
    return value.flatMap((v, i) => limitBreaches(def.element as Schema, v, `${path}[${i}]`));
  if (typeof value === "string") {
    const max = declaredMaxLength(s);
    const length = codePoints(value);
    return max !== undefined && length > max ? [`${path}: ${length} > ${max}`] : [];
  }
  if (typeof value === "number") {
    const range = declaredNumberRange(s);
    if (!range) return [];
    if (!Number.isFinite(value)) return [`${path}: ${value} is not finite`];
    const below = range.minOpen ? value <= range.min : value < range.min;
    const above = range.maxOpen ? value >= range.max : value > range.max;
    return below || above ? [`${path}: ${value} outside ${range.min}…${range.max}`] : [];
  }
  return [];
}
