import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DbHandle } from "@/db/client";
import type { FormState } from "@/lib/actions/form-state";
import { freePort } from "../support/free-port";

// The app's one connection (db/client.ts getDb) as this process sees it; the tests point it where they need.
const holder = globalThis as unknown as { __samvadDb?: Promise<DbHandle> };

const schema = z.object({ title: z.string().min(1), body: z.string().min(1), password: z.string().min(1) });
const idle: FormState = { status: "idle", errors: {}, values: {} };

function posted(): FormData {
  const form = new FormData();
  form.set("title", "On principle 3");
  form.set("body", "Electoral processes need the same care as critical infrastructure.");
  form.set("password", "paris-call-demo-2018");
  return form;
}

describe("a form sent while PostgreSQL is down comes back with what was typed", () => {
  let ran = 0;
  let unreachable: DbHandle;
  let formAction: (typeof import("@/lib/actions/kit/form-action"))["formAction"];

  beforeAll(async () => {
    ({ formAction } = await import("@/lib/actions/kit/form-action"));
    const { openDb } = await import("@/db/client");
    unreachable = await openDb({ url: `postgres://postgres@127.0.0.1:${await freePort()}/samvad`, migrate: false, maxConnections: 1 });
  });
  afterAll(async () => {
    holder.__samvadDb = undefined;
    await unreachable.close();
  });

  function action(run: () => Promise<never>) {
    return formAction({
      name: "testAction",
      schema,
      target: () => null,
      run: async () => {
        ran++;
        return run();
      },
    });
  }

  it("keeps every value but the password and says the service is briefly unavailable", async () => {
    // The app's connection is opened on first use; with PostgreSQL not running, opening it is refused.
    const { openDb } = await import("@/db/client");
    holder.__samvadDb = openDb({ url: `postgres://postgres@127.0.0.1:${await freePort()}/samvad` });
    holder.__samvadDb.catch(() => {});
    const state = await action(() => Promise.reject(new Error("not reached")))(idle, posted());
    expect(state).toEqual({
      status: "error",
      errors: { form: "serviceUnavailable" },
      values: { title: "On principle 3", body: "Electoral processes need the same care as critical infrastructure." },
    });
    expect(ran).toBe(0);
    // The proxy's memo has been told, so the next page request gets the 503 page rather than a failed render.
    const { databaseReadiness } = await import("@/lib/http/readiness-memo");
    expect(await databaseReadiness().up(async () => false)).toBe(false);
  });

  it("lets an error that is not about the database through, rather than calling it an outage", async () => {
    // The pool opens (nothing is sent yet), then reading the session fails: this test runs outside a request.
    holder.__samvadDb = Promise.resolve(unreachable);
    await expect(action(() => Promise.reject(new Error("not reached")))(idle, posted())).rejects.toThrow(/outside a request scope/);
    expect(ran).toBe(0);
  });
});
