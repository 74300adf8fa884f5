import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { reserveSignInAttempt } from "@/db/queries/sign-in-attempts";
import { createUser } from "@/db/seed";
import { authenticate } from "@/lib/auth/authenticate";
import { SIGN_IN_MAX_FAILURES_PER_ADDRESS, SIGN_IN_WINDOW_MS } from "@/lib/rules/sign-in-limits";
import { countRows, freshDatabase, testEngines, truncateAll } from "../support/engines";

const PASSWORD = "correct horse battery staple";

describe.each(testEngines())("sign-in limits on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());
  beforeEach(async () => truncateAll(h));

  it("signs in with the right password and refuses a wrong one", async () => {
    const u = await createUser(h.db, { email: "ok@example.org", password: PASSWORD });
    const good = await authenticate(h.db, { email: "OK@example.org", password: PASSWORD, address: "10.0.0.1" });
    expect(good.ok && good.user.id).toBe(u.id);
    const bad = await authenticate(h.db, { email: "ok@example.org", password: "wrong", address: "10.0.0.1" });
    expect(bad).toEqual({ ok: false, error: "invalidCredentials" });
    const unknown = await authenticate(h.db, { email: "nobody@example.org", password: PASSWORD, address: "10.0.0.1" });
    expect(unknown).toEqual({ ok: false, error: "invalidCredentials" });
  });

  it("refuses the 6th attempt after 5 failures even with the right password, and says when to retry", async () => {
    await createUser(h.db, { email: "locked@example.org", password: PASSWORD });
    const before = Date.now();
    for (let i = 0; i < 5; i++) {
      const r = await authenticate(h.db, { email: "locked@example.org", password: "wrong password " + i, address: `10.0.1.${i}` });
      expect(r).toEqual({ ok: false, error: "invalidCredentials" });
    }
    const sixth = await authenticate(h.db, { email: "Locked@Example.org", password: PASSWORD, address: "10.0.2.1" });
    expect(sixth.ok).toBe(false);
    if (sixth.ok || sixth.error !== "rateLimited") throw new Error("expected rateLimited");
    expect(sixth.retryAt.getTime()).toBeGreaterThanOrEqual(before + SIGN_IN_WINDOW_MS - 1000);
    expect(sixth.retryAt.getTime()).toBeLessThanOrEqual(Date.now() + SIGN_IN_WINDOW_MS);
    // A refused attempt is not recorded, so it does not push the retry time further out.
    expect(await countRows(h, "sign_in_attempts")).toBe(5);
  });

  it("accepts again once the failures have left the window", async () => {
    await createUser(h.db, { email: "later@example.org", password: PASSWORD });
    const past = new Date(Date.now() - SIGN_IN_WINDOW_MS - 60_000);
    for (let i = 0; i < 5; i++) await reserveSignInAttempt(h.db, "later@example.org", "10.0.3.1", past);
    const r = await authenticate(h.db, { email: "later@example.org", password: PASSWORD, address: "10.0.3.1" });
    expect(r.ok).toBe(true);
  });

  it("counts concurrent failures one by one: 8 parallel wrong attempts record exactly 5", async () => {
    await createUser(h.db, { email: "race@example.org", password: PASSWORD });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => authenticate(h.db, { email: "race@example.org", password: "nope " + i, address: `10.0.4.${i}` })),
    );
    expect(results.filter((r) => !r.ok && r.error === "invalidCredentials")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error === "rateLimited")).toHaveLength(3);
  });

  it("limits failures per address across many emails", async () => {
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_ADDRESS; i++) {
      await reserveSignInAttempt(h.db, `spray${i}@example.org`, "192.0.2.7");
    }
    await createUser(h.db, { email: "victim@example.org", password: PASSWORD });
    const r = await authenticate(h.db, { email: "victim@example.org", password: PASSWORD, address: "192.0.2.7" });
    expect(r.ok).toBe(false);
    const elsewhere = await authenticate(h.db, { email: "victim@example.org", password: PASSWORD, address: "192.0.2.8" });
    expect(elsewhere.ok).toBe(true);
  });
});
