import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { consultationReports, consultations, principles, summaryVersions } from "@/db/schema";
import { COMMENT_PERIOD_MIN_DAYS } from "@/lib/limits";
import { publishConsultationReport } from "@/lib/commands/consultation-reports";
import {
  closeConsultation,
  createConsultation,
  publishConsultation,
  scheduleConsultation,
  updateConsultation,
  type ConsultationTextsInput,
} from "@/lib/commands/consultations";
import { moderateComment } from "@/lib/commands/moderation";
import { publishSummary, saveSummary } from "@/lib/commands/summaries";
import type { SectionInput } from "@/lib/validation/consultations";
import { freshDatabase, testEngines } from "../support/engines";
import { expectNoWrites, newActor, newOrganisation, type SignedIn } from "./consultation-fixtures";
import { moderatedConsultation, newStaff, postComment } from "./moderation-fixtures";

const DAY = 86_400_000;

function texts(over: Partial<ConsultationTextsInput> = {}): ConsultationTextsInput {
  return {
    slug: `draft-rules-${crypto.randomUUID().slice(0, 8)}`,
    title: "Draft Data Rules",
    titleHi: "",
    description: "The ministry invites comments on the draft rules.",
    descriptionHi: "",
    ownerOrganisationId: "",
    hindi: true,
    referencePrefix: "DR",
    ...over,
  };
}

function section(i: number, over: Partial<SectionInput> = {}): SectionInput {
  return {
    index: i,
    id: null,
    title: `Clause ${i + 1} title`,
    titleHi: "",
    body: `The official text of clause ${i + 1}.`,
    bodyHi: "",
    explainer: "",
    explainerHi: "",
    remove: false,
    ...over,
  };
}

const hindi = (i: number) => ({ titleHi: `खंड ${i + 1}`, bodyHi: `खंड ${i + 1} का आधिकारिक पाठ।` });

describe.each(testEngines())("consultation administration on %s", (engine) => {
  let h: DbHandle;
  let admin: SignedIn;
  let owner: string;
  beforeAll(async () => {
    h = await freshDatabase(engine);
    admin = await newStaff(h.db, "admin");
    owner = await newOrganisation(h.db, { stakeholderGroup: "government" });
  });
  afterAll(async () => h?.close());

  async function consultationRow(id: string) {
    const [row] = await h.db.select().from(consultations).where(eq(consultations.id, id));
    return row;
  }
  async function sectionsOf(id: string) {
    return h.db.select().from(principles).where(eq(principles.consultationId, id)).orderBy(asc(principles.position));
  }
  async function draft(over: Partial<ConsultationTextsInput> = {}, sections = [0, 1, 2].map((i) => section(i))) {
    const r = await createConsultation(h.db, admin, { texts: texts({ ownerOrganisationId: owner, ...over }), sections });
    if (!r.ok) throw new Error(`setup create refused: ${r.error}`);
    return r.id;
  }
  /** Puts the schedule around `now` so the consultation is in its comment period once published. */
  async function openNow(id: string) {
    const r = await scheduleConsultation(h.db, admin, {
      consultationId: id,
      schedule: {
        opensAt: new Date(Date.now() - DAY),
        closesAt: new Date(Date.now() + 40 * DAY),
        counterClosesAt: null,
        summaryDueAt: null,
      },
      acknowledgeShort: false,
    });
    if (!r.ok) throw new Error(`setup schedule refused: ${r.error}`);
  }

  it("creates a draft with its sections, in order, and a second submit of the same form finds the first", async () => {
    const t = texts({ ownerOrganisationId: owner });
    const sections = [section(0, { title: "Consent" }), section(1, { title: "Consent" }), section(2, { explainer: "In short." })];
    const first = await createConsultation(h.db, admin, { texts: t, sections });
    expect(first).toMatchObject({ ok: true, repeated: false });
    if (!first.ok) return;
    const row = await consultationRow(first.id);
    expect(row).toMatchObject({
      status: "draft",
      slug: t.slug,
      ownerOrganisationId: owner,
      languages: ["en", "hi"],
      referencePrefix: "DR",
    });
    expect(row?.createdBy).toBe(admin.id);
    expect(row?.publishedAt).toBeNull();
    // A first schedule of the minimum length, to be set later.
    expect((row!.closesAt.getTime() - row!.opensAt.getTime()) / DAY).toBe(COMMENT_PERIOD_MIN_DAYS);
    const saved = await sectionsOf(first.id);
    expect(saved.map((s) => [s.position, s.slug, s.title])).toEqual([
      [1, "consent", "Consent"],
      [2, "consent-2", "Consent"],
      [3, "clause-3-title", "Clause 3 title"],
    ]);
    expect(saved[2]?.explainer).toBe("In short.");

    const again = await expectNoWrites(h, () => createConsultation(h.db, admin, { texts: t, sections }));
    expect(again).toEqual({ ok: true, id: first.id, repeated: true });
    const otherAdmin = await newStaff(h.db, "admin");
    expect(await expectNoWrites(h, () => createConsultation(h.db, otherAdmin, { texts: t, sections }))).toEqual({
      ok: false,
      error: "slugTaken",
    });
  });

  it("refuses to publish while official texts lack Hindi, listing them, and publishes when the translation is marked pending", async () => {
    const id = await draft();
    await openNow(id);
    const refused = await expectNoWrites(h, () =>
      publishConsultation(h.db, admin, { consultationId: id, hindiPending: false, hindiPendingUntil: null }),
    );
    expect(refused).toMatchObject({ ok: false, error: "hindiMissing" });
    if (refused.ok || refused.error !== "hindiMissing") return;
    expect(refused.missing).toEqual([
      { text: "title" },
      { text: "introduction" },
      ...[1, 2, 3].flatMap((position) => [
        { text: "sectionTitle", position },
        { text: "sectionBody", position },
      ]),
    ]);
    // Pending needs a date still to come.
    for (const until of [null, new Date(Date.now() - DAY)]) {
      expect(
        await expectNoWrites(h, () =>
          publishConsultation(h.db, admin, { consultationId: id, hindiPending: true, hindiPendingUntil: until }),
        ),
      ).toEqual({ ok: false, error: "hindiPendingDateRequired" });
    }
    const due = new Date(Date.now() + 14 * DAY);
    const now = new Date();
    expect(await publishConsultation(h.db, admin, { consultationId: id, hindiPending: true, hindiPendingUntil: due }, now)).toMatchObject({
      ok: true,
    });
    expect(await consultationRow(id)).toMatchObject({ status: "open", publishedAt: now, hindiPendingUntil: due });
    // Published once: a second click is refused, and changes nothing.
    expect(
      await expectNoWrites(h, () => publishConsultation(h.db, admin, { consultationId: id, hindiPending: true, hindiPendingUntil: due })),
    ).toEqual({ ok: false, error: "consultationNotDraft" });
  });

  it("publishes a fully translated consultation without a pending date", async () => {
    const id = await draft(
      { titleHi: "मसौदा नियम", descriptionHi: "मंत्रालय टिप्पणियाँ आमंत्रित करता है।" },
      [0, 1].map((i) => section(i, hindi(i))),
    );
    await openNow(id);
    const r = await publishConsultation(h.db, admin, {
      consultationId: id,
      hindiPending: true,
      hindiPendingUntil: new Date(Date.now() + DAY),
    });
    expect(r).toMatchObject({ ok: true });
    expect(await consultationRow(id)).toMatchObject({ status: "open", hindiPendingUntil: null });
  });

  it("validates the schedule: order, the counter-comment window, and a short period only when acknowledged", async () => {
    const id = await draft();
    const opensAt = new Date("2026-06-01T04:30:00Z");
    const plus = (days: number) => new Date(opensAt.getTime() + days * DAY);
    const schedule = (over: object, acknowledgeShort = false) =>
      scheduleConsultation(h.db, admin, {
        consultationId: id,
        schedule: { opensAt, closesAt: plus(45), counterClosesAt: null, summaryDueAt: null, ...over },
        acknowledgeShort,
      });
    for (const [over, error] of [
      [{ closesAt: opensAt }, "closesBeforeOpens"],
      [{ counterClosesAt: plus(40) }, "counterBeforeClose"],
      [{ summaryDueAt: plus(44) }, "summaryBeforeClose"],
      [{ closesAt: plus(10) }, "commentPeriodShort"],
    ] as const) {
      expect(await expectNoWrites(h, () => schedule(over))).toEqual({ ok: false, error });
    }
    expect(await schedule({ closesAt: plus(10) }, true)).toEqual({ ok: true });
    expect(await schedule({ counterClosesAt: plus(60), summaryDueAt: plus(90) })).toEqual({ ok: true });
    expect(await consultationRow(id)).toMatchObject({ opensAt, closesAt: plus(45), counterClosesAt: plus(60), summaryDueAt: plus(90) });
  });

  it("edits a published consultation's texts (its sections' last-updated moves) but never removes a section with comments", async () => {
    const id = await draft(
      {},
      [0, 1].map((i) => section(i)),
    );
    await openNow(id);
    expect(
      await publishConsultation(h.db, admin, { consultationId: id, hindiPending: true, hindiPendingUntil: new Date(Date.now() + DAY) }),
    ).toMatchObject({ ok: true });
    const before = await sectionsOf(id);
    const slug = (await consultationRow(id))!.slug;
    await postComment(h.db, await newActor(h.db), { slug, principleSlug: before[0]!.slug });
    const form = before.map((s, i) => section(i, { id: s.id, title: s.title, body: s.body }));

    const removing = form.map((s, i) => (i === 0 ? { ...s, remove: true } : s));
    expect(
      await expectNoWrites(h, () =>
        updateConsultation(h.db, admin, { consultationId: id, texts: texts({ slug, ownerOrganisationId: owner }), sections: removing }),
      ),
    ).toEqual({ ok: false, error: "sectionInUse" });

    const later = new Date(Date.now() + 60_000);
    const edited = form.map((s, i) => (i === 1 ? { ...s, bodyHi: "संशोधित पाठ।" } : s));
    // The address of a published consultation stays, whatever the form says.
    const r = await updateConsultation(
      h.db,
      admin,
      { consultationId: id, texts: texts({ slug: "another-address", ownerOrganisationId: owner }), sections: edited },
      later,
    );
    expect(r).toEqual({ ok: true, id });
    const after = await sectionsOf(id);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after[1]).toMatchObject({ bodyHi: "संशोधित पाठ।", updatedAt: later });
    expect(after[0]?.updatedAt).toEqual(before[0]?.updatedAt);
    expect(await consultationRow(id)).toMatchObject({ slug, updatedAt: later });
  });

  it("once published, keeps its reference prefix and its Hindi texts, and drops the pending notice when the Hindi is complete", async () => {
    const translated = { titleHi: "मसौदा नियम", descriptionHi: "मंत्रालय टिप्पणियाँ आमंत्रित करता है।" };
    const id = await draft(
      {},
      [0, 1].map((i) => section(i)),
    );
    await openNow(id);
    const due = new Date(Date.now() + 7 * DAY);
    expect(await publishConsultation(h.db, admin, { consultationId: id, hindiPending: true, hindiPendingUntil: due })).toMatchObject({
      ok: true,
    });
    const slug = (await consultationRow(id))!.slug;
    const ids = (await sectionsOf(id)).map((s) => s.id);
    const full = [0, 1].map((i) => section(i, { id: ids[i], ...hindi(i) }));
    // Numbers already given out stay valid: a new prefix in the form is ignored once published.
    const done = await updateConsultation(h.db, admin, {
      consultationId: id,
      texts: texts({ slug, ownerOrganisationId: owner, referencePrefix: "XX", ...translated }),
      sections: full,
    });
    expect(done).toEqual({ ok: true, id });
    expect(await consultationRow(id)).toMatchObject({ referencePrefix: "DR", hindiPendingUntil: null });
    // With nothing pending any more, emptying a Hindi text is refused and writes nothing.
    const blanked = full.map((s, i) => (i === 1 ? { ...s, bodyHi: "" } : s));
    expect(
      await expectNoWrites(h, () =>
        updateConsultation(h.db, admin, {
          consultationId: id,
          texts: texts({ slug, ownerOrganisationId: owner, ...translated }),
          sections: blanked,
        }),
      ),
    ).toEqual({ ok: false, error: "hindiRemoved" });
  });

  it("refuses to close while comments await moderation, and closes once a moderator has approved them", async () => {
    const c = await moderatedConsultation(h.db, { preModeration: true });
    const held = await postComment(h.db, await newActor(h.db), c);
    expect(await expectNoWrites(h, () => closeConsultation(h.db, admin, { consultationId: c.consultationId }))).toEqual({
      ok: false,
      error: "awaitingModeration",
      awaiting: 1,
    });
    const moderator = await newStaff(h.db, "moderator");
    expect(await moderateComment(h.db, moderator, { commentId: held, action: "approve", ruleId: null, note: "" })).toMatchObject({
      ok: true,
    });
    const now = new Date();
    expect(await closeConsultation(h.db, admin, { consultationId: c.consultationId }, now)).toEqual({ ok: true });
    expect(await consultationRow(c.consultationId)).toMatchObject({ status: "closed", closedAt: now });
    expect(await expectNoWrites(h, () => closeConsultation(h.db, admin, { consultationId: c.consultationId }))).toEqual({
      ok: false,
      error: "consultationNotOpen",
    });
  });

  it("refuses a principle's summary while a comment on it awaits moderation, and publishes it after approval", async () => {
    const c = await moderatedConsultation(h.db);
    const moderator = await newStaff(h.db, "moderator");
    const cited = await postComment(h.db, await newActor(h.db, "academia"), c);
    const saved = await saveSummary(h.db, moderator, { principleId: c.principleId, sections: { overview: `Broad support [#${cited}].` } });
    expect(saved).toMatchObject({ ok: true, problems: [] });
    await h.db.update(consultations).set({ preModeration: true }).where(eq(consultations.id, c.consultationId));
    const held = await postComment(h.db, await newActor(h.db), c);
    expect(await expectNoWrites(h, () => publishSummary(h.db, moderator, { principleId: c.principleId }))).toEqual({
      ok: false,
      error: "summaryAwaitingModeration",
    });
    expect(await moderateComment(h.db, moderator, { commentId: held, action: "approve", ruleId: null, note: "" })).toMatchObject({
      ok: true,
    });
    expect(await publishSummary(h.db, moderator, { principleId: c.principleId })).toEqual({ ok: true, version: 1 });
    expect(await h.db.select().from(summaryVersions).where(eq(summaryVersions.principleId, c.principleId))).toHaveLength(1);
  });

  it("refuses the consultation's report while any of its comments awaits moderation", async () => {
    const c = await moderatedConsultation(h.db, { preModeration: true });
    const held = await postComment(h.db, await newActor(h.db), c);
    await h.db.update(consultations).set({ status: "closed", closedAt: new Date() }).where(eq(consultations.id, c.consultationId));
    const moderator = await newStaff(h.db, "moderator");
    const introduction = "This report sets out what was said in the consultation, group by group, as of its closing date.";
    const publish = () => publishConsultationReport(h.db, moderator, { consultationSlug: c.slug, introduction });
    expect(await expectNoWrites(h, publish)).toEqual({ ok: false, error: "reportAwaitingModeration" });
    expect(await moderateComment(h.db, moderator, { commentId: held, action: "approve", ruleId: null, note: "" })).toMatchObject({
      ok: true,
    });
    expect(await publish()).toEqual({ ok: true });
    expect(await h.db.select().from(consultationReports).where(eq(consultationReports.consultationId, c.consultationId))).toHaveLength(1);
  });

  describe.each(["participant", "moderator", "anonymous"] as const)("as %s", (who) => {
    it("every command is refused and writes nothing", async () => {
      const actor = who === "anonymous" ? null : who === "participant" ? await newActor(h.db) : await newStaff(h.db, "moderator");
      const expected = who === "anonymous" ? "unauthenticated" : "forbidden";
      const id = await draft();
      const open = await moderatedConsultation(h.db);
      const sections = (await sectionsOf(id)).map((s, i) => section(i, { id: s.id, title: "Changed" }));
      const attempts = [
        () => createConsultation(h.db, actor, { texts: texts({ ownerOrganisationId: owner }), sections: [section(0)] }),
        () => updateConsultation(h.db, actor, { consultationId: id, texts: texts({ ownerOrganisationId: owner }), sections }),
        () =>
          scheduleConsultation(h.db, actor, {
            consultationId: id,
            schedule: { opensAt: new Date(), closesAt: new Date(Date.now() + 40 * DAY), counterClosesAt: null, summaryDueAt: null },
            acknowledgeShort: false,
          }),
        () => publishConsultation(h.db, actor, { consultationId: id, hindiPending: true, hindiPendingUntil: new Date(Date.now() + DAY) }),
        () => closeConsultation(h.db, actor, { consultationId: open.consultationId }),
      ];
      for (const attempt of attempts) expect(await expectNoWrites(h, attempt)).toEqual({ ok: false, error: expected });
    });
  });
});
