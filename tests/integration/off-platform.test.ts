import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { countCommentsByGroupAndStance } from "@/db/queries/statistics";
import { auditLog, comments, commentVersions, consultations, offPlatformSubmissions } from "@/db/schema";
import { enterOffPlatformSubmission, receivedTime } from "@/lib/commands/off-platform";
import { offPlatformSchema } from "@/lib/validation/off-platform";
import { freshDatabase, testEngines } from "../support/engines";
import { expectNoWrites, newActor, newConsultation } from "./consultation-fixtures";
import { newBlockedActor, newOrganisationRepresentative, newStaff } from "./moderation-fixtures";

const DAY = 24 * 60 * 60 * 1000;
const indianDay = (d: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

/** The form as the action parses it: every field a moderator fills in, as strings. */
function form(c: { slug: string; principles: { id: string }[] }, overrides: Record<string, string> = {}) {
  return offPlatformSchema.parse({
    consultationSlug: c.slug,
    principleId: c.principles[0]!.id,
    submitterName: "Gram Panchayat of Khedapur",
    stakeholderGroup: "government",
    channel: "post",
    receivedOn: indianDay(new Date(Date.now() - DAY)),
    stance: "has_concerns",
    language: "hi",
    body: "हमारी पंचायत के पास साइबर सुरक्षा के लिए कोई प्रशिक्षित कर्मचारी नहीं है।",
    formToken: crypto.randomUUID(),
    ...overrides,
  });
}

describe.each(testEngines())("off-platform submissions on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  it("are published at once without an account, with their first version, who sent them and the audit entry, and count in the statistics", async () => {
    const c = await newConsultation(h.db, { opensAt: new Date(Date.now() - 10 * DAY) });
    await h.db.update(consultations).set({ referencePrefix: "PC" }).where(eq(consultations.id, c.consultationId));
    const moderator = await newStaff(h.db, "moderator");
    const before = await countCommentsByGroupAndStance(h.db, { consultationId: c.consultationId, principleId: c.principles[0]!.id });
    expect(before).toEqual([]);

    const input = form(c);
    const r = await enterOffPlatformSubmission(h.db, moderator, { input });
    expect(r).toMatchObject({ ok: true, duplicate: false });
    if (!r.ok) return;
    expect(r.reference).toMatch(new RegExp(`^PC-\\d{4}-${String(r.id).padStart(6, "0")}$`));

    const [row] = await h.db.select().from(comments).where(eq(comments.id, r.id));
    expect(row).toMatchObject({
      authorId: null,
      offPlatform: true,
      nameShown: true,
      state: "published",
      stakeholderGroup: "government",
      stance: "has_concerns",
      language: "hi",
      body: input.body,
    });
    expect(row?.publishedAt).not.toBeNull();
    expect(await h.db.select().from(commentVersions).where(eq(commentVersions.commentId, r.id))).toMatchObject([
      { version: 1, body: input.body, stance: "has_concerns" },
    ]);
    const [sub] = await h.db.select().from(offPlatformSubmissions).where(eq(offPlatformSubmissions.commentId, r.id));
    expect(sub).toMatchObject({ submitterName: "Gram Panchayat of Khedapur", channel: "post", enteredBy: moderator.id });
    expect(sub?.receivedAt.getTime()).toBe(input.receivedOn.getTime());
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(r.id)));
    expect(audit).toMatchObject([
      { action: "submission.off_platform", actorId: moderator.id, actorRole: "moderator", targetType: "comment" },
    ]);

    const after = await countCommentsByGroupAndStance(h.db, { consultationId: c.consultationId, principleId: c.principles[0]!.id });
    expect(after).toEqual([{ stakeholderGroup: "government", stance: "has_concerns", n: 1 }]);
    const whole = await countCommentsByGroupAndStance(h.db, { consultationId: c.consultationId });
    expect(whole).toEqual([{ stakeholderGroup: "government", stance: "has_concerns", n: 1 }]);
  });

  it("admins may enter them too", async () => {
    const c = await newConsultation(h.db);
    const r = await enterOffPlatformSubmission(h.db, await newStaff(h.db, "admin"), { input: form(c, { channel: "meeting" }) });
    expect(r).toMatchObject({ ok: true });
  });

  it("are refused, writing nothing, for anyone who is not a moderator or an admin", async () => {
    const c = await newConsultation(h.db);
    const cases = [
      { actor: null, error: "unauthenticated" },
      { actor: await newActor(h.db, "government"), error: "forbidden" },
      { actor: (await newOrganisationRepresentative(h.db)).actor, error: "forbidden" },
      { actor: await newBlockedActor(h.db), error: "forbidden" },
    ];
    for (const k of cases) {
      const r = await expectNoWrites(h, () => enterOffPlatformSubmission(h.db, k.actor, { input: form(c) }));
      expect(r).toEqual({ ok: false, error: k.error });
    }
  });

  it("are refused when received outside the comment period, in the future, on a closed or draft consultation, or for another consultation's section", async () => {
    const now = Date.now();
    const moderator = await newStaff(h.db, "moderator");
    // Comments for 10 days from 20 days ago, then a counter-comment window until 2 days ago; the status is still open.
    const c = await newConsultation(h.db, { opensAt: new Date(now - 20 * DAY), closesAt: new Date(now - 10 * DAY) });
    await h.db
      .update(consultations)
      .set({ counterClosesAt: new Date(now - 2 * DAY) })
      .where(eq(consultations.id, c.consultationId));
    const refused = async (input: ReturnType<typeof form>, error: string) => {
      const r = await expectNoWrites(h, () => enterOffPlatformSubmission(h.db, moderator, { input }));
      expect(r, indianDay(input.receivedOn)).toEqual({ ok: false, error });
    };
    await refused(form(c, { receivedOn: indianDay(new Date(now - 22 * DAY)) }), "receivedOutsideIntake");
    await refused(form(c, { receivedOn: indianDay(new Date(now - DAY)) }), "receivedOutsideIntake");
    await refused(form(c, { receivedOn: indianDay(new Date(now + 2 * DAY)) }), "receivedInFuture");
    // Received in the counter-comment window: refused, since that window takes only replies and a submission
    // stands as a new comment.
    await refused(form(c, { receivedOn: indianDay(new Date(now - 5 * DAY)) }), "receivedOutsideIntake");
    // Received in the comment period, entered after it ended: taken (the status is still open; letters arrive late).
    expect(
      await enterOffPlatformSubmission(h.db, moderator, { input: form(c, { receivedOn: indianDay(new Date(now - 15 * DAY)) }) }),
    ).toMatchObject({
      ok: true,
    });

    const closed = await newConsultation(h.db, { status: "closed", opensAt: new Date(now - 20 * DAY), closesAt: new Date(now + DAY) });
    await refused(form(closed), "consultationClosed");
    const draft = await newConsultation(h.db, { status: "draft" });
    await refused(form(draft), "notFound");
    const other = await newConsultation(h.db);
    await refused(
      form({ slug: c.slug, principles: other.principles }, { receivedOn: indianDay(new Date(now - 15 * DAY)) }),
      "sectionInvalid",
    );
  });

  it("take a letter that came on the opening day from the opening itself, inside the intake period", () => {
    const opensAt = new Date("2026-03-10T09:30:00Z"); // 15:00 in India
    const schedule = { status: "open" as const, opensAt, closesAt: new Date("2026-04-10T00:00:00Z") };
    const day = offPlatformSchema.shape.receivedOn.parse("2026-03-10");
    expect(receivedTime(schedule, day, new Date("2026-03-20T00:00:00Z"))).toEqual({ ok: true, receivedAt: opensAt });
    const dayBefore = offPlatformSchema.shape.receivedOn.parse("2026-03-09");
    expect(receivedTime(schedule, dayBefore, new Date("2026-03-20T00:00:00Z"))).toEqual({ ok: false, error: "receivedOutsideIntake" });
    expect(offPlatformSchema.shape.receivedOn.safeParse("2026-02-30").success).toBe(false);
  });

  it("a second send of the same form enters nothing more, even at the same moment; another moderator's reuse of the token is refused", async () => {
    const c = await newConsultation(h.db);
    const moderator = await newStaff(h.db, "moderator");
    const input = form(c);
    const first = await enterOffPlatformSubmission(h.db, moderator, { input });
    const again = await enterOffPlatformSubmission(h.db, moderator, { input });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true, id: first.ok ? first.id : -1 });

    const twin = form(c);
    const both = await Promise.all([
      enterOffPlatformSubmission(h.db, moderator, { input: twin }),
      enterOffPlatformSubmission(h.db, moderator, { input: twin }),
    ]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect(new Set(both.map((r) => (r.ok ? r.id : 0))).size).toBe(1);
    expect(both.filter((r) => r.ok && r.duplicate)).toHaveLength(1);

    const rows = await h.db.select({ id: comments.id }).from(comments).where(eq(comments.consultationId, c.consultationId));
    expect(rows).toHaveLength(2);
    const subs = await h.db.select().from(offPlatformSubmissions);
    expect(subs.filter((s) => rows.some((r) => r.id === s.commentId))).toHaveLength(2);

    const stranger = await newStaff(h.db, "moderator");
    const reuse = await expectNoWrites(h, () => enterOffPlatformSubmission(h.db, stranger, { input }));
    expect(reuse).toEqual({ ok: false, error: "formExpired" });
    const counts = await countCommentsByGroupAndStance(h.db, { consultationId: c.consultationId });
    expect(counts).toEqual([{ stakeholderGroup: "government", stance: "has_concerns", n: 2 }]);
  });
});
