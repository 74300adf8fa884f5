import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listFeedback } from "@/db/queries/feedback";
import { rateLimitBuckets, siteFeedback } from "@/db/schema";
import { FEEDBACK_RATE, submitFeedback } from "@/lib/commands/feedback";
import { feedbackSchema, type FeedbackInput } from "@/lib/validation/feedback";
import { freshDatabase, testEngines } from "../support/engines";
import { newActor } from "./consultation-fixtures";

function input(overrides: Partial<FeedbackInput> = {}): FeedbackInput {
  return feedbackSchema.parse({
    message: "The search box is hard to find on a small phone.",
    formToken: crypto.randomUUID(),
    pagePath: "/en/help",
    ...overrides,
  });
}

/** A fresh documentation address (RFC 5737) per test, so that tests do not share a bucket. */
let n = 0;
const address = () => `198.51.100.${++n}`;

describe.each(testEngines())("feedback on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  const send = (i: FeedbackInput, addr: string | null, now = new Date(), actor: Awaited<ReturnType<typeof newActor>> | null = null) =>
    submitFeedback(h.db, actor, { input: i, language: "en", address: addr }, now);

  it("gives each message its own reference number at once, FB-year-number", async () => {
    const addr = address();
    const now = new Date("2026-03-05T10:00:00+05:30");
    const a = await send(input(), addr, now);
    const b = await send(input({ message: "Another, different message about the site." }), addr, now);
    if (!a.ok || !b.ok) throw new Error("refused");
    expect(a.reference).toMatch(/^FB-2026-\d{6}$/);
    expect(b.reference).not.toBe(a.reference);
  });

  it("a form sent twice at once stores one message and answers both with the same reference", async () => {
    const form = input({ message: "Sent twice by a double click on the button." });
    const addr = address();
    const [a, b] = await Promise.all([send(form, addr), send(form, addr)]);
    if (!a.ok || !b.ok) throw new Error(`refused: ${JSON.stringify([a, b])}`);
    expect(a.reference).toBe(b.reference);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    const stored = await h.db.select().from(siteFeedback).where(eq(siteFeedback.formToken, form.formToken));
    expect(stored).toHaveLength(1);
    // Sent again later (reload, back and resend): still the same acknowledgement, nothing new stored.
    const again = await send(form, addr);
    expect(again).toEqual({ ok: true, reference: a.reference, duplicate: true });
    expect(await h.db.select().from(siteFeedback).where(eq(siteFeedback.formToken, form.formToken))).toHaveLength(1);
  });

  it("stores what was sent: name, email, page, language and the signed-in account", async () => {
    const actor = await newActor(h.db);
    const form = input({ name: "Asha", email: "asha@example.org", message: "फ़ॉर्म की भाषा बहुत साफ़ है, धन्यवाद।" });
    const r = await submitFeedback(h.db, actor, { input: form, language: "hi", address: address() });
    expect(r.ok).toBe(true);
    const [row] = await h.db.select().from(siteFeedback).where(eq(siteFeedback.formToken, form.formToken));
    expect(row).toMatchObject({ name: "Asha", email: "asha@example.org", userId: actor.id, pagePath: "/en/help", language: "hi" });
    const listed = await listFeedback(h.db, { limit: 100 });
    expect(listed.find((l) => l.id === row?.id)).toMatchObject({ message: form.message });
  });

  it("limits each address: past the burst a message is refused with a time, other addresses are not held up", async () => {
    const addr = address();
    const now = new Date();
    for (let i = 0; i < FEEDBACK_RATE.capacity; i++) {
      expect((await send(input({ message: `Message number ${i} from one address.` }), addr, now)).ok).toBe(true);
    }
    const before = (await h.db.select().from(siteFeedback)).length;
    const refused = await send(input({ message: "One message too many from this address." }), addr, now);
    expect(refused).toEqual({ ok: false, error: "rateLimited", retryAt: expect.any(Date) });
    if (refused.ok || refused.error !== "rateLimited") throw new Error("not refused");
    expect(refused.retryAt.getTime()).toBeGreaterThan(now.getTime());
    expect((await h.db.select().from(siteFeedback)).length).toBe(before);

    expect((await send(input(), address(), now)).ok).toBe(true);
    const later = new Date(refused.retryAt.getTime() + 1);
    expect((await send(input({ message: "Sent again once the wait is over." }), addr, later)).ok).toBe(true);
  });

  it("senders whose address is unknown share one larger bucket", async () => {
    expect((await send(input(), null)).ok).toBe(true);
    const [bucket] = await h.db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, "feedback:address-unknown"));
    expect(bucket).toBeDefined();
  });

  it("a filled honeypot is refused and nothing is stored", async () => {
    const form = input({ website: "http://spam.example" });
    expect(await send(form, address())).toEqual({ ok: false, error: "rejected" });
    expect(await h.db.select().from(siteFeedback).where(eq(siteFeedback.formToken, form.formToken))).toHaveLength(0);
  });
});

describe("feedback form validation", () => {
  const parse = (v: Record<string, string>) => feedbackSchema.safeParse({ formToken: crypto.randomUUID(), ...v });
  const keys = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}:${i.message}`));

  it("needs a message of a sensible length; name and email are optional, an email must be one", () => {
    expect(parse({ message: "Too short" }).success).toBe(false);
    expect(keys(parse({ message: "Too short" }))).toEqual(["message:feedbackTooShort"]);
    expect(keys(parse({ message: "x".repeat(5001) }))).toEqual(["message:feedbackTooLong"]);
    expect(keys(parse({ message: "A perfectly fine message.", email: "not an email" }))).toEqual(["email:emailInvalid"]);
    expect(parse({ message: "A perfectly fine message.", email: "  ", name: "" }).success).toBe(true);
  });

  it("keeps only a path on this site as the page the message came from", () => {
    const path = (p: string) => {
      const r = parse({ message: "A perfectly fine message.", pagePath: p });
      return r.success ? r.data.pagePath : null;
    };
    expect(path("/hi/consultations/paris-call")).toBe("/hi/consultations/paris-call");
    expect(path("https://evil.example/")).toBe("");
    expect(path("//evil.example")).toBe("");
  });
});
