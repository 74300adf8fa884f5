import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { registerParticipant } from "@/db/queries/users";
import { comments, users } from "@/db/schema";
import { createUser } from "@/db/seed";
import { createComment } from "@/lib/commands/comments";
import { moderateComment } from "@/lib/commands/moderation";
import { CAMPAIGN_NEW_ACCOUNT_COPIES } from "@/lib/limits";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import { SIGNUP_CLIENT_RATE } from "@/lib/rules/token-bucket";
import { freshDatabase, testEngines } from "../support/engines";
import { commentInput, newConsultation, SECRET, type SignedIn } from "./consultation-fixtures";
import { newStaff } from "./moderation-fixtures";

/**
 * Bulk intake (lib/rules/intake-limits.ts): a flood of sign-ups from one address, or of one text from many new
 * accounts, is held for a moderator rather than refused, so nobody behind a shared address is locked out and no
 * text is lost.
 */

const SHARED_ADDRESS = "203.0.113.40";
const TEXT =
  "Please keep the public core of the Internet out of every conflict: no state should attack the infrastructure that keeps it running.";

describe.each(testEngines())("bulk intake on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  let n = 0;
  async function signUpFrom(client: string | null, now: Date) {
    n++;
    const r = await registerParticipant(
      h.db,
      {
        email: `bulk-${n}-${crypto.randomUUID().slice(0, 8)}@example.org`,
        name: `Bulk ${n}`,
        passwordHash: "not-used-by-these-tests",
        stakeholderGroup: "academia",
        designation: "",
        preferredLanguage: "en",
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        privacyConsentedAt: now,
      },
      { kind: "none" },
      { client, now },
    );
    if (!r.ok) throw new Error(`sign-up refused: ${r.error}`);
    const [row] = await h.db.select({ heldAt: users.heldAt }).from(users).where(eq(users.id, r.user.id));
    return { actor: { id: r.user.id, role: "participant", stakeholderGroup: "academia" } as SignedIn, held: !!row?.heldAt };
  }

  async function post(actor: SignedIn, c: { slug: string; principle: string }, body: string) {
    const r = await createComment(h.db, actor, {
      consultationSlug: c.slug,
      principleSlug: c.principle,
      input: commentInput({ body }),
      language: "en",
      secret: SECRET,
    });
    if (!r.ok) throw new Error(`comment refused: ${r.error}`);
    return r.id;
  }

  async function states(ids: number[]) {
    const rows = await h.db
      .select({ id: comments.id, state: comments.state, body: comments.body, lead: comments.campaignLeadId })
      .from(comments)
      .where(inArray(comments.id, ids));
    return new Map(rows.map((r) => [r.id, r]));
  }

  async function place() {
    const c = await newConsultation(h.db, { principleCount: 1 });
    return { slug: c.slug, principle: c.principles[0]!.slug };
  }

  it("500 sign-ups from one address in a minute: every account is made, those past the limit are held, and the address is free again within a minute", async () => {
    const t0 = Date.now();
    const results = [];
    // 500 sign-ups spread over 60 seconds, one every 120 ms.
    for (let i = 0; i < 500; i++) results.push(await signUpFrom(SHARED_ADDRESS, new Date(t0 + i * 120)));
    const free = results.filter((r) => !r.held).length;
    // The burst, then one every refill interval over the minute.
    const expected = SIGNUP_CLIENT_RATE.capacity + Math.floor((499 * 120) / SIGNUP_CLIENT_RATE.refillMs);
    expect(free).toBe(expected);
    expect(results.filter((r) => r.held)).toHaveLength(500 - expected);
    expect(results.slice(0, SIGNUP_CLIENT_RATE.capacity).every((r) => !r.held)).toBe(true);
    // Nothing was refused: all 500 accounts exist.
    const [count] = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`${users.email} like 'bulk-%'`);
    expect(Number(count?.n)).toBeGreaterThanOrEqual(500);

    // Someone else on another network is not affected; without a trusted address no limit applies.
    expect((await signUpFrom("198.51.100.7", new Date(t0 + 60_000))).held).toBe(false);
    expect((await signUpFrom(null, new Date(t0 + 60_000))).held).toBe(false);
    // A real person behind the same address, one refill interval after the flood stops, is not held.
    expect((await signUpFrom(SHARED_ADDRESS, new Date(t0 + 499 * 120 + SIGNUP_CLIENT_RATE.refillMs))).held).toBe(false);
  });

  it("a held account can write at once: its comment is stored and waits for a moderator; approving it releases the account", async () => {
    const c = await place();
    const t0 = Date.now();
    const flood = [];
    for (let i = 0; i < SIGNUP_CLIENT_RATE.capacity + 1; i++) flood.push(await signUpFrom("203.0.113.41", new Date(t0)));
    const held = flood.at(-1)!;
    expect(held.held).toBe(true);

    const text = "My first comment, written from a university network during a sign-up flood, and kept in full.";
    const first = await post(held.actor, c, text);
    expect((await states([first])).get(first)).toMatchObject({ state: "awaiting_moderation", body: text });

    const moderator = await newStaff(h.db, "moderator");
    const decided = await moderateComment(h.db, moderator, { commentId: first, action: "approve", ruleId: null, note: "" });
    expect(decided.ok).toBe(true);
    const [user] = await h.db.select({ heldAt: users.heldAt }).from(users).where(eq(users.id, held.actor.id));
    expect(user?.heldAt).toBeNull();
    const second = await post(
      held.actor,
      c,
      "A second, different comment: it is published at once now that a moderator has read the first.",
    );
    expect((await states([second])).get(second)?.state).toBe("published");
  });

  it(`50 new accounts posting one text: all 50 are stored in one group; past ${CAMPAIGN_NEW_ACCOUNT_COPIES} copies the rest wait for a moderator`, async () => {
    const c = await place();
    const people = [];
    for (let i = 0; i < 50; i++) people.push((await signUpFrom(`198.51.100.${i + 10}`, new Date())).actor);
    const ids: number[] = [];
    for (const p of people) ids.push(await post(p, c, TEXT));
    const rows = await states(ids);
    expect(rows.size).toBe(50);
    expect([...rows.values()].every((r) => r.body === TEXT)).toBe(true);
    expect(new Set([...rows.values()].map((r) => r.lead))).toEqual(new Set([ids[0]]));
    const published = ids.filter((id) => rows.get(id)?.state === "published");
    expect(published).toEqual(ids.slice(0, CAMPAIGN_NEW_ACCOUNT_COPIES));
    expect(ids.filter((id) => rows.get(id)?.state === "awaiting_moderation")).toHaveLength(50 - CAMPAIGN_NEW_ACCOUNT_COPIES);
  });

  // On PostgreSQL the posts run on several pooled connections at once: the count happens under the principle's
  // grouping lock, so racing copies cannot all see too few earlier ones.
  it("50 new accounts posting one text at the same moment: still exactly the documented number are published", async () => {
    const c = await place();
    const people = [];
    for (let i = 0; i < 50; i++) people.push((await signUpFrom(`198.51.101.${i + 10}`, new Date())).actor);
    const ids = await Promise.all(people.map((p) => post(p, c, TEXT)));
    const rows = await states(ids);
    expect(rows.size).toBe(50);
    expect([...rows.values()].filter((r) => r.state === "published")).toHaveLength(CAMPAIGN_NEW_ACCOUNT_COPIES);
  });

  it("an organised campaign of established participants is never held", async () => {
    const c = await place();
    const monthAgo = new Date(Date.now() - 30 * 86_400_000);
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const u = await createUser(h.db, { passwordHash: "not-used", stakeholderGroup: "civil_society", createdAt: monthAgo });
      ids.push(await post({ id: u.id, role: "participant", stakeholderGroup: "civil_society" }, c, TEXT));
    }
    const rows = await states(ids);
    expect([...rows.values()].every((r) => r.state === "published")).toBe(true);
  });
});
