import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appeals, comments, moderationDecisions, moderationRules, notifications, principles, reports, users } from "../schema";

/**
 * What waits for a moderator, oldest first: comments held by pre-moderation, comments with unsettled reports
 * (including those hidden automatically), and appeals not yet decided; then the hidden comments with no open
 * report or appeal, newest first, so a moderator can restore one without waiting for an appeal.
 */
export async function listModerationQueue(db: Db, consultationId: string) {
  const openReports = sql<number>`(select count(*)::int from ${reports} where ${reports.commentId} = ${comments.id} and ${reports.settledAt} is null)`;
  const items = await db
    .select({
      id: comments.id,
      state: comments.state,
      body: comments.body,
      stance: comments.stance,
      stakeholderGroup: comments.stakeholderGroup,
      authorId: comments.authorId,
      authorName: users.name,
      authorBlocked: sql<boolean>`${users.writeBlockedAt} is not null`,
      principleTitle: principles.title,
      principleTitleHi: principles.titleHi,
      principleSlug: principles.slug,
      principlePosition: principles.position,
      parentId: comments.parentId,
      createdAt: comments.createdAt,
      openReports,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(principles, eq(principles.id, comments.principleId))
    .where(and(eq(comments.consultationId, consultationId), or(eq(comments.state, "awaiting_moderation"), sql`${openReports} > 0`)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(100);
  const ids = items.map((i) => i.id);
  const itemReports = ids.length
    ? await db
        .select({ commentId: reports.commentId, reason: reports.reason, details: reports.details, createdAt: reports.createdAt })
        .from(reports)
        .where(and(inArray(reports.commentId, ids), isNull(reports.settledAt)))
        .orderBy(asc(reports.id))
    : [];
  const parentIds = items.map((i) => i.parentId).filter((x): x is number => x !== null);
  const parents = parentIds.length
    ? await db.select({ id: comments.id, body: comments.body, state: comments.state }).from(comments).where(inArray(comments.id, parentIds))
    : [];
  const pendingAppeals = await db
    .select({
      id: appeals.id,
      statement: appeals.statement,
      createdAt: appeals.createdAt,
      decisionId: appeals.decisionId,
      decisionAction: moderationDecisions.action,
      decisionActorId: moderationDecisions.actorId,
      appellantId: appeals.appellantId,
      commentId: comments.id,
      body: comments.body,
      authorName: users.name,
    })
    .from(appeals)
    .innerJoin(moderationDecisions, eq(moderationDecisions.id, appeals.decisionId))
    // A block has no comment: the appeal is about the account.
    .leftJoin(comments, eq(comments.id, moderationDecisions.commentId))
    .innerJoin(users, eq(users.id, moderationDecisions.subjectUserId))
    .where(and(eq(moderationDecisions.consultationId, consultationId), isNull(appeals.outcome)))
    .orderBy(asc(appeals.createdAt));
  const hidden = await db
    .select({
      id: comments.id,
      body: comments.body,
      stakeholderGroup: comments.stakeholderGroup,
      authorId: comments.authorId,
      authorName: users.name,
      principleTitle: principles.title,
      principleTitleHi: principles.titleHi,
      principlePosition: principles.position,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(principles, eq(principles.id, comments.principleId))
    .where(
      and(
        eq(comments.consultationId, consultationId),
        eq(comments.state, "hidden"),
        sql`${openReports} = 0`,
        // A pending appeal is decided in the appeals list, by someone with no stake in the case.
        sql`not exists (select 1 from ${appeals} inner join ${moderationDecisions} on ${moderationDecisions.id} = ${appeals.decisionId}
              where ${moderationDecisions.commentId} = ${comments.id} and ${appeals.outcome} is null)`,
      ),
    )
    .orderBy(desc(comments.id))
    .limit(50);
  return { items, reports: itemReports, parents, appeals: pendingAppeals, hidden };
}

/** The participant's notifications: each decision about their content or account, with any appeal. */
export async function listNotifications(db: Db, userId: string) {
  return db
    .selectDistinctOn([notifications.decisionId], {
      id: notifications.id,
      decisionId: moderationDecisions.id,
      action: moderationDecisions.action,
      note: moderationDecisions.note,
      ruleNumber: moderationRules.number,
      commentId: moderationDecisions.commentId,
      at: moderationDecisions.createdAt,
      appealId: appeals.id,
      appealOutcome: appeals.outcome,
    })
    .from(notifications)
    .innerJoin(moderationDecisions, eq(moderationDecisions.id, notifications.decisionId))
    .leftJoin(moderationRules, eq(moderationRules.id, moderationDecisions.ruleId))
    .leftJoin(appeals, eq(appeals.decisionId, moderationDecisions.id))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.decisionId));
}
