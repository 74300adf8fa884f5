import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { availableDecisions, commentStanding, isAppealableAction, mayAppeal, type HideAction } from "@/lib/rules/moderation";
import type { Db } from "../client";
import {
  appeals,
  comments,
  moderationDecisions,
  moderationRules,
  notifications,
  offPlatformSubmissions,
  principles,
  reports,
  users,
} from "../schema";
import { authorNameForStaff } from "./comment-author";
import { decisionInForce, HIDE_ACTIONS_SQL } from "./moderation-decisions";

// The outer comment's id, qualified by hand (drizzle leaves a single-table select's columns bare).
const commentId = sql`${comments}.${sql.identifier("id")}`;
const openReports = sql<number>`(select count(*)::int from reports r where r.comment_id = ${commentId} and r.settled_at is null)`;
/** The action of the comment's latest hide: an automatic hide not yet confirmed by a moderator is "auto_hide". */
const latestHide = sql<HideAction | null>`(select d.action from moderation_decisions d
  where d.comment_id = ${commentId} and d.action in (${HIDE_ACTIONS_SQL}) order by d.id desc limit 1)`;
/**
 * An open appeal about the (hidden) comment whose decision is still in force: it is decided in the appeals
 * list, by someone with no stake in the case, not from the items or the hidden list.
 */
const appealWaiting = sql<boolean>`exists (select 1 from appeals a join moderation_decisions d on d.id = a.decision_id
  where d.comment_id = ${commentId} and a.outcome is null
    and not exists (select 1 from moderation_decisions u where u.comment_id = d.comment_id and u.action = 'restore' and u.id > d.id))`;

/**
 * What waits for a moderator, oldest first, each listed only where a decision can still be taken on it:
 * comments held by pre-moderation; published comments with open reports; comments hidden automatically by
 * reports and not yet reviewed (restore, or confirm the hide under a rule); appeals whose decision is still in
 * force. Then the comments a moderator hid under a rule, with no appeal waiting, newest first, so a moderator
 * can restore one without waiting for an appeal. Withdrawn comments are never listed: there is nothing to decide.
 */
export async function listModerationQueue(db: Db, consultationId: string) {
  const rows = await db
    .select({
      id: comments.id,
      state: comments.state,
      body: comments.body,
      stance: comments.stance,
      stakeholderGroup: comments.stakeholderGroup,
      authorId: comments.authorId,
      authorName: authorNameForStaff,
      authorBlocked: sql<boolean>`${users.writeBlockedAt} is not null`,
      offPlatform: comments.offPlatform,
      principleTitle: principles.title,
      principleTitleHi: principles.titleHi,
      principleSlug: principles.slug,
      principlePosition: principles.position,
      parentId: comments.parentId,
      createdAt: comments.createdAt,
      openReports,
      latestHide,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(offPlatformSubmissions, eq(offPlatformSubmissions.commentId, comments.id))
    .innerJoin(principles, eq(principles.id, comments.principleId))
    .where(
      and(
        eq(comments.consultationId, consultationId),
        or(
          eq(comments.state, "awaiting_moderation"),
          and(eq(comments.state, "published"), sql`${openReports} > 0`),
          and(eq(comments.state, "hidden"), sql`${latestHide} = 'auto_hide'`, sql`not ${appealWaiting}`),
        ),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(100);
  const items = rows.map(({ latestHide: hide, ...row }) => {
    const standing = commentStanding(row.state, hide);
    return { ...row, standing, decisions: availableDecisions(standing) };
  });
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
    .where(and(eq(moderationDecisions.consultationId, consultationId), isNull(appeals.outcome), decisionInForce()))
    .orderBy(asc(appeals.createdAt));
  const hiddenRows = await db
    .select({
      id: comments.id,
      body: comments.body,
      stakeholderGroup: comments.stakeholderGroup,
      authorId: comments.authorId,
      authorName: authorNameForStaff,
      offPlatform: comments.offPlatform,
      principleTitle: principles.title,
      principleTitleHi: principles.titleHi,
      principlePosition: principles.position,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(offPlatformSubmissions, eq(offPlatformSubmissions.commentId, comments.id))
    .innerJoin(principles, eq(principles.id, comments.principleId))
    .where(
      and(
        eq(comments.consultationId, consultationId),
        eq(comments.state, "hidden"),
        // An automatic hide not yet reviewed waits among the items instead.
        sql`${latestHide} is distinct from 'auto_hide'`,
        sql`not ${appealWaiting}`,
      ),
    )
    .orderBy(desc(comments.id))
    .limit(50);
  const hidden = hiddenRows.map((row) => ({ ...row, decisions: availableDecisions("hidden_under_rule") }));
  return { items, reports: itemReports, parents, appeals: pendingAppeals, hidden };
}

/**
 * The participant's notifications: each decision about their content or account, with any appeal, whether the
 * decision is still in force (a hide the comment has since been restored from is not), and so whether it may
 * still be appealed.
 */
export async function listNotifications(db: Db, userId: string) {
  const rows = await db
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
      inForce: decisionInForce(),
    })
    .from(notifications)
    .innerJoin(moderationDecisions, eq(moderationDecisions.id, notifications.decisionId))
    .leftJoin(moderationRules, eq(moderationRules.id, moderationDecisions.ruleId))
    .leftJoin(appeals, eq(appeals.decisionId, moderationDecisions.id))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.decisionId));
  return rows.map((n) => {
    const inForce = Boolean(n.inForce);
    return {
      ...n,
      inForce,
      appealable: mayAppeal({ action: n.action, inForce, appealed: n.appealId !== null }),
      // A hide or block that no longer applies (the comment restored, the block lifted): said so, not offered for appeal.
      superseded: isAppealableAction(n.action) && !inForce,
    };
  });
}
