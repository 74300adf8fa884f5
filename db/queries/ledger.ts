import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { HIDE_ACTIONS } from "@/lib/rules/moderation";
import type { Db } from "../client";
import { appeals, comments, moderationDecisions, moderationRules, principles } from "../schema";

const LEDGER_ACTIONS = [...HIDE_ACTIONS, "restore"] as const;

/**
 * The public ledger: every decision that removed or restored content. Never the comment's text or the
 * moderator's name: when, which rule, the acting role, the principle, the author's group, the appeal.
 * Newest first; `page` keeps `limit` entries older than `before` (the open data API's pages).
 */
export async function listLedger(db: Db, consultationId: string, page?: { before?: number; limit: number }) {
  const restored = alias(moderationDecisions, "restored");
  const query = db
    .select({
      id: moderationDecisions.id,
      at: moderationDecisions.createdAt,
      action: moderationDecisions.action,
      actorRole: moderationDecisions.actorRole,
      ruleNumber: moderationRules.number,
      commentId: moderationDecisions.commentId,
      principlePosition: principles.position,
      stakeholderGroup: comments.stakeholderGroup,
      appealOutcome: appeals.outcome,
      appealFiled: sql<boolean>`${appeals.id} is not null`,
      // A restore that settled an appeal names it.
      settlesAppeal: sql<boolean>`${moderationDecisions.appealId} is not null`,
      restoredId: restored.id,
    })
    .from(moderationDecisions)
    .innerJoin(comments, eq(comments.id, moderationDecisions.commentId))
    .innerJoin(principles, eq(principles.id, comments.principleId))
    .leftJoin(moderationRules, eq(moderationRules.id, moderationDecisions.ruleId))
    .leftJoin(appeals, eq(appeals.decisionId, moderationDecisions.id))
    .leftJoin(restored, and(eq(restored.appealId, appeals.id), eq(restored.action, "restore")))
    .where(
      and(
        eq(moderationDecisions.consultationId, consultationId),
        inArray(moderationDecisions.action, [...LEDGER_ACTIONS]),
        page?.before ? lt(moderationDecisions.id, page.before) : undefined,
      ),
    )
    .orderBy(desc(moderationDecisions.id))
    .$dynamic();
  return page ? query.limit(page.limit) : query;
}

/**
 * Hidden comments by rule and by the author's stakeholder group, so anyone can check moderation is not
 * one-sided. These count comments, not decisions (the ledger above lists decisions): a comment hidden
 * automatically and then confirmed under a rule, or hidden again after a restore, is one hidden comment,
 * counted under the rule of its latest hide ("no rule": its latest hide is still the automatic one).
 * Comments later restored still count: they were hidden, and the ledger shows the restore beside the hide.
 * `blocks` counts the participants ever blocked in this consultation, as the label says, not block decisions.
 */
export async function ledgerTotals(db: Db, consultationId: string) {
  // Each hidden comment once: its latest hide (automatic or a moderator's).
  const latest = db
    .selectDistinctOn([moderationDecisions.commentId], { commentId: moderationDecisions.commentId, ruleId: moderationDecisions.ruleId })
    .from(moderationDecisions)
    .where(and(eq(moderationDecisions.consultationId, consultationId), inArray(moderationDecisions.action, [...HIDE_ACTIONS])))
    .orderBy(moderationDecisions.commentId, desc(moderationDecisions.id))
    .as("latest_hide");
  const [byRule, byGroup, blocks] = await Promise.all([
    db
      .select({ ruleNumber: moderationRules.number, n: sql<number>`count(*)::int` })
      .from(latest)
      .leftJoin(moderationRules, eq(moderationRules.id, latest.ruleId))
      .groupBy(moderationRules.number)
      .orderBy(asc(moderationRules.number)),
    db
      .select({ stakeholderGroup: comments.stakeholderGroup, n: sql<number>`count(*)::int` })
      .from(latest)
      .innerJoin(comments, eq(comments.id, latest.commentId))
      .groupBy(comments.stakeholderGroup),
    db
      .select({ n: sql<number>`count(distinct ${moderationDecisions.subjectUserId})::int` })
      .from(moderationDecisions)
      .where(and(eq(moderationDecisions.consultationId, consultationId), eq(moderationDecisions.action, "block"))),
  ]);
  return {
    byRule: byRule.map((r) => ({ ruleNumber: r.ruleNumber, n: Number(r.n) })),
    byGroup: byGroup.map((r) => ({ stakeholderGroup: r.stakeholderGroup, n: Number(r.n) })),
    blocks: Number(blocks[0]?.n ?? 0),
  };
}
