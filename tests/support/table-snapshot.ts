import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** One table's fingerprint: how many rows, and an md5 of every row as text in a fixed order. */
export interface TableFingerprint {
  rows: number;
  md5: string;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Every base table of the application schema, by name. */
export async function applicationTables(db: Db): Promise<string[]> {
  const list = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  return list.map((t) => t.name);
}

/**
 * A fingerprint of every application table, read in one statement (so one consistent view, on PGlite and
 * PostgreSQL alike). Each row is cast to its text form and the rows are hashed in the order of that text, so
 * an INSERT, an UPDATE of any column (a timestamp, a flag) or a DELETE changes the table's md5, and equal
 * fingerprints mean equal contents.
 */
export async function fingerprintTables(db: Db): Promise<Record<string, TableFingerprint>> {
  const tables = await applicationTables(db);
  if (tables.length === 0) return {};
  const parts = tables.map(
    (name) =>
      `select '${name.replaceAll("'", "''")}'::text as name, count(*)::int as n, ` +
      `md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as h from "${name.replaceAll('"', '""')}" t`,
  );
  const found = rowsOf<{ name: string; n: number; h: string }>(await db.execute(sql.raw(parts.join("\nunion all\n"))));
  const out: Record<string, TableFingerprint> = {};
  for (const r of found) out[r.name] = { rows: Number(r.n), md5: r.h };
  return out;
}

/** The tables whose fingerprint differs between two snapshots, each with a short account of the change. */
export function changedTables(before: Record<string, TableFingerprint>, after: Record<string, TableFingerprint>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changed: string[] = [];
  for (const name of names) {
    const b = before[name];
    const a = after[name];
    if (!b) changed.push(`${name} (table appeared)`);
    else if (!a) changed.push(`${name} (table disappeared)`);
    else if (b.rows !== a.rows) changed.push(`${name} (${b.rows} → ${a.rows} rows)`);
    else if (b.md5 !== a.md5) changed.push(`${name} (rows changed in place: ${a.rows} rows, contents differ)`);
  }
  return changed;
}

/**
 * Runs `run` and throws, naming every table that changed, if it inserted, updated or deleted anything in any
 * application table. Returns what `run` returned.
 */
export async function assertNoTableChanges<T>(db: Db, run: () => Promise<T>): Promise<T> {
  const before = await fingerprintTables(db);
  if (Object.keys(before).length < 10)
    throw new Error(`the snapshot found only ${Object.keys(before).length} tables: is the schema migrated?`);
  const result = await run();
  const changed = changedTables(before, await fingerprintTables(db));
  if (changed.length > 0) throw new Error(`expected no writes, but these tables changed: ${changed.join("; ")}`);
  return result;
}
