import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { HIDE_ACTIONS } from "@/lib/rules/moderation";
import type { Db } from "../client";
import { comments, moderationDecisions, reports, type ModerationAction } from "../schema";
import { notify } from "./notifications";
import type { Tx } from "./tx";

// The parts every moderation write shares: the comment's row lock, a recorded decision with its notice, settled
// reports, and whether a decision is still in force.

export async function lockComment(tx: Tx, commentId: number) {
  const [c] = await tx
    .select({
      id: comments.id,
      state: comments.state,
      authorId: comments.authorId,
      consultationId: comments.consultationId,
      publishedAt: comments.publishedAt,
    })
    .from(comments)
    .where(eq(comments.id, commentId))
    .for("update");
  return c;
}

export async function addDecision(
  tx: Tx,
  d: {
    consultationId: string;
    commentId: number | null;
    subjectUserId: string | null;
    action: ModerationAction;
    ruleId?: string | null;
    note?: string;
    actorId: string | null;
    actorRole: string;
    appealId?: number | null;
    now: Date;
  },
) {
  const [row] = await tx
    .insert(moderationDecisions)
    .values({
      consultationId: d.consultationId,
      commentId: d.commentId,
      subjectUserId: d.subjectUserId,
      action: d.action,
      ruleId: d.ruleId ?? null,
      note: d.note ?? "",
      actorId: d.actorId,
      actorRole: d.actorRole,
      appealId: d.appealId ?? null,
      createdAt: d.now,
    })
    .returning({ id: moderationDecisions.id });
  if (!row) throw new Error("insert returned no row");
  // The author hears of every decision about their own content or account (an off-platform submitter has none here).
  if (d.subjectUserId) {
    await notify(
      tx,
      { userId: d.subjectUserId, kind: "decision", decisionId: row.id, commentId: d.commentId, dedupeKey: `decision:${row.id}` },
      d.now,
    );
  }
  return row.id;
}

export async function settleReports(tx: Tx, commentId: number, now: Date) {
  await tx
    .update(reports)
    .set({ settledAt: now })
    .where(and(eq(reports.commentId, commentId), isNull(reports.settledAt)));
}

/** The hide actions as an SQL list, for hand-written subqueries (a closed tuple of constants, never input). */
export const HIDE_ACTIONS_SQL = sql.raw(HIDE_ACTIONS.map((a) => `'${a}'`).join(", "));

/**
 * Whether an appealable decision (the row of moderation_decisions in the outer query) is still in force: a hide
 * while its comment is hidden and has not been restored since; a block while the account is blocked and has
 * not been unblocked since. Anything else is not in force. Once superseded, a decision can no longer be
 * appealed, and an open appeal against it can no longer be decided.
 */
export function decisionInForce(): SQL<boolean> {
  // Qualified by hand: drizzle leaves a single-table select's columns bare, and a bare "id" inside the subqueries
  // would name the subquery's own row.
  const d = (column: string) => sql`${moderationDecisions}.${sql.identifier(column)}`;
  return sql<boolean>`(case
    when ${d("action")} in (${HIDE_ACTIONS_SQL}) then
      exists (select 1 from comments ic where ic.id = ${d("comment_id")} and ic.state = 'hidden')
      and not exists (select 1 from moderation_decisions u where u.comment_id = ${d("comment_id")} and u.action = 'restore' and u.id > ${d("id")})
    when ${d("action")} = 'block' then
      exists (select 1 from users iu where iu.id = ${d("subject_user_id")} and iu.write_blocked_at is not null)
      and not exists (select 1 from moderation_decisions u
        where u.comment_id is null and u.subject_user_id = ${d("subject_user_id")} and u.action = 'unblock' and u.id > ${d("id")})
    else false end)`;
}

export async function getDecision(db: Db, id: number) {
  const [row] = await db
    .select({
      id: moderationDecisions.id,
      action: moderationDecisions.action,
      commentId: moderationDecisions.commentId,
      subjectUserId: moderationDecisions.subjectUserId,
      actorId: moderationDecisions.actorId,
      consultationId: moderationDecisions.consultationId,
      inForce: decisionInForce(),
    })
    .from(moderationDecisions)
    .where(eq(moderationDecisions.id, id));
  return row;
}
