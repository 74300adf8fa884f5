import { z } from "zod";

/** An unset variable and an empty one mean the same: "use the default". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const envSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])).transform((v) => v ?? "development"),
  /** PostgreSQL connection string. Unset: the embedded PGlite database in PGLITE_DIR. */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string")),
  PGLITE_DIR: optional(z.string()),
  /** Signs session cookies and form stamps; checked when first needed, so tools that never sign can run without it. */
  NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 random characters")),
  NEXTAUTH_URL: optional(z.url("must be an absolute http(s) URL")).transform((v) => (v ?? "http://localhost:3000").replace(/\/+$/, "")),
  SAMVAD_DEMO: optional(z.enum(["0", "1"], "must be 0 or 1")).transform((v) => v === "1"),
  TRUSTED_PROXY_HOPS: optional(z.coerce.number().int("must be a whole number").min(0).max(10)).transform((v) => v ?? 0),
  SAMVAD_MIN_FILL_MS: optional(z.coerce.number().int("must be a whole number").min(0).max(600_000)).transform((v) => v ?? 3000),
  /** Benchmarks only: 1 serves the floor pages under /bench-floor (otherwise they answer 404). */
  SAMVAD_BENCH_FLOORS: optional(z.enum(["0", "1"], "must be 0 or 1")).transform((v) => v === "1"),
  /** Benchmarks only: the file whose markup /bench-floor/same renders. */
  SAMVAD_BENCH_SAME_FILE: optional(z.string()),
  /** Benchmarks only: 1 prints every SQL statement of the process-wide database handle to stdout. */
  SAMVAD_SQL_LOG: optional(z.enum(["0", "1"], "must be 0 or 1")).transform((v) => v === "1"),
  /** Capacity of each participant's comment bucket (burst); the default is COMMENT_RATE's. Raised by benchmarks. */
  SAMVAD_COMMENT_BURST: optional(z.coerce.number().int("must be a whole number").min(1).max(100_000)).transform((v) => v ?? 5),
  /**
   * How long a visitor's principle page is shared between visitors (lib/http/page-cache.ts), in milliseconds;
   * 0 turns the cache off. Below a second, so that everyone sees a new comment within a second.
   */
  SAMVAD_PAGE_CACHE_MS: optional(z.coerce.number().int("must be a whole number").min(0).max(900)).transform((v) => v ?? 750),
  /** Outgoing mail server (smtp:// or smtps://, credentials in the URL). Unset: mail waits in the outbox (admins read it in a demo). */
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")),
  /** The From header of every message. */
  SMTP_FROM: optional(z.string().min(3)).transform((v) => v ?? "Samvad <no-reply@samvad.example>"),
});
export type Env = z.infer<typeof envSchema>;

/** The environment, validated. A bad value stops the process with a message that names the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
  throw new Error(`Samvad cannot start: the environment has invalid settings (see README and .env.example):\n${problems}`);
}

let cached: Env | undefined;

/** Read once per process; every other module asks here instead of reading process.env. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function authSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (secret) return secret;
  throw new Error("Samvad cannot start: NEXTAUTH_SECRET must be set to at least 32 random characters (see README).");
}

/**
 * This server's own address as it listens (set by `next start` and `next dev` once listening), for the page
 * cache's internal render; read each time because it is set after the process starts. Undefined elsewhere.
 */
export function localOrigin(): string | undefined {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  return origin && /^https?:\/\/[^/]+$/.test(origin) ? origin : undefined;
}
