import { and, eq } from "drizzle-orm";
import type { AppealOutcome } from "@/lib/limits";
import { commentStanding, nextCommentState } from "@/lib/rules/moderation";
import type { Db } from "../client";
import { appeals, comments, moderationDecisions, users } from "../schema";
import { addDecision, decisionInForce, lockComment, settleReports } from "./moderation-decisions";
import { notify } from "./notifications";
import { isUniqueViolation } from "./pg-errors";
import type { Tx } from "./tx";

/**
 * Locks what a decision is about (the comment, or the account for a block) and says whether the decision is
 * still in force. Restores and unblocks take the same lock, so the answer holds until the transaction ends.
 */
async function lockDecisionSubject(tx: Tx, decisionId: number) {
  const [d] = await tx
    .select({
      id: moderationDecisions.id,
      commentId: moderationDecisions.commentId,
      consultationId: moderationDecisions.consultationId,
      subjectUserId: moderationDecisions.subjectUserId,
    })
    .from(moderationDecisions)
    .where(eq(moderationDecisions.id, decisionId));
  if (!d) return undefined;
  const comment = d.commentId !== null ? await lockComment(tx, d.commentId) : undefined;
  if (d.commentId === null && d.subjectUserId)
    await tx.select({ id: users.id }).from(users).where(eq(users.id, d.subjectUserId)).for("update");
  const [state] = await tx.select({ inForce: decisionInForce() }).from(moderationDecisions).where(eq(moderationDecisions.id, d.id));
  return { ...d, comment, inForce: Boolean(state?.inForce) };
}

/** The author's one appeal against a hide or a block, while the decision is still in force. */
export async function fileAppeal(
  db: Db,
  p: { decisionId: number; appellantId: string; statement: string },
  now = new Date(),
): Promise<{ ok: true; id: number } | { ok: false; error: "alreadyAppealed" | "decisionSuperseded" | "notFound" }> {
  try {
    return await db.transaction(async (tx) => {
      const d = await lockDecisionSubject(tx, p.decisionId);
      if (!d) return { ok: false, error: "notFound" } as const;
      if (!d.inForce) return { ok: false, error: "decisionSuperseded" } as const;
      const [row] = await tx
        .insert(appeals)
        .values({ ...p, createdAt: now })
        .returning({ id: appeals.id });
      if (!row) throw new Error("insert returned no row");
      return { ok: true, id: row.id } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err, "appeals_decision_key")) return { ok: false, error: "alreadyAppealed" };
    throw err;
  }
}

/** Whether this person ever hid this comment: they then have a stake in any appeal about it. */
export async function hasHiddenComment(db: Db, commentId: number, actorId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: moderationDecisions.id })
    .from(moderationDecisions)
    .where(
      and(eq(moderationDecisions.commentId, commentId), eq(moderationDecisions.actorId, actorId), eq(moderationDecisions.action, "hide")),
    )
    .limit(1);
  return Boolean(row);
}

export async function getAppeal(db: Db, id: number) {
  const [row] = await db
    .select({
      id: appeals.id,
      decisionId: appeals.decisionId,
      outcome: appeals.outcome,
      decisionActorId: moderationDecisions.actorId,
      commentId: moderationDecisions.commentId,
      appellantId: appeals.appellantId,
    })
    .from(appeals)
    .innerJoin(moderationDecisions, eq(moderationDecisions.id, appeals.decisionId))
    .where(eq(appeals.id, id));
  return row;
}

/**
 * Settles an appeal: "reversed" restores the comment (a recorded restore decision, its open reports settled) or
 * lifts the block (a recorded unblock); "upheld" leaves it as it is. An appeal whose decision is no longer in
 * force (the comment restored or the block lifted meanwhile) cannot be decided either way.
 * The database refuses a decider who made the contested decision (trigger), whatever the code does.
 */
export async function settleAppeal(
  db: Db,
  p: { appealId: number; outcome: AppealOutcome; note: string; actorId: string; actorRole: string },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: "notFound" | "alreadyDecided" | "decisionSuperseded" }> {
  return db.transaction(async (tx) => {
    const [appeal] = await tx
      .select({ id: appeals.id, outcome: appeals.outcome, decisionId: appeals.decisionId })
      .from(appeals)
      .where(eq(appeals.id, p.appealId))
      .for("update");
    if (!appeal) return { ok: false, error: "notFound" } as const;
    if (appeal.outcome) return { ok: false, error: "alreadyDecided" } as const;
    const d = await lockDecisionSubject(tx, appeal.decisionId);
    if (!d) return { ok: false, error: "notFound" } as const;
    if (!d.inForce) return { ok: false, error: "decisionSuperseded" } as const;
    // A reversal restores the comment, and the state machine decides whether it may, as for a moderator's restore:
    // a hide in force means hidden, which it allows; nothing leads out of withdrawn (an erased author's comments).
    // The hide's kind does not matter here: restore applies to either.
    const restored = d.comment ? nextCommentState(commentStanding(d.comment.state, "hide"), "restore") : null;
    if (p.outcome === "reversed" && d.comment && !restored) return { ok: false, error: "decisionSuperseded" } as const;
    await tx.update(appeals).set({ outcome: p.outcome, decidedAt: now, decidedBy: p.actorId }).where(eq(appeals.id, appeal.id));
    const decision = { commentId: d.commentId, consultationId: d.consultationId, subjectUserId: d.subjectUserId };
    const by = { note: p.note, actorId: p.actorId, actorRole: p.actorRole, appealId: appeal.id, now };
    if (p.outcome === "reversed" && d.commentId === null && d.subjectUserId) {
      // An appeal against a block: reversing it lifts the block, recorded like any other decision.
      await tx.update(users).set({ writeBlockedAt: null }).where(eq(users.id, d.subjectUserId));
      await addDecision(tx, { ...decision, action: "unblock", ...by });
    } else if (p.outcome === "reversed" && d.comment && restored) {
      // The comment's row is locked: the state the rule was asked about is still its state.
      await tx
        .update(comments)
        .set({ state: restored, publishedAt: d.comment.publishedAt ?? now })
        .where(eq(comments.id, d.comment.id));
      // The reports behind an automatic hide are answered by the reversal: left open, they would count again.
      await settleReports(tx, d.comment.id, now);
      await addDecision(tx, { ...decision, action: "restore", ...by });
    } else if (d.subjectUserId) {
      await notify(
        tx,
        {
          userId: d.subjectUserId,
          kind: "decision",
          decisionId: appeal.decisionId,
          commentId: d.commentId,
          dedupeKey: `appeal:${appeal.id}`,
        },
        now,
      );
    }
    return { ok: true } as const;
  });
}
