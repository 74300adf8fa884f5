import fs from "node:fs";
import path from "node:path";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";

/** One type for both engines: queries are written once against it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = "postgres" | "pglite";
export interface DbHandle {
  db: Db;
  engine: Engine;
  /** Applies any committed migration not yet applied (idempotent). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");
export const defaultPgliteDir = path.join(process.cwd(), ".data", "pglite");

/**
 * PGlite has no cross-process lock: two processes on one folder silently lose each other's writes.
 * We take an exclusive lock file and refuse to open a folder another live process holds.
 */
function lockPgliteDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "..", `${path.basename(dir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => fs.rmSync(lockPath, { force: true });
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(
          `The embedded database at ${dir} is in use by process ${holder}. Stop it first, or set PGLITE_DIR to another folder.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new Error(`Could not lock the embedded database at ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface OpenOptions {
  /** PostgreSQL connection string; wins over everything else. */
  url?: string;
  /** Folder for the embedded database; "memory://" keeps it in memory (tests). */
  pgliteDir?: string;
  /** Apply the committed migrations before returning (default true). */
  migrate?: boolean;
  maxConnections?: number;
  /** Sees every statement (benchmarks and tests count them). */
  logger?: Logger;
}

export async function openDb(options: OpenOptions = {}): Promise<DbHandle> {
  const url = options.url ?? (options.pgliteDir ? undefined : env().DATABASE_URL);
  const runMigrations = options.migrate ?? true;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzle(client, { schema, casing: "snake_case", logger: options.logger });
    const apply = () => migrate(db, { migrationsFolder });
    if (runMigrations) await apply();
    return { db, engine: "postgres", migrate: apply, close: () => client.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = options.pgliteDir ?? env().PGLITE_DIR ?? defaultPgliteDir;
  const inMemory = dir.startsWith("memory://");
  const release = inMemory ? () => {} : lockPgliteDir(dir);
  const client = await PGlite.create({ dataDir: inMemory ? undefined : dir, extensions: { pg_trgm } });
  const db = drizzle(client, { schema, casing: "snake_case", logger: options.logger });
  const apply = () => migrate(db, { migrationsFolder });
  if (runMigrations) await apply();
  return {
    db,
    engine: "pglite",
    migrate: apply,
    close: async () => {
      await client.close();
      release();
    },
  };
}

// Next compiles instrumentation and routes as separate bundles and re-evaluates modules on reload, so the one
// connection per process lives on globalThis rather than in a module variable.
const holder = globalThis as unknown as { __samvadDb?: Promise<DbHandle> };

/** Prefix of the lines SAMVAD_SQL_LOG=1 prints, one per statement (the benchmark counts them). */
export const SQL_LOG_PREFIX = "[samvad-sql] ";

/** Benchmarks only: every statement drizzle sends (queries, db.execute, inside transactions) as one stdout line. */
const sqlLineLogger: Logger = {
  logQuery: (query) => void process.stdout.write(`${SQL_LOG_PREFIX}${query.replace(/\s+/g, " ")}\n`),
};

export function getDbHandle(): Promise<DbHandle> {
  holder.__samvadDb ??= openDb(env().SAMVAD_SQL_LOG ? { logger: sqlLineLogger } : {}).catch((err: unknown) => {
    holder.__samvadDb = undefined;
    throw err;
  });
  return holder.__samvadDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
