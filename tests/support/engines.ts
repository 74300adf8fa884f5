import fs from "node:fs";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { openDb, type DbHandle, type Engine } from "@/db/client";

/**
 * The engines every integration test runs on: embedded PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 * In CI a missing PostgreSQL is an error, never a silent skip.
 */
export function testEngines(): Engine[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === "true") throw new Error("CI must set TEST_DATABASE_URL so tests run on PostgreSQL too");
  return url ? ["pglite", "postgres"] : ["pglite"];
}

let snapshot: Blob | undefined;

/** The migrated embedded database the global setup left (tests/support/database-templates.ts), read once per file. */
function pgliteSnapshot(): Blob {
  snapshot ??= new Blob([fs.readFileSync(inject("pgliteSnapshotFile"))]);
  return snapshot;
}

/** CREATE DATABASE … TEMPLATE refuses while another session is connected to the template, so it is tried again. */
async function createFromTemplate(admin: postgres.Sql, name: string, template: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
      return;
    } catch (err) {
      const objectInUse = err instanceof postgres.PostgresError && err.code === "55006";
      if (!objectInUse || attempt === 5) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/**
 * A fresh, migrated database of the given engine, dropped again by `close`: a copy of the one the global setup
 * migrated, on which the migrator then finds nothing left to apply; `fromEmpty` migrates an empty one instead.
 */
export async function freshDatabase(engine: Engine, o: { fromEmpty?: boolean } = {}): Promise<DbHandle> {
  if (engine === "pglite") return openDb({ pgliteDir: "memory://", pgliteSnapshot: o.fromEmpty ? undefined : pgliteSnapshot() });
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `samvad_t_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await createFromTemplate(admin, name, o.fromEmpty ? "" : inject("postgresTemplate"));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const APPEND_ONLY = [
  "endorsement_events",
  "moderation_decisions",
  "audit_log",
  "summary_versions",
  "summary_citations",
  "consultation_reports",
];

/**
 * Empties every application table between tests (both engines). The append-only trigger on the event log is
 * switched off for the duration: only the test owner of a throwaway database may do this.
 */
export async function truncateAll(handle: DbHandle): Promise<void> {
  await handle.db.transaction(async (tx) => {
    for (const t of APPEND_ONLY) await tx.execute(sql.raw(`alter table ${t} disable trigger user`));
    await tx.execute(
      sql`truncate table sign_in_attempts, rate_limit_buckets, memberships, organisations, principles, consultations, users restart identity cascade`,
    );
    for (const t of APPEND_ONLY) await tx.execute(sql.raw(`alter table ${t} enable trigger user`));
  });
}

export async function countRows(handle: DbHandle, table: string): Promise<number> {
  const result = await handle.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
  const rows = Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows;
  return Number(rows[0]?.n ?? 0);
}
