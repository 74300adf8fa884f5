import path from "node:path";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { lockPgliteDir } from "./pglite-lock";
import * as schema from "./schema";

/** One type for both engines: queries are written once against it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = "postgres" | "pglite";
export interface DbHandle {
  db: Db;
  engine: Engine;
  /** Applies every committed migration not yet applied (idempotent). */
  migrate: () => Promise<void>;
  /** Runs `work` while no other process on this database runs its own startup work (migrations, the demo seed). */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");
export const defaultPgliteDir = path.join(process.cwd(), ".data", "pglite");

/**
 * Several app instances may start at once on one PostgreSQL. Drizzle's migrator and the demo seed both read what
 * is there and then write, so two at once clash (the second fails creating a type the first has just made) or
 * write twice (summary versions, notifications). A session-level advisory lock, held on one reserved connection
 * while the work runs on the pool, lets one process at a time through; the next then finds the work done.
 */
async function underStartupLock<T>(client: import("postgres").Sql, work: () => Promise<T>): Promise<T> {
  const conn = await client.reserve();
  try {
    await conn`select pg_advisory_lock(hashtext('samvad:startup'))`;
    try {
      return await work();
    } finally {
      await conn`select pg_advisory_unlock(hashtext('samvad:startup'))`;
    }
  } finally {
    conn.release();
  }
}

export interface OpenOptions {
  /** PostgreSQL connection string; wins over everything else. */
  url?: string;
  /** Folder for the embedded database; "memory://" keeps it in memory (tests). */
  pgliteDir?: string;
  /**
   * An in-memory embedded database starts as a copy of this data folder (a tarball from PGlite's dumpDataDir),
   * instead of an empty cluster: tests start from one already migrated, which takes a quarter of the time.
   */
  pgliteSnapshot?: Blob;
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
    const exclusive = <T>(work: () => Promise<T>) => underStartupLock(client, work);
    const apply = () => exclusive(() => migrate(db, { migrationsFolder }));
    if (runMigrations) await apply();
    return { db, engine: "postgres", migrate: apply, exclusive, close: () => client.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = options.pgliteDir ?? env().PGLITE_DIR ?? defaultPgliteDir;
  const inMemory = dir.startsWith("memory://");
  const release = inMemory ? () => {} : lockPgliteDir(dir);
  const client = await PGlite.create({
    dataDir: inMemory ? undefined : dir,
    loadDataDir: inMemory ? options.pgliteSnapshot : undefined,
    extensions: { pg_trgm },
  });
  const db = drizzle(client, { schema, casing: "snake_case", logger: options.logger });
  const apply = () => migrate(db, { migrationsFolder });
  if (runMigrations) await apply();
  return {
    db,
    engine: "pglite",
    migrate: apply,
    // The folder lock already keeps every other process out.
    exclusive: (work) => work(),
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
