import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { appeals, comments, moderationDecisions, moderationRules, principles } from "../schema";

const LEDGER_ACTIONS = ["hide", "auto_hide", "restore"] as const;

/**
 * The public ledger: every decision that removed or restored content. Never the comment's text or the
 * moderator's name: when, which rule, the acting role, the principle, the author's group, the appeal.
 */
export async function listLedger(db: Db, consultationId: string) {
  const restored = alias(moderationDecisions, "restored");
  return db
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
    .where(and(eq(moderationDecisions.consultationId, consultationId), inArray(moderationDecisions.action, [...LEDGER_ACTIONS])))
    .orderBy(desc(moderationDecisions.id));
}

/** Hides by rule and by the author's stakeholder group, so anyone can check moderation is not one-sided. */
export async function ledgerTotals(db: Db, consultationId: string) {
  const hidden = and(eq(moderationDecisions.consultationId, consultationId), inArray(moderationDecisions.action, ["hide", "auto_hide"]));
  const [byRule, byGroup, blocks] = await Promise.all([
    db
      .select({ ruleNumber: moderationRules.number, n: sql<number>`count(*)::int` })
      .from(moderationDecisions)
      .leftJoin(moderationRules, eq(moderationRules.id, moderationDecisions.ruleId))
      .where(hidden)
      .groupBy(moderationRules.number)
      .orderBy(asc(moderationRules.number)),
    db
      .select({ stakeholderGroup: comments.stakeholderGroup, n: sql<number>`count(*)::int` })
      .from(moderationDecisions)
      .innerJoin(comments, eq(comments.id, moderationDecisions.commentId))
      .where(hidden)
      .groupBy(comments.stakeholderGroup),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(moderationDecisions)
      .where(and(eq(moderationDecisions.consultationId, consultationId), eq(moderationDecisions.action, "block"))),
  ]);
  return {
    byRule: byRule.map((r) => ({ ruleNumber: r.ruleNumber, n: Number(r.n) })),
    byGroup: byGroup.map((r) => ({ stakeholderGroup: r.stakeholderGroup, n: Number(r.n) })),
    blocks: Number(blocks[0]?.n ?? 0),
  };
}
