import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { AUTO_HIDE_DEFAULT, type CommentDecision } from "@/lib/limits";
import { commentStanding, HIDE_ACTIONS, isHideAction, nextCommentState, type HideAction } from "@/lib/rules/moderation";
import type { Db } from "../client";
import { comments, consultations, moderationDecisions, moderationRules, reports, users, type ReportReason } from "../schema";
import { addDecision, lockComment, settleReports } from "./moderation-decisions";
import { isUniqueViolation } from "./pg-errors";
import type { Tx } from "./tx";
import { notifyPublishedReply } from "./notifications";

export type ReportResult = { ok: true; autoHidden: boolean } | { ok: false; error: "alreadyReported" | "notFound" };

/**
 * A participant's report. Reports from the consultation's threshold of distinct participants (one report each,
 * by unique key) hide the comment pending review, as a recorded system decision.
 */
export async function fileReport(
  db: Db,
  p: { commentId: number; reporterId: string; reason: ReportReason; details: string },
  now = new Date(),
): Promise<ReportResult> {
  try {
    return await db.transaction(async (tx) => {
      const c = await lockComment(tx, p.commentId);
      if (!c || c.state !== "published") return { ok: false, error: "notFound" } as const;
      await tx.insert(reports).values({ ...p, createdAt: now });
      const [counted] = await tx
        .select({ n: sql<number>`count(distinct ${reports.reporterId})::int` })
        .from(reports)
        .where(and(eq(reports.commentId, p.commentId), isNull(reports.settledAt)));
      const [consultation] = await tx
        .select({ threshold: consultations.autoHideThreshold })
        .from(consultations)
        .where(eq(consultations.id, c.consultationId));
      if (Number(counted?.n ?? 0) < (consultation?.threshold ?? AUTO_HIDE_DEFAULT)) return { ok: true, autoHidden: false } as const;
      await tx.update(comments).set({ state: "hidden" }).where(eq(comments.id, c.id));
      await addDecision(tx, {
        consultationId: c.consultationId,
        commentId: c.id,
        subjectUserId: c.authorId,
        action: "auto_hide",
        actorId: null,
        actorRole: "system",
        now,
      });
      return { ok: true, autoHidden: true } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err, "reports_comment_reporter_key")) return { ok: false, error: "alreadyReported" };
    throw err;
  }
}

export type DecideResult = { ok: true; decisionId: number } | { ok: false; error: "notFound" | "invalidTransition" | "ruleInvalid" };

/** The action of the comment's latest hide (automatic or a moderator's), or null if it was never hidden. */
async function latestHide(tx: Tx, commentId: number): Promise<HideAction | null> {
  const [row] = await tx
    .select({ action: moderationDecisions.action })
    .from(moderationDecisions)
    .where(and(eq(moderationDecisions.commentId, commentId), inArray(moderationDecisions.action, [...HIDE_ACTIONS])))
    .orderBy(desc(moderationDecisions.id))
    .limit(1);
  return row && isHideAction(row.action) ? row.action : null;
}

/**
 * A moderator's decision on a comment, the comment's new state and the settled reports: one transaction. The
 * comment's row is locked before its standing is read, so of two concurrent decisions the second sees the
 * first's outcome (two hides: one is recorded, the other refused).
 */
export async function decideOnComment(
  db: Db,
  p: {
    commentId: number;
    action: CommentDecision;
    ruleId?: string | null;
    note: string;
    actorId: string;
    actorRole: string;
    appealId?: number;
  },
  now = new Date(),
): Promise<DecideResult> {
  return db.transaction(async (tx) => {
    const c = await lockComment(tx, p.commentId);
    if (!c) return { ok: false, error: "notFound" } as const;
    const to = nextCommentState(commentStanding(c.state, await latestHide(tx, c.id)), p.action);
    if (!to) return { ok: false, error: "invalidTransition" } as const;
    if (p.action === "hide") {
      const [rule] = p.ruleId
        ? await tx
            .select({ id: moderationRules.id })
            .from(moderationRules)
            .where(and(eq(moderationRules.id, p.ruleId), eq(moderationRules.consultationId, c.consultationId)))
        : [];
      if (!rule) return { ok: false, error: "ruleInvalid" } as const;
    }
    await tx
      .update(comments)
      .set({ state: to, ...(to === "published" && !c.publishedAt ? { publishedAt: now } : {}) })
      .where(eq(comments.id, c.id));
    await settleReports(tx, c.id, now);
    // A moderator has now read this account's words: an account held by the bulk-intake limit is released.
    if (p.action === "approve" && c.authorId) {
      await tx
        .update(users)
        .set({ heldAt: null })
        .where(and(eq(users.id, c.authorId), isNotNull(users.heldAt)));
    }
    // A held reply approved now is seen for the first time: its parent's author is told now.
    if (to === "published" && !c.publishedAt) await notifyPublishedReply(tx, c.id, now);
    const decisionId = await addDecision(tx, {
      consultationId: c.consultationId,
      commentId: c.id,
      subjectUserId: c.authorId,
      action: p.action,
      ruleId: p.action === "hide" ? p.ruleId : null,
      note: p.note,
      actorId: p.actorId,
      actorRole: p.actorRole,
      appealId: p.appealId ?? null,
      now,
    });
    return { ok: true, decisionId } as const;
  });
}

/** A block from writing (or its lifting), recorded as a decision about the account. */
export async function setWriteBlock(
  db: Db,
  p: { userId: string; consultationId: string; blocked: boolean; ruleId: string | null; note: string; actorId: string; actorRole: string },
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ writeBlockedAt: p.blocked ? now : null })
      .where(and(eq(users.id, p.userId), p.blocked ? isNull(users.writeBlockedAt) : sql`${users.writeBlockedAt} is not null`))
      .returning({ id: users.id });
    if (!u) return false;
    await addDecision(tx, {
      consultationId: p.consultationId,
      commentId: null,
      subjectUserId: p.userId,
      action: p.blocked ? "block" : "unblock",
      ruleId: p.ruleId,
      note: p.note,
      actorId: p.actorId,
      actorRole: p.actorRole,
      now,
    });
    return true;
  });
}
