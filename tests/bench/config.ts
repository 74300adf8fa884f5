// Settings of one benchmark run, in one place. Only tests/bench reads these; the app reads its own through lib/env.
import os from "node:os";
import path from "node:path";

const int = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got ${raw})`);
  return n;
};

export const ROOT = process.cwd();
export const PORT = int("BENCH_PORT", 3310);
export const L1_PORT = PORT + 1;
export const ORIGIN = `http://127.0.0.1:${PORT}`;
/** The server's secret; the bench signs its session cookies with the same one. */
export const SECRET = "bench-secret-bench-secret-bench-secret-01";
/** PostgreSQL when set; otherwise a fresh embedded database folder. */
export const DATABASE_URL = process.env.BENCH_DATABASE_URL || undefined;
export const PGLITE_DIR = path.join(ROOT, ".data", "bench-pglite");
export const OUT_DIR = path.join(ROOT, ".bench");
export const SAME_FILE = path.join(OUT_DIR, "principle-main.html");
export const CONSULTATION = "paris-call";

export const SEED = {
  participants: 2000,
  threads: 3000,
  replies: 2000,
  endorsements: 1000,
  /** B6 grows principle 1 to this many comments (same 60/40 thread/reply shape). */
  growTo: int("BENCH_GROW_TO", 500_000),
};

/** Durations in seconds: every run is bounded in time (and B3 in count). */
export const TIMES = {
  warmup: int("BENCH_WARMUP_S", 3),
  run: int("BENCH_RUN_S", 10),
  flash: int("BENCH_FLASH_S", 20),
  intake: int("BENCH_INTAKE_S", 12),
};
export const CONNECTIONS = 50;
export const FLASH_CONNECTIONS = 200;
export const INTAKE = { users: 200, concurrency: 50, maxPosts: int("BENCH_INTAKE_MAX", 3000) };
/** Requests sent one after another to count SQL statements per request. */
export const SQL_COUNT_REQUESTS = 5;

/** CPU pinning: server on CPU 0, load generator on CPU 1, when taskset exists and there are two CPUs. */
export const CPUS = os.cpus().length;
