import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { listCommentThreads } from "@/db/queries/comments";
import { ledgerTotals, listLedger } from "@/db/queries/ledger";
import { setWriteBlock } from "@/db/queries/moderation";
import { listModerationQueue, listNotifications } from "@/db/queries/moderation-queue";
import { listModerationRules } from "@/db/queries/moderation-rules";
import { ensureMembership } from "@/db/queries/organisations";
import { getSessionUser, listMembershipsOfUser } from "@/db/queries/users";
import { appeals, auditLog, comments, memberships, moderationDecisions, notifications, organisations, reports } from "@/db/schema";
import type { ReportReason } from "@/lib/limits";
import { createUser } from "@/db/seed";
import { userForClaims } from "@/lib/auth/session-check";
import type { SessionClaims } from "@/lib/auth/token";
import { createComment, editComment, withdrawComment } from "@/lib/commands/comments";
import { endorse } from "@/lib/commands/endorsements";
import {
  appealDecision,
  blockParticipant,
  decideAppeal,
  moderateComment,
  reportComment,
  setPreModeration,
} from "@/lib/commands/moderation";
import { changeRole, reviewMembership, setSigningAuthority, verifyOrganisation } from "@/lib/commands/organisations";
import { freshDatabase, testEngines } from "../support/engines";
import { addMembership, commentInput, newActor, newOrganisation, parisCall, SECRET, type SignedIn } from "./consultation-fixtures";
import {
  expectUnchanged,
  moderatedConsultation,
  newStaff,
  postComment,
  refusedByDatabase,
  type ModeratedConsultation,
} from "./moderation-fixtures";

const APPEAL = "I kept to the rules; please look at this again.";

describe.each(testEngines())("moderation on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  function report(actor: SignedIn | null, commentId: number, reason: ReportReason = "abusive") {
    return reportComment(h.db, actor, { commentId, reason, details: "" });
  }

  async function commentState(id: number) {
    const [row] = await h.db.select({ state: comments.state, publishedAt: comments.publishedAt }).from(comments).where(eq(comments.id, id));
    return row;
  }

  async function decisionsOn(commentId: number) {
    return h.db.select().from(moderationDecisions).where(eq(moderationDecisions.commentId, commentId)).orderBy(moderationDecisions.id);
  }

  /** A comment hidden by `moderator` under the consultation's rule 1. */
  async function hiddenComment(c: ModeratedConsultation, author: SignedIn, moderator: SignedIn) {
    const commentId = await postComment(h.db, author, c);
    const hidden = await moderateComment(h.db, moderator, { commentId, action: "hide", ruleId: c.rules[0]!.id, note: "Personal attack." });
    if (!hidden.ok) throw new Error(`setup hide refused: ${hidden.error}`);
    return { commentId, decisionId: hidden.decisionId };
  }

  describe("reports and the automatic hide", () => {
    it("counts distinct reporters only, hides at the threshold as a system decision, and takes no report on a hidden comment", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 3 });
      const author = await newActor(h.db);
      const commentId = await postComment(h.db, author, c);
      const [r1, r2, r3, r4] = [await newActor(h.db), await newActor(h.db), await newActor(h.db), await newActor(h.db)];

      expect(await report(r1, commentId)).toEqual({ ok: true, autoHidden: false });
      // The same participant again: refused, and it does not count towards the threshold.
      expect(await expectUnchanged(h, () => report(r1, commentId, "spam"))).toEqual({ ok: false, error: "alreadyReported" });
      expect((await commentState(commentId))?.state).toBe("published");

      expect(await report(r2, commentId)).toEqual({ ok: true, autoHidden: false });
      expect((await commentState(commentId))?.state).toBe("published");
      expect(await decisionsOn(commentId)).toHaveLength(0);

      expect(await report(r3, commentId)).toEqual({ ok: true, autoHidden: true });
      expect((await commentState(commentId))?.state).toBe("hidden");
      const decisions = await decisionsOn(commentId);
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({
        action: "auto_hide",
        actorRole: "system",
        actorId: null,
        subjectUserId: author.id,
        ruleId: null,
      });
      const told = await h.db.select().from(notifications).where(eq(notifications.userId, author.id));
      expect(told.map((n) => n.decisionId)).toEqual([decisions[0]!.id]);
      // The automatic hide waits for a moderator with its three open reports.
      const queue = await listModerationQueue(h.db, c.consultationId);
      expect(queue.items.find((i) => i.id === commentId)).toMatchObject({ state: "hidden", openReports: 3 });

      expect(await expectUnchanged(h, () => report(r4, commentId))).toEqual({ ok: false, error: "notFound" });
      expect(await h.db.select().from(reports).where(eq(reports.commentId, commentId))).toHaveLength(3);
    });

    it("six participants reporting at once end with exactly one automatic hide", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 3 });
      const author = await newActor(h.db);
      const commentId = await postComment(h.db, author, c);
      const reporters = await Promise.all(Array.from({ length: 6 }, () => newActor(h.db)));

      const results = await Promise.all(reporters.map((r) => report(r, commentId)));
      expect(results.filter((r) => r.ok && r.autoHidden)).toHaveLength(1);
      // Reports are taken one at a time under the comment's lock: three are counted, the rest find it hidden.
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      expect(results.filter((r) => !r.ok && r.error === "notFound")).toHaveLength(3);
      expect((await commentState(commentId))?.state).toBe("hidden");
      const decisions = await decisionsOn(commentId);
      expect(decisions.map((d) => d.action)).toEqual(["auto_hide"]);
      expect(await h.db.select().from(notifications).where(eq(notifications.userId, author.id))).toHaveLength(1);
    });

    it("the author cannot report their own comment", async () => {
      const c = await moderatedConsultation(h.db);
      const author = await newActor(h.db);
      const commentId = await postComment(h.db, author, c);
      expect(await expectUnchanged(h, () => report(author, commentId))).toEqual({ ok: false, error: "ownComment" });
    });
  });

  describe("moderators' decisions", () => {
    it("a hide under a rule hides the comment, settles its reports and appears in the public ledger", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 5 });
      const author = await newActor(h.db, "academia");
      const moderator = await newStaff(h.db, "moderator");
      const commentId = await postComment(h.db, author, c);
      await report(await newActor(h.db), commentId);
      await report(await newActor(h.db), commentId);
      expect((await listModerationQueue(h.db, c.consultationId)).items.map((i) => i.id)).toContain(commentId);

      const rule = c.rules[1]!;
      const r = await moderateComment(h.db, moderator, { commentId, action: "hide", ruleId: rule.id, note: "Abuse." });
      if (!r.ok) throw new Error(`hide refused: ${r.error}`);
      expect((await commentState(commentId))?.state).toBe("hidden");
      const settled = await h.db.select({ settledAt: reports.settledAt }).from(reports).where(eq(reports.commentId, commentId));
      expect(settled).toHaveLength(2);
      for (const s of settled) expect(s.settledAt).toBeInstanceOf(Date);
      const queue = await listModerationQueue(h.db, c.consultationId);
      expect(queue.items.map((i) => i.id)).not.toContain(commentId);
      expect(queue.reports.filter((x) => x.commentId === commentId)).toHaveLength(0);

      const ledger = await listLedger(h.db, c.consultationId);
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({
        id: r.decisionId,
        action: "hide",
        actorRole: "moderator",
        ruleNumber: rule.number,
        commentId,
        principlePosition: 1,
        stakeholderGroup: "academia",
        appealFiled: false,
        appealOutcome: null,
      });
      expect(await ledgerTotals(h.db, c.consultationId)).toEqual({
        byRule: [{ ruleNumber: 2, n: 1 }],
        byGroup: [{ stakeholderGroup: "academia", n: 1 }],
        blocks: 0,
      });
      const told = await listNotifications(h.db, author.id);
      expect(told).toMatchObject([{ decisionId: r.decisionId, action: "hide", ruleNumber: 2, commentId }]);
    });

    it("refuses a hide without a rule, or under another consultation's rule, and writes nothing", async () => {
      const c = await moderatedConsultation(h.db);
      const other = await moderatedConsultation(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const commentId = await postComment(h.db, await newActor(h.db), c);
      await report(await newActor(h.db), commentId);
      for (const ruleId of [null, other.rules[0]!.id, crypto.randomUUID()]) {
        const r = await expectUnchanged(h, () => moderateComment(h.db, moderator, { commentId, action: "hide", ruleId, note: "" }));
        expect(r).toEqual({ ok: false, error: "ruleInvalid" });
      }
      expect((await commentState(commentId))?.state).toBe("published");
    });

    it("a participant cannot moderate, and writes nothing trying", async () => {
      const c = await moderatedConsultation(h.db);
      const commentId = await postComment(h.db, await newActor(h.db), c);
      const participant = await newActor(h.db);
      for (const action of ["hide", "keep", "restore", "approve"] as const) {
        const r = await expectUnchanged(h, () =>
          moderateComment(h.db, participant, { commentId, action, ruleId: c.rules[0]!.id, note: "" }),
        );
        expect(r).toEqual({ ok: false, error: "forbidden" });
      }
      expect(
        await expectUnchanged(h, () => moderateComment(h.db, null, { commentId, action: "hide", ruleId: c.rules[0]!.id, note: "" })),
      ).toEqual({ ok: false, error: "unauthenticated" });
      expect((await commentState(commentId))?.state).toBe("published");
    });

    it("keep is refused on a hidden comment, automatically or by a moderator, and writes nothing; a restore brings it back, in the ledger", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 2 });
      const moderator = await newStaff(h.db, "moderator");
      const autoHidden = await postComment(h.db, await newActor(h.db), c);
      await report(await newActor(h.db), autoHidden);
      expect(await report(await newActor(h.db), autoHidden)).toEqual({ ok: true, autoHidden: true });
      const { commentId: byModerator } = await hiddenComment(c, await newActor(h.db), moderator);

      for (const commentId of [autoHidden, byModerator]) {
        const r = await expectUnchanged(h, () => moderateComment(h.db, moderator, { commentId, action: "keep", ruleId: null, note: "" }));
        expect(r).toEqual({ ok: false, error: "invalidTransition" });
        expect((await commentState(commentId))?.state).toBe("hidden");
      }
      // The automatic hide still waits with its open reports: a keep did not settle them.
      expect((await listModerationQueue(h.db, c.consultationId)).items).toMatchObject([
        { id: autoHidden, state: "hidden", openReports: 2 },
      ]);

      // Bringing it back is a restore, which the public ledger lists.
      const restored = await moderateComment(h.db, moderator, { commentId: autoHidden, action: "restore", ruleId: null, note: "" });
      if (!restored.ok) throw new Error(`restore refused: ${restored.error}`);
      expect((await commentState(autoHidden))?.state).toBe("published");
      expect((await listLedger(h.db, c.consultationId)).find((l) => l.id === restored.decisionId)).toMatchObject({
        action: "restore",
        commentId: autoHidden,
        actorRole: "moderator",
      });

      // On a visible comment, keep dismisses its reports and is not a removal the ledger lists.
      const visible = await postComment(h.db, await newActor(h.db), c);
      await report(await newActor(h.db), visible);
      const kept = await moderateComment(h.db, moderator, { commentId: visible, action: "keep", ruleId: null, note: "" });
      if (!kept.ok) throw new Error(`keep refused: ${kept.error}`);
      expect((await commentState(visible))?.state).toBe("published");
      expect(
        (await h.db.select({ settledAt: reports.settledAt }).from(reports).where(eq(reports.commentId, visible)))[0]?.settledAt,
      ).toBeInstanceOf(Date);
      expect((await listLedger(h.db, c.consultationId)).map((l) => l.commentId)).not.toContain(visible);
    });

    it("a moderator cannot decide on their own comment and writes nothing trying; another moderator can", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 5 });
      const author = await newStaff(h.db, "moderator");
      const colleague = await newStaff(h.db, "moderator");
      const commentId = await postComment(h.db, author, c);
      await report(await newActor(h.db), commentId);

      for (const action of ["hide", "keep"] as const) {
        const r = await expectUnchanged(h, () => moderateComment(h.db, author, { commentId, action, ruleId: c.rules[0]!.id, note: "" }));
        expect(r).toEqual({ ok: false, error: "ownCommentDecision" });
      }
      expect((await commentState(commentId))?.state).toBe("published");
      expect(await decisionsOn(commentId)).toHaveLength(0);

      const hidden = await moderateComment(h.db, colleague, { commentId, action: "hide", ruleId: c.rules[0]!.id, note: "Off topic." });
      if (!hidden.ok) throw new Error(`hide refused: ${hidden.error}`);
      expect((await commentState(commentId))?.state).toBe("hidden");
      expect(await decisionsOn(commentId)).toMatchObject([{ action: "hide", actorId: colleague.id, subjectUserId: author.id }]);
      // Nor can the author bring it back themselves.
      expect(
        await expectUnchanged(h, () => moderateComment(h.db, author, { commentId, action: "restore", ruleId: null, note: "" })),
      ).toEqual({ ok: false, error: "ownCommentDecision" });
      expect((await commentState(commentId))?.state).toBe("hidden");
    });

    it("the Paris Call is seeded with its six numbered rules, and a hide under one of them is accepted", async () => {
      const paris = await parisCall(h.db);
      const rules = await listModerationRules(h.db, paris.consultationId);
      expect(rules.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
      for (const r of rules) expect(r.title.length).toBeGreaterThan(0);
      const commentId = await postComment(h.db, await newActor(h.db), { slug: paris.slug, principleSlug: paris.principles[0]!.slug });
      const r = await moderateComment(h.db, await newStaff(h.db, "moderator"), {
        commentId,
        action: "hide",
        ruleId: rules[2]!.id,
        note: "",
      });
      expect(r.ok).toBe(true);
      const ledger = await listLedger(h.db, paris.consultationId);
      expect(ledger.find((l) => l.commentId === commentId)?.ruleNumber).toBe(3);
    });
  });

  describe("appeals", () => {
    it("the author appeals once; nobody else can; the decision's own moderator cannot decide it, in code or in the database", async () => {
      const c = await moderatedConsultation(h.db);
      const author = await newActor(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const { decisionId } = await hiddenComment(c, author, moderator);

      const first = await appealDecision(h.db, author, { decisionId, statement: APPEAL });
      if (!first.ok) throw new Error(`appeal refused: ${first.error}`);
      expect(
        await expectUnchanged(h, () => appealDecision(h.db, author, { decisionId, statement: "A second try at the same thing." })),
      ).toEqual({
        ok: false,
        error: "alreadyAppealed",
      });
      const someoneElse = await newActor(h.db);
      expect(await expectUnchanged(h, () => appealDecision(h.db, someoneElse, { decisionId, statement: APPEAL }))).toEqual({
        ok: false,
        error: "notFound",
      });
      expect(await expectUnchanged(h, () => appealDecision(h.db, null, { decisionId, statement: APPEAL }))).toEqual({
        ok: false,
        error: "unauthenticated",
      });

      expect(await expectUnchanged(h, () => decideAppeal(h.db, moderator, { appealId: first.id, outcome: "reversed", note: "" }))).toEqual({
        ok: false,
        error: "ownDecision",
      });
      // Even with the code bypassed, the database refuses the decision's author as the appeal's decider.
      const text = await refusedByDatabase(
        h.db,
        sql`update appeals set decided_by = ${moderator.id}, outcome = 'reversed', decided_at = now() where id = ${first.id}`,
      );
      expect(text).toMatch(/someone other than the original decision maker/);
      const [appeal] = await h.db.select().from(appeals).where(eq(appeals.id, first.id));
      expect(appeal).toMatchObject({ outcome: null, decidedBy: null, decidedAt: null, appellantId: author.id });
      // An appeal filed with its decider already set is refused the same way.
      const other = await hiddenComment(c, await newActor(h.db), moderator);
      const inserted = await refusedByDatabase(
        h.db,
        sql`insert into appeals (decision_id, appellant_id, statement, decided_by, outcome) values (${other.decisionId}, ${moderator.id}, ${APPEAL}, ${moderator.id}, 'upheld')`,
      );
      expect(inserted).toMatch(/someone other than the original decision maker/);
    });

    it.each(["admin", "moderator"] as const)(
      "another %s reverses the hide: published again, a restore that names the appeal, shown in the ledger",
      async (role) => {
        const c = await moderatedConsultation(h.db);
        const author = await newActor(h.db, "government");
        const moderator = await newStaff(h.db, "moderator");
        const decider = await newStaff(h.db, role);
        const { commentId, decisionId } = await hiddenComment(c, author, moderator);
        const appeal = await appealDecision(h.db, author, { decisionId, statement: APPEAL });
        if (!appeal.ok) throw new Error(`appeal refused: ${appeal.error}`);
        expect((await listModerationQueue(h.db, c.consultationId)).appeals.map((a) => a.id)).toEqual([appeal.id]);
        expect(await listLedger(h.db, c.consultationId)).toMatchObject([{ id: decisionId, appealFiled: true, appealOutcome: null }]);

        expect(await decideAppeal(h.db, decider, { appealId: appeal.id, outcome: "reversed", note: "Within the rules." })).toEqual({
          ok: true,
        });
        expect((await commentState(commentId))?.state).toBe("published");
        const decisions = await decisionsOn(commentId);
        expect(decisions.map((d) => d.action)).toEqual(["hide", "restore"]);
        expect(decisions[1]).toMatchObject({ appealId: appeal.id, actorId: decider.id, actorRole: role, ruleId: null });
        const [stored] = await h.db.select().from(appeals).where(eq(appeals.id, appeal.id));
        expect(stored).toMatchObject({ outcome: "reversed", decidedBy: decider.id });

        const ledger = await listLedger(h.db, c.consultationId);
        const hideRow = ledger.find((l) => l.id === decisionId);
        const restoreRow = ledger.find((l) => l.id === decisions[1]!.id);
        expect(hideRow).toMatchObject({
          action: "hide",
          appealFiled: true,
          appealOutcome: "reversed",
          restoredId: decisions[1]!.id,
          stakeholderGroup: "government",
        });
        expect(restoreRow).toMatchObject({ action: "restore", settlesAppeal: true, actorRole: role });
        expect((await listModerationQueue(h.db, c.consultationId)).appeals).toHaveLength(0);
        // The author hears of both decisions.
        expect((await listNotifications(h.db, author.id)).map((n) => n.action).sort()).toEqual(["hide", "restore"]);
        // Decided once only.
        expect(await expectUnchanged(h, () => decideAppeal(h.db, decider, { appealId: appeal.id, outcome: "upheld", note: "" }))).toEqual({
          ok: false,
          error: "alreadyDecided",
        });
      },
    );

    it("an upheld appeal leaves the comment hidden and records no restore", async () => {
      const c = await moderatedConsultation(h.db);
      const author = await newActor(h.db);
      const { commentId, decisionId } = await hiddenComment(c, author, await newStaff(h.db, "moderator"));
      const appeal = await appealDecision(h.db, author, { decisionId, statement: APPEAL });
      if (!appeal.ok) throw new Error(`appeal refused: ${appeal.error}`);
      expect(await decideAppeal(h.db, await newStaff(h.db, "admin"), { appealId: appeal.id, outcome: "upheld", note: "" })).toEqual({
        ok: true,
      });
      expect((await commentState(commentId))?.state).toBe("hidden");
      expect((await decisionsOn(commentId)).map((d) => d.action)).toEqual(["hide"]);
      expect((await listLedger(h.db, c.consultationId))[0]).toMatchObject({ id: decisionId, appealOutcome: "upheld", restoredId: null });
    });

    it("a moderator whose comment another moderator hid cannot decide their own appeal, and writes nothing trying", async () => {
      const c = await moderatedConsultation(h.db);
      const author = await newStaff(h.db, "moderator");
      const { commentId, decisionId } = await hiddenComment(c, author, await newStaff(h.db, "moderator"));
      const appeal = await appealDecision(h.db, author, { decisionId, statement: APPEAL });
      if (!appeal.ok) throw new Error(`appeal refused: ${appeal.error}`);

      for (const outcome of ["reversed", "upheld"] as const) {
        expect(await expectUnchanged(h, () => decideAppeal(h.db, author, { appealId: appeal.id, outcome, note: "" }))).toEqual({
          ok: false,
          error: "ownDecision",
        });
      }
      expect((await commentState(commentId))?.state).toBe("hidden");
      expect((await listModerationQueue(h.db, c.consultationId)).appeals.map((a) => a.id)).toEqual([appeal.id]);

      // A third moderator decides it.
      expect(await decideAppeal(h.db, await newStaff(h.db, "moderator"), { appealId: appeal.id, outcome: "upheld", note: "" })).toEqual({
        ok: true,
      });
    });

    it.each(["admin", "moderator"] as const)(
      "an appeal against an automatic hide cannot be decided by a moderator who later hid the comment, but a third %s can",
      async (role) => {
        const c = await moderatedConsultation(h.db, { threshold: 2 });
        const author = await newActor(h.db);
        const commentId = await postComment(h.db, author, c);
        await report(await newActor(h.db), commentId);
        expect(await report(await newActor(h.db), commentId)).toEqual({ ok: true, autoHidden: true });
        const [autoHide] = await decisionsOn(commentId);
        expect(autoHide).toMatchObject({ action: "auto_hide", actorId: null });
        const appeal = await appealDecision(h.db, author, { decisionId: autoHide!.id, statement: APPEAL });
        if (!appeal.ok) throw new Error(`appeal refused: ${appeal.error}`);

        // A moderator then hides the already hidden comment under a rule: they now have a stake in the appeal.
        const moderator = await newStaff(h.db, "moderator");
        const hidden = await moderateComment(h.db, moderator, {
          commentId,
          action: "hide",
          ruleId: c.rules[0]!.id,
          note: "Personal attack.",
        });
        if (!hidden.ok) throw new Error(`hide refused: ${hidden.error}`);
        expect(
          await expectUnchanged(h, () => decideAppeal(h.db, moderator, { appealId: appeal.id, outcome: "reversed", note: "" })),
        ).toEqual({ ok: false, error: "ownDecision" });
        expect((await commentState(commentId))?.state).toBe("hidden");

        const decider = await newStaff(h.db, role);
        expect(await decideAppeal(h.db, decider, { appealId: appeal.id, outcome: "reversed", note: "Within the rules." })).toEqual({
          ok: true,
        });
        expect((await commentState(commentId))?.state).toBe("published");
        expect((await decisionsOn(commentId)).map((d) => d.action)).toEqual(["auto_hide", "hide", "restore"]);
        const [stored] = await h.db.select().from(appeals).where(eq(appeals.id, appeal.id));
        expect(stored).toMatchObject({ outcome: "reversed", decidedBy: decider.id });
      },
    );

    it("a participant cannot decide an appeal", async () => {
      const c = await moderatedConsultation(h.db);
      const author = await newActor(h.db);
      const { decisionId } = await hiddenComment(c, author, await newStaff(h.db, "moderator"));
      const appeal = await appealDecision(h.db, author, { decisionId, statement: APPEAL });
      if (!appeal.ok) throw new Error(`appeal refused: ${appeal.error}`);
      for (const who of [author, await newActor(h.db)]) {
        expect(await expectUnchanged(h, () => decideAppeal(h.db, who, { appealId: appeal.id, outcome: "reversed", note: "" }))).toEqual({
          ok: false,
          error: "forbidden",
        });
      }
    });
  });

  describe("the moderation queue", () => {
    it("lists a comment a moderator hid among the hidden until it is restored; an automatic hide with open reports waits among the items", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 2 });
      const moderator = await newStaff(h.db, "moderator");
      const author = await newActor(h.db, "academia");
      const published = await postComment(h.db, await newActor(h.db), c);

      // Hidden by a moderator after a report: the report is settled, so it waits among the hidden only.
      const hiddenId = await postComment(h.db, author, c);
      await report(await newActor(h.db), hiddenId);
      const hidden = await moderateComment(h.db, moderator, { commentId: hiddenId, action: "hide", ruleId: c.rules[0]!.id, note: "" });
      if (!hidden.ok) throw new Error(`hide refused: ${hidden.error}`);

      // Hidden automatically: its reports are open, so it waits among the items, not the hidden.
      const autoHidden = await postComment(h.db, await newActor(h.db), c);
      await report(await newActor(h.db), autoHidden);
      expect(await report(await newActor(h.db), autoHidden)).toEqual({ ok: true, autoHidden: true });

      const queue = await listModerationQueue(h.db, c.consultationId);
      expect(queue.hidden).toMatchObject([{ id: hiddenId, authorId: author.id, stakeholderGroup: "academia", principlePosition: 1 }]);
      expect(queue.items.map((i) => i.id)).toEqual([autoHidden]);
      expect(queue.items[0]).toMatchObject({ state: "hidden", openReports: 2 });
      expect(queue.hidden.map((i) => i.id)).not.toContain(published);

      // Once its author appeals, it is decided among the appeals, not restored from the hidden list.
      const appealed = await appealDecision(h.db, author, {
        decisionId: hidden.decisionId,
        statement: "This was an honest research comment.",
      });
      if (!appealed.ok) throw new Error(`appeal refused: ${appealed.error}`);
      const whileAppealed = await listModerationQueue(h.db, c.consultationId);
      expect(whileAppealed.hidden).toEqual([]);
      expect(whileAppealed.appeals.map((a) => a.commentId)).toEqual([hiddenId]);
      expect(await decideAppeal(h.db, await newStaff(h.db, "admin"), { appealId: appealed.id, outcome: "upheld", note: "" })).toEqual({
        ok: true,
      });
      expect((await listModerationQueue(h.db, c.consultationId)).hidden.map((i) => i.id)).toEqual([hiddenId]);

      const restored = await moderateComment(h.db, moderator, { commentId: hiddenId, action: "restore", ruleId: null, note: "" });
      if (!restored.ok) throw new Error(`restore refused: ${restored.error}`);
      const after = await listModerationQueue(h.db, c.consultationId);
      expect(after.hidden).toEqual([]);
      expect(after.items.map((i) => i.id)).toEqual([autoHidden]);
    });
  });

  describe("one decision per change of state", () => {
    async function noticesOf(userId: string) {
      return h.db.select().from(notifications).where(eq(notifications.userId, userId));
    }

    it("hiding a comment a moderator already hid is refused and writes nothing: no second decision, notice or ledger row", async () => {
      const c = await moderatedConsultation(h.db);
      const author = await newActor(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const { commentId, decisionId } = await hiddenComment(c, author, moderator);

      // The same form sent again, and another moderator's stale form.
      for (const who of [moderator, await newStaff(h.db, "moderator")]) {
        for (const rule of c.rules) {
          const r = await expectUnchanged(h, () =>
            moderateComment(h.db, who, { commentId, action: "hide", ruleId: rule.id, note: "Again." }),
          );
          expect(r).toEqual({ ok: false, error: "invalidTransition" });
        }
      }
      expect((await decisionsOn(commentId)).map((d) => d.id)).toEqual([decisionId]);
      expect((await noticesOf(author.id)).map((n) => n.decisionId)).toEqual([decisionId]);
      expect((await listLedger(h.db, c.consultationId)).map((l) => l.id)).toEqual([decisionId]);
      expect((await listNotifications(h.db, author.id)).filter((n) => n.appealable)).toHaveLength(1);
    });

    it("two moderators hiding the same comment at once: exactly one decision, the other refused", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 2 });
      const author = await newActor(h.db);
      const moderators = [await newStaff(h.db, "moderator"), await newStaff(h.db, "moderator"), await newStaff(h.db, "admin")];
      const hideAll = (commentId: number) =>
        Promise.all(
          moderators.map((m, i) => moderateComment(h.db, m, { commentId, action: "hide", ruleId: c.rules[i % 2]!.id, note: "" })),
        );

      // A published comment.
      const published = await postComment(h.db, author, c);
      const first = await hideAll(published);
      expect(first.filter((r) => r.ok)).toHaveLength(1);
      expect(first.filter((r) => !r.ok)).toEqual([
        { ok: false, error: "invalidTransition" },
        { ok: false, error: "invalidTransition" },
      ]);
      expect((await decisionsOn(published)).map((d) => d.action)).toEqual(["hide"]);

      // An automatic hide confirmed by three moderators at once: confirmed once.
      const autoHidden = await postComment(h.db, author, c);
      await report(await newActor(h.db), autoHidden);
      expect(await report(await newActor(h.db), autoHidden)).toEqual({ ok: true, autoHidden: true });
      const second = await hideAll(autoHidden);
      expect(second.filter((r) => r.ok)).toHaveLength(1);
      expect((await decisionsOn(autoHidden)).map((d) => d.action)).toEqual(["auto_hide", "hide"]);
      // The author heard of three decisions in all: one hide, one automatic hide, one confirmation.
      expect(await noticesOf(author.id)).toHaveLength(3);
    });

    it("an automatic hide waits in the queue as hidden by reports, with restore and a confirmation under a rule, confirmed once", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 2 });
      const author = await newActor(h.db, "civil_society");
      const moderator = await newStaff(h.db, "moderator");
      const commentId = await postComment(h.db, author, c);
      await report(await newActor(h.db), commentId);
      expect(await report(await newActor(h.db), commentId)).toEqual({ ok: true, autoHidden: true });

      const queue = await listModerationQueue(h.db, c.consultationId);
      expect(queue.items.find((i) => i.id === commentId)).toMatchObject({
        state: "hidden",
        standing: "hidden_by_reports",
        openReports: 2,
        decisions: ["hide", "restore"],
      });
      expect(queue.hidden.map((i) => i.id)).not.toContain(commentId);

      const confirmed = await moderateComment(h.db, moderator, { commentId, action: "hide", ruleId: c.rules[1]!.id, note: "Abuse." });
      if (!confirmed.ok) throw new Error(`confirmation refused: ${confirmed.error}`);
      expect((await decisionsOn(commentId)).map((d) => [d.action, d.ruleId])).toEqual([
        ["auto_hide", null],
        ["hide", c.rules[1]!.id],
      ]);
      const after = await listModerationQueue(h.db, c.consultationId);
      expect(after.items.map((i) => i.id)).not.toContain(commentId);
      expect(after.hidden.find((i) => i.id === commentId)).toMatchObject({ decisions: ["restore"] });
      // Confirmed once: another confirmation is refused and writes nothing.
      const colleague = await newStaff(h.db, "moderator");
      expect(
        await expectUnchanged(h, () => moderateComment(h.db, colleague, { commentId, action: "hide", ruleId: c.rules[0]!.id, note: "" })),
      ).toEqual({ ok: false, error: "invalidTransition" });
    });

    it("ledger totals count hidden comments, each once under the rule of its latest hide, and blocked participants once", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 2 });
      const moderator = await newStaff(h.db, "moderator");
      const autoHide = async (commentId: number) => {
        await report(await newActor(h.db), commentId);
        expect(await report(await newActor(h.db), commentId)).toEqual({ ok: true, autoHidden: true });
      };
      const decide = async (commentId: number, action: "hide" | "restore", ruleId: string | null) => {
        const r = await moderateComment(h.db, moderator, { commentId, action, ruleId, note: "" });
        if (!r.ok) throw new Error(`${action} refused: ${r.error}`);
      };
      // Hidden automatically, then confirmed under rule 2.
      const confirmed = await postComment(h.db, await newActor(h.db, "academia"), c);
      await autoHide(confirmed);
      await decide(confirmed, "hide", c.rules[1]!.id);
      // Hidden under rule 1, restored, hidden again under rule 1.
      const twice = await postComment(h.db, await newActor(h.db, "academia"), c);
      await decide(twice, "hide", c.rules[0]!.id);
      await decide(twice, "restore", null);
      await decide(twice, "hide", c.rules[0]!.id);
      // Hidden automatically, not yet reviewed.
      const pending = await postComment(h.db, await newActor(h.db, "government"), c);
      await autoHide(pending);
      // Blocked, unblocked and blocked again: one participant.
      const participant = await newActor(h.db);
      for (const blocked of [true, false, true]) {
        const p = { userId: participant.id, consultationId: c.consultationId, blocked, ruleId: blocked ? c.rules[0]!.id : null, note: "" };
        expect(await blockParticipant(h.db, moderator, p)).toEqual({ ok: true });
      }

      // The ledger lists every decision (six hides and one restore)…
      expect((await listLedger(h.db, c.consultationId)).map((l) => l.action).sort()).toEqual(
        ["auto_hide", "auto_hide", "hide", "hide", "hide", "restore"].sort(),
      );
      // …the totals count comments.
      const totals = await ledgerTotals(h.db, c.consultationId);
      expect(totals.byRule).toEqual([
        { ruleNumber: 1, n: 1 },
        { ruleNumber: 2, n: 1 },
        { ruleNumber: null, n: 1 },
      ]);
      expect([...totals.byGroup].sort((a, b) => a.stakeholderGroup.localeCompare(b.stakeholderGroup))).toEqual([
        { stakeholderGroup: "academia", n: 2 },
        { stakeholderGroup: "government", n: 1 },
      ]);
      expect(totals.blocks).toBe(1);
    });
  });

  describe("withdrawn comments", () => {
    it("withdrawing a reported comment settles its reports in the same step and takes it out of the queue", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 5 });
      const author = await newActor(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const commentId = await postComment(h.db, author, c);
      await report(await newActor(h.db), commentId);
      await report(await newActor(h.db), commentId);
      expect((await listModerationQueue(h.db, c.consultationId)).items.map((i) => i.id)).toContain(commentId);

      expect(await withdrawComment(h.db, author, { commentId })).toEqual({ ok: true });
      expect((await commentState(commentId))?.state).toBe("withdrawn");
      const settled = await h.db.select({ settledAt: reports.settledAt }).from(reports).where(eq(reports.commentId, commentId));
      expect(settled).toHaveLength(2);
      for (const r of settled) expect(r.settledAt).toBeInstanceOf(Date);
      const queue = await listModerationQueue(h.db, c.consultationId);
      expect(queue.items.map((i) => i.id)).not.toContain(commentId);
      expect(queue.reports.filter((r) => r.commentId === commentId)).toEqual([]);
      expect(queue.hidden.map((i) => i.id)).not.toContain(commentId);
      // Nothing applies to it any more, and trying writes nothing.
      for (const action of ["keep", "hide", "restore", "approve"] as const) {
        expect(
          await expectUnchanged(h, () => moderateComment(h.db, moderator, { commentId, action, ruleId: c.rules[0]!.id, note: "" })),
        ).toEqual({
          ok: false,
          error: "invalidTransition",
        });
      }
    });
  });

  describe("appeals after a restore", () => {
    it("a hide the comment was restored from offers no appeal, and the command refuses one, writing nothing", async () => {
      const c = await moderatedConsultation(h.db);
      const author = await newActor(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const { commentId, decisionId } = await hiddenComment(c, author, moderator);
      expect(await listNotifications(h.db, author.id)).toMatchObject([{ decisionId, appealable: true, inForce: true, superseded: false }]);

      const restored = await moderateComment(h.db, moderator, { commentId, action: "restore", ruleId: null, note: "" });
      if (!restored.ok) throw new Error(`restore refused: ${restored.error}`);
      const told = await listNotifications(h.db, author.id);
      expect(told.find((n) => n.decisionId === decisionId)).toMatchObject({
        action: "hide",
        appealable: false,
        inForce: false,
        superseded: true,
      });
      expect(told.find((n) => n.decisionId === restored.decisionId)).toMatchObject({
        action: "restore",
        appealable: false,
        superseded: false,
      });
      expect(await expectUnchanged(h, () => appealDecision(h.db, author, { decisionId, statement: APPEAL }))).toEqual({
        ok: false,
        error: "decisionSuperseded",
      });

      // Hidden again later: the new hide may be appealed, the old one still not.
      const again = await moderateComment(h.db, moderator, { commentId, action: "hide", ruleId: c.rules[1]!.id, note: "" });
      if (!again.ok) throw new Error(`hide refused: ${again.error}`);
      expect(await expectUnchanged(h, () => appealDecision(h.db, author, { decisionId, statement: APPEAL }))).toEqual({
        ok: false,
        error: "decisionSuperseded",
      });
      expect((await appealDecision(h.db, author, { decisionId: again.decisionId, statement: APPEAL })).ok).toBe(true);
    });

    it("once an appeal against the confirmation is reversed, the automatic hide before it can no longer be appealed", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 2 });
      const author = await newActor(h.db);
      const commentId = await postComment(h.db, author, c);
      await report(await newActor(h.db), commentId);
      expect(await report(await newActor(h.db), commentId)).toEqual({ ok: true, autoHidden: true });
      const [autoHide] = await decisionsOn(commentId);
      const confirmed = await moderateComment(h.db, await newStaff(h.db, "moderator"), {
        commentId,
        action: "hide",
        ruleId: c.rules[0]!.id,
        note: "",
      });
      if (!confirmed.ok) throw new Error(`confirmation refused: ${confirmed.error}`);
      const appeal = await appealDecision(h.db, author, { decisionId: confirmed.decisionId, statement: APPEAL });
      if (!appeal.ok) throw new Error(`appeal refused: ${appeal.error}`);
      expect(await decideAppeal(h.db, await newStaff(h.db, "admin"), { appealId: appeal.id, outcome: "reversed", note: "" })).toEqual({
        ok: true,
      });
      expect((await commentState(commentId))?.state).toBe("published");

      expect((await listNotifications(h.db, author.id)).filter((n) => n.appealable)).toEqual([]);
      expect(await expectUnchanged(h, () => appealDecision(h.db, author, { decisionId: autoHide!.id, statement: APPEAL }))).toEqual({
        ok: false,
        error: "decisionSuperseded",
      });
    });

    it("a lifted block can no longer be appealed", async () => {
      const c = await moderatedConsultation(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const participant = await newActor(h.db);
      const p = { userId: participant.id, consultationId: c.consultationId, ruleId: c.rules[0]!.id, note: "" };
      expect(await blockParticipant(h.db, moderator, { ...p, blocked: true })).toEqual({ ok: true });
      expect(await blockParticipant(h.db, moderator, { ...p, blocked: false, ruleId: null })).toEqual({ ok: true });
      const [block] = await h.db
        .select({ id: moderationDecisions.id })
        .from(moderationDecisions)
        .where(and(eq(moderationDecisions.subjectUserId, participant.id), eq(moderationDecisions.action, "block")));
      expect((await listNotifications(h.db, participant.id)).find((n) => n.decisionId === block!.id)).toMatchObject({
        appealable: false,
        superseded: true,
      });
      expect(await expectUnchanged(h, () => appealDecision(h.db, participant, { decisionId: block!.id, statement: APPEAL }))).toEqual({
        ok: false,
        error: "decisionSuperseded",
      });
    });

    it("an open appeal whose comment was restored meanwhile leaves the queue and can no longer be decided", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 2 });
      const author = await newActor(h.db);
      const commentId = await postComment(h.db, author, c);
      await report(await newActor(h.db), commentId);
      expect(await report(await newActor(h.db), commentId)).toEqual({ ok: true, autoHidden: true });
      const [autoHide] = await decisionsOn(commentId);
      const appeal = await appealDecision(h.db, author, { decisionId: autoHide!.id, statement: APPEAL });
      if (!appeal.ok) throw new Error(`appeal refused: ${appeal.error}`);
      // While the appeal waits, the case is decided among the appeals only.
      const waiting = await listModerationQueue(h.db, c.consultationId);
      expect(waiting.appeals.map((a) => a.id)).toEqual([appeal.id]);
      expect(waiting.items.map((i) => i.id)).not.toContain(commentId);

      // A moderator restores it anyway (a form left open from before the appeal).
      const restored = await moderateComment(h.db, await newStaff(h.db, "moderator"), {
        commentId,
        action: "restore",
        ruleId: null,
        note: "",
      });
      expect(restored.ok).toBe(true);
      expect((await listModerationQueue(h.db, c.consultationId)).appeals).toEqual([]);
      const admin = await newStaff(h.db, "admin");
      for (const outcome of ["upheld", "reversed"] as const) {
        expect(await expectUnchanged(h, () => decideAppeal(h.db, admin, { appealId: appeal.id, outcome, note: "" }))).toEqual({
          ok: false,
          error: "decisionSuperseded",
        });
      }
      expect((await listNotifications(h.db, author.id)).find((n) => n.decisionId === autoHide!.id)).toMatchObject({
        appealId: appeal.id,
        superseded: true,
      });
    });

    it("reversing an appeal against an automatic hide settles its reports: it leaves the queue and one more report does not hide it again", async () => {
      const c = await moderatedConsultation(h.db, { threshold: 2 });
      const author = await newActor(h.db);
      const commentId = await postComment(h.db, author, c);
      await report(await newActor(h.db), commentId);
      expect(await report(await newActor(h.db), commentId)).toEqual({ ok: true, autoHidden: true });
      const [autoHide] = await decisionsOn(commentId);
      const appeal = await appealDecision(h.db, author, { decisionId: autoHide!.id, statement: APPEAL });
      if (!appeal.ok) throw new Error(`appeal refused: ${appeal.error}`);
      expect(await decideAppeal(h.db, await newStaff(h.db, "moderator"), { appealId: appeal.id, outcome: "reversed", note: "" })).toEqual({
        ok: true,
      });

      expect((await commentState(commentId))?.state).toBe("published");
      for (const r of await h.db.select({ settledAt: reports.settledAt }).from(reports).where(eq(reports.commentId, commentId))) {
        expect(r.settledAt).toBeInstanceOf(Date);
      }
      expect((await listModerationQueue(h.db, c.consultationId)).items.map((i) => i.id)).not.toContain(commentId);
      expect(await report(await newActor(h.db), commentId)).toEqual({ ok: true, autoHidden: false });
      expect((await commentState(commentId))?.state).toBe("published");
    });
  });

  describe("pre-moderation", () => {
    it("holds a new comment for its author's eyes only until a moderator approves it", async () => {
      const c = await moderatedConsultation(h.db);
      const moderator = await newStaff(h.db, "moderator");
      expect(await setPreModeration(h.db, moderator, { consultationSlug: c.slug, on: true })).toEqual({ ok: true });
      const author = await newActor(h.db);
      const reader = await newActor(h.db);
      const commentId = await postComment(h.db, author, c, { body: "Held until a moderator has read it." });
      expect(await commentState(commentId)).toEqual({ state: "awaiting_moderation", publishedAt: null });

      const seenBy = async (viewerId: string | null) => {
        const page = await listCommentThreads(h.db, { principleId: c.principleId, viewerId, sort: "newest", start: {} });
        return page.threads.map((t) => t.id);
      };
      expect(await seenBy(author.id)).toEqual([commentId]);
      expect(await seenBy(null)).toEqual([]);
      expect(await seenBy(reader.id)).toEqual([]);
      expect((await listModerationQueue(h.db, c.consultationId)).items).toMatchObject([{ id: commentId, state: "awaiting_moderation" }]);
      // Not published, so nothing to report yet.
      expect(await expectUnchanged(h, () => report(reader, commentId))).toEqual({ ok: false, error: "notFound" });

      const approved = await moderateComment(h.db, moderator, { commentId, action: "approve", ruleId: null, note: "" });
      expect(approved.ok).toBe(true);
      const after = await commentState(commentId);
      expect(after?.state).toBe("published");
      expect(after?.publishedAt).toBeInstanceOf(Date);
      expect(await seenBy(null)).toEqual([commentId]);
      expect(await seenBy(reader.id)).toEqual([commentId]);
      expect((await listModerationQueue(h.db, c.consultationId)).items).toHaveLength(0);
      // Approval is not a removal: the public ledger does not list it.
      expect(await listLedger(h.db, c.consultationId)).toHaveLength(0);
    });

    it("without pre-moderation a comment is published at once, and approve is refused on it", async () => {
      const c = await moderatedConsultation(h.db, { preModeration: false });
      const commentId = await postComment(h.db, await newActor(h.db), c);
      expect((await commentState(commentId))?.state).toBe("published");
      const moderator = await newStaff(h.db, "moderator");
      const r = await expectUnchanged(h, () => moderateComment(h.db, moderator, { commentId, action: "approve", ruleId: null, note: "" }));
      expect(r).toEqual({ ok: false, error: "invalidTransition" });
    });
  });

  describe("blocks", () => {
    it("a blocked participant cannot comment, edit, endorse or report, and the ledger counts the block", async () => {
      const c = await moderatedConsultation(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const participant = await newActor(h.db);
      const ownComment = await postComment(h.db, participant, c);
      const othersComment = await postComment(h.db, await newActor(h.db), c);

      expect(
        await expectUnchanged(h, () =>
          blockParticipant(h.db, moderator, {
            userId: participant.id,
            consultationId: c.consultationId,
            blocked: true,
            ruleId: null,
            note: "",
          }),
        ),
      ).toEqual({ ok: false, error: "ruleRequired" });
      expect(
        await blockParticipant(h.db, moderator, {
          userId: participant.id,
          consultationId: c.consultationId,
          blocked: true,
          ruleId: c.rules[0]!.id,
          note: "Repeated abuse.",
        }),
      ).toEqual({ ok: true });
      // The block is read with the session: the actor as the next request sees them.
      const session = await getSessionUser(h.db, participant.id);
      expect(session?.writeBlockedAt).toBeInstanceOf(Date);
      const blocked: SignedIn = {
        id: participant.id,
        role: session!.role,
        stakeholderGroup: session!.stakeholderGroup,
        writeBlockedAt: session!.writeBlockedAt,
      };

      const refused = { ok: false, error: "blocked" };
      expect(
        await expectUnchanged(h, () =>
          createComment(h.db, blocked, {
            consultationSlug: c.slug,
            principleSlug: c.principleSlug,
            input: commentInput(),
            language: "en",
            secret: SECRET,
          }),
        ),
      ).toEqual(refused);
      expect(
        await expectUnchanged(h, () =>
          editComment(h.db, blocked, { commentId: ownComment, body: "Rewritten while blocked.", stance: "opposes" }),
        ),
      ).toEqual(refused);
      expect(
        await expectUnchanged(h, () =>
          endorse(h.db, blocked, { consultationSlug: c.slug, input: { target: "consultation", capacity: "personal", statement: "" } }),
        ),
      ).toEqual(refused);
      expect(await expectUnchanged(h, () => report(blocked, othersComment))).toEqual(refused);

      expect(await ledgerTotals(h.db, c.consultationId)).toMatchObject({ blocks: 1 });
      const told = await listNotifications(h.db, participant.id);
      expect(told).toMatchObject([{ action: "block", ruleNumber: 1 }]);
      // Blocking twice changes nothing.
      expect(
        await expectUnchanged(h, () =>
          blockParticipant(h.db, moderator, {
            userId: participant.id,
            consultationId: c.consultationId,
            blocked: true,
            ruleId: c.rules[0]!.id,
            note: "",
          }),
        ),
      ).toEqual({ ok: false, error: "unchanged" });

      // Lifted: the participant writes again; the ledger still counts the one block.
      expect(
        await blockParticipant(h.db, moderator, {
          userId: participant.id,
          consultationId: c.consultationId,
          blocked: false,
          ruleId: null,
          note: "",
        }),
      ).toEqual({ ok: true });
      const lifted = await getSessionUser(h.db, participant.id);
      expect(lifted?.writeBlockedAt).toBeNull();
      const again = await createComment(
        h.db,
        { ...blocked, writeBlockedAt: lifted!.writeBlockedAt },
        {
          consultationSlug: c.slug,
          principleSlug: c.principleSlug,
          input: commentInput(),
          language: "en",
          secret: SECRET,
        },
      );
      expect(again.ok).toBe(true);
      expect(await ledgerTotals(h.db, c.consultationId)).toMatchObject({ blocks: 1 });
    });

    it("setWriteBlock records a block decision once, and refuses to block an already blocked account", async () => {
      const c = await moderatedConsultation(h.db);
      const admin = await newStaff(h.db, "admin");
      const participant = await newActor(h.db);
      const p = {
        userId: participant.id,
        consultationId: c.consultationId,
        blocked: true,
        ruleId: c.rules[1]!.id,
        note: "",
        actorId: admin.id,
        actorRole: "admin",
      };
      expect(await setWriteBlock(h.db, p)).toBe(true);
      expect(await expectUnchanged(h, () => setWriteBlock(h.db, p))).toBe(false);
      const decisions = await h.db.select().from(moderationDecisions).where(eq(moderationDecisions.subjectUserId, participant.id));
      expect(decisions).toMatchObject([{ action: "block", commentId: null, ruleId: c.rules[1]!.id, actorId: admin.id }]);
      expect(await ledgerTotals(h.db, c.consultationId)).toMatchObject({ blocks: 1 });
    });

    it("a blocked participant may appeal the block; reversing it lifts the block as a recorded unblock", async () => {
      const c = await moderatedConsultation(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const participant = await newActor(h.db);
      const blocked = await blockParticipant(h.db, moderator, {
        userId: participant.id,
        consultationId: c.consultationId,
        blocked: true,
        ruleId: c.rules[0]!.id,
        note: "",
      });
      expect(blocked).toEqual({ ok: true });
      const [block] = await h.db
        .select({ id: moderationDecisions.id })
        .from(moderationDecisions)
        .where(and(eq(moderationDecisions.subjectUserId, participant.id), eq(moderationDecisions.action, "block")));
      const session = await getSessionUser(h.db, participant.id);
      const asSeen: SignedIn = { ...participant, writeBlockedAt: session!.writeBlockedAt };
      const appeal = await appealDecision(h.db, asSeen, { decisionId: block!.id, statement: APPEAL });
      if (!appeal.ok) throw new Error(`appeal refused: ${appeal.error}`);
      expect(await expectUnchanged(h, () => decideAppeal(h.db, moderator, { appealId: appeal.id, outcome: "reversed", note: "" }))).toEqual(
        {
          ok: false,
          error: "ownDecision",
        },
      );

      const admin = await newStaff(h.db, "admin");
      expect(await decideAppeal(h.db, admin, { appealId: appeal.id, outcome: "reversed", note: "Lifted on appeal." })).toEqual({
        ok: true,
      });
      expect((await getSessionUser(h.db, participant.id))?.writeBlockedAt).toBeNull();
      const decisions = await h.db
        .select()
        .from(moderationDecisions)
        .where(eq(moderationDecisions.subjectUserId, participant.id))
        .orderBy(moderationDecisions.id);
      expect(decisions.map((d) => d.action)).toEqual(["block", "unblock"]);
      expect(decisions[1]).toMatchObject({ appealId: appeal.id, actorId: admin.id, commentId: null });
      const [stored] = await h.db.select().from(appeals).where(eq(appeals.id, appeal.id));
      expect(stored).toMatchObject({ outcome: "reversed", decidedBy: admin.id });
      expect(await postComment(h.db, { ...participant, writeBlockedAt: null }, c)).toBeGreaterThan(0);
    });

    it("refuses a block under another consultation's rule and writes nothing; the consultation's own rule is accepted", async () => {
      const c = await moderatedConsultation(h.db);
      const other = await moderatedConsultation(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const participant = await newActor(h.db);
      const p = { userId: participant.id, consultationId: c.consultationId, blocked: true, note: "" };

      for (const ruleId of [other.rules[0]!.id, crypto.randomUUID()]) {
        expect(await expectUnchanged(h, () => blockParticipant(h.db, moderator, { ...p, ruleId }))).toEqual({
          ok: false,
          error: "ruleInvalid",
        });
      }
      expect((await getSessionUser(h.db, participant.id))?.writeBlockedAt).toBeNull();

      expect(await blockParticipant(h.db, moderator, { ...p, ruleId: c.rules[1]!.id })).toEqual({ ok: true });
      expect((await getSessionUser(h.db, participant.id))?.writeBlockedAt).toBeInstanceOf(Date);
      const decisions = await h.db.select().from(moderationDecisions).where(eq(moderationDecisions.subjectUserId, participant.id));
      expect(decisions).toMatchObject([
        { action: "block", consultationId: c.consultationId, ruleId: c.rules[1]!.id, actorId: moderator.id },
      ]);
    });

    it("a moderator cannot block themselves, and a participant cannot block anyone", async () => {
      const c = await moderatedConsultation(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const participant = await newActor(h.db);
      const target = await newActor(h.db);
      const p = { consultationId: c.consultationId, blocked: true, ruleId: c.rules[0]!.id, note: "" };
      expect(await expectUnchanged(h, () => blockParticipant(h.db, moderator, { ...p, userId: moderator.id }))).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await expectUnchanged(h, () => blockParticipant(h.db, participant, { ...p, userId: target.id }))).toEqual({
        ok: false,
        error: "forbidden",
      });
    });
  });

  describe("append-only records", () => {
    it("audit_log refuses UPDATE, DELETE and TRUNCATE", async () => {
      const admin = await newStaff(h.db, "admin");
      await recordAudit(h.db, {
        action: "role.changed",
        actorId: admin.id,
        actorRole: "admin",
        targetType: "user",
        targetId: "x",
        details: { role: "moderator" },
      });
      const before = await h.db.select().from(auditLog).orderBy(auditLog.id);
      expect(before.length).toBeGreaterThan(0);

      expect(await refusedByDatabase(h.db, sql`update audit_log set action = 'rewritten' where actor_id = ${admin.id}`)).toMatch(
        /audit_log is append-only/,
      );
      expect(await refusedByDatabase(h.db, sql`update audit_log set actor_id = null`)).toMatch(/audit_log is append-only/);
      expect(await refusedByDatabase(h.db, sql`delete from audit_log where actor_id = ${admin.id}`)).toMatch(/audit_log is append-only/);
      expect(await refusedByDatabase(h.db, sql`delete from audit_log`)).toMatch(/audit_log is append-only/);
      expect(await refusedByDatabase(h.db, sql`truncate audit_log`)).toMatch(/audit_log is append-only/);
      expect(await h.db.select().from(auditLog).orderBy(auditLog.id)).toEqual(before);
    });

    it("moderation_decisions refuses UPDATE, DELETE and TRUNCATE", async () => {
      const c = await moderatedConsultation(h.db);
      const moderator = await newStaff(h.db, "moderator");
      const { decisionId } = await hiddenComment(c, await newActor(h.db), moderator);
      const before = await h.db.select().from(moderationDecisions).orderBy(moderationDecisions.id);
      expect(before.map((d) => d.id)).toContain(decisionId);

      const append = /moderation_decisions is append-only/;
      expect(await refusedByDatabase(h.db, sql`update moderation_decisions set note = 'rewritten' where id = ${decisionId}`)).toMatch(
        append,
      );
      expect(
        await refusedByDatabase(h.db, sql`update moderation_decisions set action = 'keep', rule_id = null where id = ${decisionId}`),
      ).toMatch(append);
      // The notification that points at it goes first, so only the trigger can be what refuses the delete.
      await h.db.delete(notifications).where(eq(notifications.decisionId, decisionId));
      expect(await refusedByDatabase(h.db, sql`delete from moderation_decisions where id = ${decisionId}`)).toMatch(append);
      expect(await refusedByDatabase(h.db, sql`truncate moderation_decisions cascade`)).toMatch(append);
      expect(await h.db.select().from(moderationDecisions).orderBy(moderationDecisions.id)).toEqual(before);
    });
  });

  describe("role changes take effect at once", () => {
    it("a demoted moderator's existing token no longer carries the right", async () => {
      const moderator = await newStaff(h.db, "moderator");
      const admin = await newStaff(h.db, "admin");
      const c = await moderatedConsultation(h.db);
      const commentId = await postComment(h.db, await newActor(h.db), c);
      const current = await getSessionUser(h.db, moderator.id);
      const nowS = Math.floor(Date.now() / 1000);
      const claims: SessionClaims = { sub: moderator.id, sv: current!.sessionVersion, authAt: nowS, seenAt: nowS };
      expect(await userForClaims(h.db, claims, nowS)).toMatchObject({ id: moderator.id, role: "moderator" });

      expect(await changeRole(h.db, admin, { userId: moderator.id, role: "participant" })).toEqual({ ok: true });
      expect(await userForClaims(h.db, claims, nowS)).toBeNull();

      const reread = await getSessionUser(h.db, moderator.id);
      expect(reread?.role).toBe("participant");
      expect(reread?.sessionVersion).toBe(current!.sessionVersion + 1);
      const r = await expectUnchanged(h, () =>
        moderateComment(h.db, reread!, { commentId, action: "hide", ruleId: c.rules[0]!.id, note: "" }),
      );
      expect(r).toEqual({ ok: false, error: "forbidden" });
      // A fresh sign-in carries the new version (and the new role).
      expect(await userForClaims(h.db, { ...claims, sv: reread!.sessionVersion }, nowS)).toMatchObject({ role: "participant" });
    });

    it("an admin cannot change their own role, and a moderator cannot change anyone's", async () => {
      const admin = await newStaff(h.db, "admin");
      const moderator = await newStaff(h.db, "moderator");
      const participant = await newActor(h.db);
      expect(await expectUnchanged(h, () => changeRole(h.db, admin, { userId: admin.id, role: "participant" }))).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await expectUnchanged(h, () => changeRole(h.db, moderator, { userId: participant.id, role: "moderator" }))).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await expectUnchanged(h, () => changeRole(h.db, moderator, { userId: moderator.id, role: "admin" }))).toEqual({
        ok: false,
        error: "forbidden",
      });
    });
  });

  describe("organisation membership by email domain", () => {
    const domain = () => `ngo-${crypto.randomUUID().slice(0, 8)}.example`;

    async function orgWithDomain(websiteDomain: string, verified: boolean) {
      const id = await newOrganisation(h.db, { verified });
      await h.db.update(organisations).set({ websiteDomain }).where(eq(organisations.id, id));
      return id;
    }

    async function membershipOf(userId: string, organisationId: string) {
      const [row] = await h.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
      return row;
    }

    async function userAt(email: string) {
      return createUser(h.db, { passwordHash: "not-used-by-these-tests", email });
    }

    it("verifies a member at once when their confirmed email is at the verified organisation's domain or a subdomain of it", async () => {
      const d = domain();
      const org = await orgWithDomain(d, true);
      for (const email of [`kavya@${d}`, `ravi@mail.${d}`, `ANITA@${d.toUpperCase()}`]) {
        const u = await userAt(email);
        await h.db.transaction((tx) => ensureMembership(tx, u.id, org, { address: u.email, confirmed: true }));
        expect((await membershipOf(u.id, org))?.verifiedAt, email).toBeInstanceOf(Date);
        expect((await listMembershipsOfUser(h.db, u.id))[0]).toMatchObject({ organisationId: org, membershipVerified: true });
      }
    });

    it("leaves a member pending at another domain, a look-alike domain, or an unverified organisation's domain", async () => {
      const d = domain();
      const verifiedOrg = await orgWithDomain(d, true);
      for (const email of [`kavya@other-${d}`, `ravi@${d}.evil.example`, `anita@evil${d}`]) {
        const u = await userAt(email);
        await h.db.transaction((tx) => ensureMembership(tx, u.id, verifiedOrg, { address: u.email, confirmed: true }));
        expect(await membershipOf(u.id, verifiedOrg), email).toMatchObject({ verifiedAt: null });
      }
      const d2 = domain();
      const unverifiedOrg = await orgWithDomain(d2, false);
      const u = await userAt(`kavya@${d2}`);
      await h.db.transaction((tx) => ensureMembership(tx, u.id, unverifiedOrg, { address: u.email, confirmed: true }));
      expect(await membershipOf(u.id, unverifiedOrg)).toMatchObject({ verifiedAt: null });
    });

    it("nobody verifies an organisation they named or asked to join; another moderator can", async () => {
      const [named, joined] = [await newOrganisation(h.db, { verified: false }), await newOrganisation(h.db, { verified: false })];
      const [founder, member, other] = [
        await newStaff(h.db, "moderator"),
        await newStaff(h.db, "admin"),
        await newStaff(h.db, "moderator"),
      ];
      await h.db.update(organisations).set({ createdBy: founder.id }).where(eq(organisations.id, named));
      await addMembership(h.db, member.id, joined, { verified: false, maySign: false });
      for (const [actor, org] of [
        [founder, named],
        [member, joined],
      ] as const) {
        expect(
          await expectUnchanged(h, () =>
            verifyOrganisation(h.db, actor, { organisationId: org, domain: `${actor.id.slice(0, 8)}.example` }),
          ),
        ).toEqual({
          ok: false,
          error: "forbidden",
        });
      }
      for (const org of [named, joined])
        expect(await verifyOrganisation(h.db, other, { organisationId: org, domain: null })).toEqual({ ok: true });
    });

    it("an admin cannot grant themselves the authority to sign; another admin can", async () => {
      const org = await newOrganisation(h.db);
      const [admin, otherAdmin] = [await newStaff(h.db, "admin"), await newStaff(h.db, "admin")];
      await addMembership(h.db, admin.id, org, { verified: true, maySign: false });
      expect(
        await expectUnchanged(h, () => setSigningAuthority(h.db, admin, { userId: admin.id, organisationId: org, maySign: true })),
      ).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await setSigningAuthority(h.db, otherAdmin, { userId: admin.id, organisationId: org, maySign: true })).toEqual({ ok: true });
    });

    it("leaves a member pending at the right domain while their email is not confirmed", async () => {
      const d = domain();
      const org = await orgWithDomain(d, true);
      const u = await userAt(`kavya@${d}`);
      await h.db.transaction((tx) => ensureMembership(tx, u.id, org, { address: u.email, confirmed: false }));
      expect(await membershipOf(u.id, org)).toMatchObject({ verifiedAt: null });
    });

    it("a moderator approves or rejects (with a reason) a pending membership; a participant cannot", async () => {
      const org = await orgWithDomain(domain(), true);
      const moderator = await newStaff(h.db, "moderator");
      const participant = await newActor(h.db);
      const [a, b] = [
        await userAt(`a-${crypto.randomUUID()}@elsewhere.example`),
        await userAt(`b-${crypto.randomUUID()}@elsewhere.example`),
      ];
      for (const u of [a, b]) await h.db.transaction((tx) => ensureMembership(tx, u.id, org, { address: u.email, confirmed: true }));

      expect(
        await expectUnchanged(h, () =>
          reviewMembership(h.db, participant, { userId: a.id, organisationId: org, approve: true, reason: "" }),
        ),
      ).toEqual({ ok: false, error: "forbidden" });
      expect(
        await expectUnchanged(h, () => reviewMembership(h.db, null, { userId: a.id, organisationId: org, approve: true, reason: "" })),
      ).toEqual({
        ok: false,
        error: "unauthenticated",
      });
      expect(
        await expectUnchanged(h, () =>
          reviewMembership(h.db, moderator, { userId: b.id, organisationId: org, approve: false, reason: "   " }),
        ),
      ).toEqual({ ok: false, error: "reasonRequired" });

      expect(await reviewMembership(h.db, moderator, { userId: a.id, organisationId: org, approve: true, reason: "" })).toEqual({
        ok: true,
      });
      expect(await membershipOf(a.id, org)).toMatchObject({ verifiedBy: moderator.id, rejectedAt: null });
      expect((await membershipOf(a.id, org))?.verifiedAt).toBeInstanceOf(Date);

      expect(
        await reviewMembership(h.db, moderator, {
          userId: b.id,
          organisationId: org,
          approve: false,
          reason: "Not listed on the organisation's staff page.",
        }),
      ).toEqual({ ok: true });
      expect(await membershipOf(b.id, org)).toMatchObject({
        verifiedAt: null,
        rejectedReason: "Not listed on the organisation's staff page.",
      });
      expect((await membershipOf(b.id, org))?.rejectedAt).toBeInstanceOf(Date);

      // Reviewed once: a second review finds nothing pending.
      expect(
        await expectUnchanged(h, () => reviewMembership(h.db, moderator, { userId: b.id, organisationId: org, approve: true, reason: "" })),
      ).toEqual({
        ok: false,
        error: "notFound",
      });
    });
  });
});
