import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { databaseAnswers } from "@/db/queries/health";
import { freshDatabase, testEngines } from "../support/engines";

describe.each(testEngines())("readiness check on %s", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase(engine);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("answers true while the database is open and false once it is gone", async () => {
    expect(await databaseAnswers(handle.db, 2000)).toBe(true);
    const closed = await freshDatabase(engine);
    await closed.close();
    expect(await databaseAnswers(closed.db, 2000)).toBe(false);
  });
});
