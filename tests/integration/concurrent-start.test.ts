import { readdirSync } from "node:fs";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { freshDatabase } from "../support/engines";

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

async function rowCounts(h: DbHandle): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(
    await h.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  ).map((t) => t.name);
  const counts = rowsOf<{ name: string; n: number }>(
    await h.db.execute(sql.raw(tables.map((t) => `select '${t}'::text as name, count(*)::int as n from "${t}"`).join(" union all "))),
  );
  return Object.fromEntries(counts.map((r) => [r.name, Number(r.n)]));
}

// Several app instances started together on one PostgreSQL each migrate and (in a demo) seed at start. Without a
// lock between them the second migrator failed ("pg_type_typname_nsp_index": it created a type the first had just
// made) and two seeds wrote summary versions and notifications twice. PGlite has one process per folder by design.
const url = process.env.TEST_DATABASE_URL;
describe.skipIf(!url)("two processes starting at once on one PostgreSQL", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it("both migrate and seed, and the database is what one start leaves", async () => {
    if (!url) return;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    const name = `samvad_t_start_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await admin.unsafe(`create database ${name}`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    const target = new URL(url);
    target.pathname = `/${name}`;

    // Two connection pools, as two processes have: each runs the migrator, then the seed, at the same moment.
    const started = await Promise.allSettled(
      [0, 1].map(async () => {
        const h = await openDb({ url: target.toString(), maxConnections: 3 });
        cleanups.push(() => h.close());
        await h.exclusive(() => seedDemo(h.db));
        return h;
      }),
    );
    expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "ok"))).toEqual(["ok", "ok"]);
    const [first] = started;
    if (first?.status !== "fulfilled") return;

    const applied = rowsOf<{ n: number }>(await first.value.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(Number(applied[0]?.n)).toBe(readdirSync("db/migrations").filter((f) => f.endsWith(".sql")).length);

    const once = await freshDatabase("postgres");
    cleanups.push(() => once.close());
    await seedDemo(once.db);
    expect(await rowCounts(first.value)).toEqual(await rowCounts(once));
  });
});
