import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listGrievances } from "@/db/queries/grievances";
import { grievances } from "@/db/schema";
import { GRIEVANCE_RATE, markGrievanceResolved, submitGrievance } from "@/lib/commands/grievances";
import { signFormStamp } from "@/lib/rules/form-timing";
import { grievanceSchema, type GrievanceInput } from "@/lib/validation/privacy";
import { fieldErrorKeys } from "@/lib/validation/form-data";
import { freshDatabase, testEngines } from "../support/engines";
import { newActor, SECRET } from "./consultation-fixtures";
import { newStaff } from "./moderation-fixtures";

function input(overrides: Record<string, string> = {}, renderedAt = Date.now() - 10_000): GrievanceInput {
  return grievanceSchema.parse({
    name: "Meera Iyer",
    email: "meera@example.org",
    message: "My comment was hidden and I was not told which rule it broke.",
    formToken: crypto.randomUUID(),
    stamp: signFormStamp(renderedAt, SECRET),
    ...overrides,
  });
}

let n = 0;
const address = () => `192.0.2.${++n}`;

describe("grievance form validation", () => {
  const errors = (raw: Record<string, string | undefined>) => {
    const r = grievanceSchema.safeParse({
      name: "Meera",
      email: "meera@example.org",
      message: "Long enough message.",
      formToken: crypto.randomUUID(),
      ...raw,
    });
    return r.success ? {} : fieldErrorKeys(r.error.issues);
  };
  it.each([
    ["name", " ", "nameRequired"],
    ["email", "", "emailRequired"],
    ["email", "not an address", "emailInvalid"],
    ["message", "too short", "grievanceTooShort"],
    ["message", "x".repeat(5001), "grievanceTooLong"],
    ["formToken", "nope", "formExpired"],
  ])("%s = %j → %s", (field, value, key) => {
    expect(errors({ [field]: value })).toEqual({ [field]: key });
  });
});

describe.each(testEngines())("grievances on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  const send = (
    i: GrievanceInput,
    addr: string | null = address(),
    actor: Awaited<ReturnType<typeof newActor>> | null = null,
    now = new Date(),
  ) => submitGrievance(h.db, actor, { input: i, language: "en", address: addr, secret: SECRET, minFillMs: 3000 }, now);

  it("answers at once with a GR-year-number reference", async () => {
    const at = new Date("2026-03-05T10:00:00+05:30");
    const r = await send(input({}, at.getTime() - 10_000), address(), null, at);
    if (!r.ok) throw new Error(r.error);
    expect(r.reference).toMatch(/^GR-2026-\d{6}$/);
  });

  it("a form sent twice at once stores one grievance and answers both with the same reference", async () => {
    const form = input({ message: "Sent twice by a double click on the button." });
    const addr = address();
    const [a, b] = await Promise.all([send(form, addr), send(form, addr)]);
    if (!a.ok || !b.ok) throw new Error(`refused: ${JSON.stringify([a, b])}`);
    expect(a.reference).toBe(b.reference);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(await h.db.select().from(grievances).where(eq(grievances.formToken, form.formToken))).toHaveLength(1);
    expect(await send(form, addr)).toEqual({ ok: true, reference: a.reference, duplicate: true });
  });

  it("records a signed-in sender's account and what they wrote", async () => {
    const actor = await newActor(h.db);
    const form = input({ message: "शिकायत: मेरी टिप्पणी बिना कारण छिपाई गई।" });
    expect((await send(form, address(), actor)).ok).toBe(true);
    const [row] = await h.db.select().from(grievances).where(eq(grievances.formToken, form.formToken));
    expect(row).toMatchObject({ userId: actor.id, name: "Meera Iyer", email: "meera@example.org", language: "en", resolvedAt: null });
  });

  it("refuses a form sent back faster than a person writes, a forged stamp, and a filled honeypot, storing nothing", async () => {
    const before = (await h.db.select().from(grievances)).length;
    expect(await send(input({}, Date.now() - 500))).toEqual({ ok: false, error: "tooFast" });
    expect(await send(input({ stamp: "123.forged" }))).toEqual({ ok: false, error: "formExpired" });
    expect(await send(input({ website: "http://spam.example" }))).toEqual({ ok: false, error: "rejected" });
    expect((await h.db.select().from(grievances)).length).toBe(before);
  });

  it("limits each address", async () => {
    const addr = address();
    for (let i = 0; i < GRIEVANCE_RATE.capacity; i++)
      expect((await send(input({ message: `Grievance number ${i} from here.` }), addr)).ok).toBe(true);
    const refused = await send(input({ message: "One grievance too many from here." }), addr);
    expect(refused).toMatchObject({ ok: false, error: "rateLimited" });
    expect((await send(input({ message: "Another address is not held up." }), address())).ok).toBe(true);
  });

  it("only an admin marks one resolved, once; it then leaves the open list", async () => {
    const form = input({ message: "Please resolve this grievance in the test." });
    const sent = await send(form);
    if (!sent.ok) throw new Error(sent.error);
    const [row] = await h.db.select({ id: grievances.id }).from(grievances).where(eq(grievances.formToken, form.formToken));
    const id = row!.id;
    expect(await markGrievanceResolved(h.db, await newStaff(h.db, "moderator"), { grievanceId: id, resolution: "Done." })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await markGrievanceResolved(h.db, null, { grievanceId: id, resolution: "Done." })).toEqual({
      ok: false,
      error: "unauthenticated",
    });
    const admin = await newStaff(h.db, "admin");
    expect((await listGrievances(h.db, { state: "open", limit: 500 })).some((g) => g.id === id)).toBe(true);
    expect(await markGrievanceResolved(h.db, admin, { grievanceId: id, resolution: "Answered by email; rule 2 cited." })).toEqual({
      ok: true,
    });
    expect(await markGrievanceResolved(h.db, admin, { grievanceId: id, resolution: "Again." })).toEqual({
      ok: false,
      error: "alreadyDecided",
    });
    expect(await markGrievanceResolved(h.db, admin, { grievanceId: 999_999, resolution: "x" })).toEqual({ ok: false, error: "notFound" });
    expect((await listGrievances(h.db, { state: "open", limit: 500 })).some((g) => g.id === id)).toBe(false);
    const resolved = await listGrievances(h.db, { state: "resolved", limit: 500 });
    expect(resolved.find((g) => g.id === id)).toMatchObject({ resolution: "Answered by email; rule 2 cited." });
  });
});
