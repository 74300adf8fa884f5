import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { isDatabaseUnavailable, isUniqueViolation } from "@/db/queries/pg-errors";
import { freshDatabase, testEngines } from "../support/engines";
import { freePort } from "../support/free-port";

/** The error a statement really fails with, as the app would catch it. */
async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error("the statement was expected to fail");
}

describe("a database that cannot be reached is told apart from a statement that failed", () => {
  it("recognises the refused connection of a PostgreSQL that is not running", async () => {
    const handle = await openDb({ url: `postgres://postgres@127.0.0.1:${await freePort()}/samvad`, migrate: false, maxConnections: 1 });
    try {
      const err = await failureOf(() => handle.db.execute(sql`select 1`));
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(isUniqueViolation(err)).toBe(false);
    } finally {
      await handle.close();
    }
  });

  it("recognises an embedded database that has been closed", async () => {
    const handle = await openDb({ pgliteDir: "memory://", migrate: false });
    await handle.close();
    expect(isDatabaseUnavailable(await failureOf(() => handle.db.execute(sql`select 1`)))).toBe(true);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("recognises connections the server ends, as a fast shutdown ends every one", async () => {
    const url = process.env.TEST_DATABASE_URL ?? "";
    const victim = await openDb({ url, migrate: false, maxConnections: 1 });
    const admin = await openDb({ url, migrate: false, maxConnections: 1 });
    try {
      // postgres-js hands rows back as an array.
      const [row] = (await victim.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
      const sleeping = failureOf(() => victim.db.execute(sql`select pg_sleep(30)`));
      for (let i = 0; i < 200; i++) {
        const [state] = (await admin.db.execute(
          sql`select state = 'active' as active from pg_stat_activity where pid = ${row!.pid}`,
        )) as unknown as { active: boolean }[];
        if (state?.active) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      // What `pg_ctl stop -m fast` does to every backend (57P01 admin_shutdown).
      await admin.db.execute(sql`select pg_terminate_backend(${row!.pid})`);
      const failures = [await sleeping];
      // The pool replaces the lost connection by itself. The driver may still hand the server's farewell
      // (57P01) to the next statement; that one must be recognised too, and then statements go through again.
      let recovered = false;
      for (let attempt = 0; attempt < 3 && !recovered; attempt++) {
        try {
          await victim.db.execute(sql`select 1`);
          recovered = true;
        } catch (err) {
          failures.push(err);
        }
      }
      expect(recovered).toBe(true);
      expect(failures.map(isDatabaseUnavailable)).toEqual(failures.map(() => true));
    } finally {
      await victim.close();
      await admin.close();
    }
  });
});

describe.each(testEngines())("statements that fail on a reachable database (%s) are not outages", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase(engine);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("does not take a syntax error, a missing table or a unique violation for an outage", async () => {
    expect(isDatabaseUnavailable(await failureOf(() => handle.db.execute(sql`selec 1`)))).toBe(false);
    expect(isDatabaseUnavailable(await failureOf(() => handle.db.execute(sql`select * from no_such_table`)))).toBe(false);
    await handle.db.execute(sql`create table duplicate_probe (k int primary key)`);
    await handle.db.execute(sql`insert into duplicate_probe values (1)`);
    const duplicate = await failureOf(() => handle.db.execute(sql`insert into duplicate_probe values (1)`));
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
  });
});
