import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  appeals,
  commentCosigners,
  comments,
  commentVersions,
  consultations,
  endorsementEvents,
  grievances,
  memberships,
  moderationDecisions,
  moderationRules,
  notificationPreferences,
  notifications,
  organisations,
  principles,
  privacyConsents,
  reports,
  siteFeedback,
  summaryVersions,
  users,
} from "../schema";
import type { DownloadSection } from "@/lib/rules/privacy";
import { collectAccountRecords } from "./account-records";

/** The comment ids of an author, as a subquery: versions and co-signers are read by it in one statement each. */
const authoredBy = (db: Db, userId: string) => db.select({ id: comments.id }).from(comments).where(eq(comments.authorId, userId));

/**
 * Everything held about one person, by category (DPDP Act 2023, s. 11: a summary of the personal data processed),
 * in the sections the privacy notice's items name (DOWNLOAD_SECTIONS). Every query is keyed by the account's id,
 * never by anything the request supplies, and by its address only once confirmed (account-records.ts); no other
 * person's personal data is included (a moderator, a decider or a co-signing representative is given by role or
 * organisation only).
 */
export async function collectPersonalData(db: Db, userId: string) {
  const [profile] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailConfirmedAt: users.emailConfirmedAt,
      role: users.role,
      stakeholderGroup: users.stakeholderGroup,
      designation: users.designation,
      preferredLanguage: users.preferredLanguage,
      privacyNoticeVersion: users.privacyNoticeVersion,
      privacyConsentedAt: users.privacyConsentedAt,
      writeBlockedAt: users.writeBlockedAt,
      heldAt: users.heldAt,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!profile) return undefined;

  const [
    membershipRows,
    consentRows,
    preferenceRows,
    commentRows,
    versionRows,
    endorsementRows,
    reportRows,
    notificationRows,
    appealRows,
    grievanceRows,
    feedbackRows,
    cosignRows,
    cosignRequestRows,
    decisionRows,
    accountRecords,
  ] = await Promise.all([
    db
      .select({
        organisation: organisations.name,
        verifiedAt: memberships.verifiedAt,
        maySign: memberships.maySign,
        rejectedAt: memberships.rejectedAt,
        rejectedReason: memberships.rejectedReason,
        createdAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt)),
    db
      .select({
        noticeVersion: privacyConsents.noticeVersion,
        adultDeclared: privacyConsents.adultDeclared,
        consentedAt: privacyConsents.consentedAt,
        withdrawnAt: privacyConsents.withdrawnAt,
      })
      .from(privacyConsents)
      .where(eq(privacyConsents.userId, userId))
      .orderBy(asc(privacyConsents.id)),
    db
      .select({
        decision: notificationPreferences.decision,
        reply: notificationPreferences.reply,
        citation: notificationPreferences.citation,
        consultation: notificationPreferences.consultation,
        cosign: notificationPreferences.cosign,
        updatedAt: notificationPreferences.updatedAt,
      })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId)),
    db
      .select({
        id: comments.id,
        consultation: consultations.slug,
        principle: principles.slug,
        parentId: comments.parentId,
        organisation: organisations.name,
        stakeholderGroup: comments.stakeholderGroup,
        stance: comments.stance,
        body: comments.body,
        language: comments.language,
        nameShown: comments.nameShown,
        state: comments.state,
        createdAt: comments.createdAt,
        publishedAt: comments.publishedAt,
        editedAt: comments.editedAt,
        withdrawnAt: comments.withdrawnAt,
      })
      .from(comments)
      .innerJoin(consultations, eq(consultations.id, comments.consultationId))
      .innerJoin(principles, eq(principles.id, comments.principleId))
      .leftJoin(organisations, eq(organisations.id, comments.organisationId))
      .where(eq(comments.authorId, userId))
      .orderBy(asc(comments.id)),
    db
      .select({
        commentId: commentVersions.commentId,
        version: commentVersions.version,
        body: commentVersions.body,
        stance: commentVersions.stance,
        createdAt: commentVersions.createdAt,
      })
      .from(commentVersions)
      .where(inArray(commentVersions.commentId, authoredBy(db, userId)))
      .orderBy(asc(commentVersions.commentId), asc(commentVersions.version)),
    db
      .select({
        id: endorsementEvents.id,
        consultation: consultations.slug,
        target: sql<string>`coalesce(${principles.slug}, ${endorsementEvents.targetKey})`,
        organisation: organisations.name,
        action: endorsementEvents.action,
        statement: endorsementEvents.statement,
        createdAt: endorsementEvents.createdAt,
      })
      .from(endorsementEvents)
      .innerJoin(consultations, eq(consultations.id, endorsementEvents.consultationId))
      .leftJoin(principles, eq(principles.id, endorsementEvents.principleId))
      .leftJoin(organisations, eq(organisations.id, endorsementEvents.organisationId))
      .where(eq(endorsementEvents.actorId, userId))
      .orderBy(asc(endorsementEvents.id)),
    db
      .select({
        commentId: reports.commentId,
        reason: reports.reason,
        details: reports.details,
        createdAt: reports.createdAt,
        settledAt: reports.settledAt,
      })
      .from(reports)
      .where(eq(reports.reporterId, userId))
      .orderBy(asc(reports.id)),
    db
      // What each notice is about, so that it means something on its own (notifications.ts lists the columns
      // each kind uses).
      .select({
        id: notifications.id,
        kind: notifications.kind,
        commentId: notifications.commentId,
        decisionId: notifications.decisionId,
        summaryVersionId: notifications.summaryVersionId,
        summaryVersion: summaryVersions.version,
        summaryPrinciple: principles.slug,
        consultationId: notifications.consultationId,
        consultation: consultations.slug,
        organisationId: notifications.organisationId,
        organisation: organisations.name,
        grievanceId: notifications.grievanceId,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .leftJoin(summaryVersions, eq(summaryVersions.id, notifications.summaryVersionId))
      .leftJoin(principles, eq(principles.id, summaryVersions.principleId))
      .leftJoin(consultations, eq(consultations.id, notifications.consultationId))
      .leftJoin(organisations, eq(organisations.id, notifications.organisationId))
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.id)),
    db
      .select({
        id: appeals.id,
        decisionId: appeals.decisionId,
        decisionAction: moderationDecisions.action,
        commentId: moderationDecisions.commentId,
        statement: appeals.statement,
        createdAt: appeals.createdAt,
        outcome: appeals.outcome,
        decidedAt: appeals.decidedAt,
      })
      .from(appeals)
      .innerJoin(moderationDecisions, eq(moderationDecisions.id, appeals.decisionId))
      .where(eq(appeals.appellantId, userId))
      .orderBy(asc(appeals.id)),
    db
      .select({
        id: grievances.id,
        name: grievances.name,
        email: grievances.email,
        message: grievances.message,
        createdAt: grievances.createdAt,
        resolvedAt: grievances.resolvedAt,
        resolution: grievances.resolution,
      })
      .from(grievances)
      // Only what was sent while signed in: an address typed at sign-up is not proven, so a row that merely
      // names it may be someone else's (matching by address would hand a stranger another person's messages).
      .where(eq(grievances.userId, userId))
      .orderBy(asc(grievances.id)),
    db
      .select({
        id: siteFeedback.id,
        name: siteFeedback.name,
        email: siteFeedback.email,
        message: siteFeedback.message,
        pagePath: siteFeedback.pagePath,
        createdAt: siteFeedback.createdAt,
      })
      .from(siteFeedback)
      .where(eq(siteFeedback.userId, userId))
      .orderBy(asc(siteFeedback.id)),
    db
      .select({
        commentId: commentCosigners.commentId,
        organisation: organisations.name,
        state: commentCosigners.state,
        decidedAt: commentCosigners.decidedAt,
      })
      .from(commentCosigners)
      .innerJoin(organisations, eq(organisations.id, commentCosigners.organisationId))
      .where(eq(commentCosigners.decidedBy, userId))
      .orderBy(asc(commentCosigners.commentId)),
    // Organisations asked to co-sign the person's own joint submissions; who answered for them is theirs.
    db
      .select({
        commentId: commentCosigners.commentId,
        organisation: organisations.name,
        state: commentCosigners.state,
        requestedAt: commentCosigners.requestedAt,
        decidedAt: commentCosigners.decidedAt,
      })
      .from(commentCosigners)
      .innerJoin(organisations, eq(organisations.id, commentCosigners.organisationId))
      .where(inArray(commentCosigners.commentId, authoredBy(db, userId)))
      .orderBy(asc(commentCosigners.commentId), asc(commentCosigners.requestedAt)),
    // Decisions about the person's comments or account; the moderator by role only.
    db
      .select({
        id: moderationDecisions.id,
        consultation: consultations.slug,
        commentId: moderationDecisions.commentId,
        action: moderationDecisions.action,
        rule: moderationRules.number,
        note: moderationDecisions.note,
        actorRole: moderationDecisions.actorRole,
        appealId: moderationDecisions.appealId,
        createdAt: moderationDecisions.createdAt,
      })
      .from(moderationDecisions)
      .innerJoin(consultations, eq(consultations.id, moderationDecisions.consultationId))
      .leftJoin(moderationRules, eq(moderationRules.id, moderationDecisions.ruleId))
      .where(eq(moderationDecisions.subjectUserId, userId))
      .orderBy(asc(moderationDecisions.id)),
    collectAccountRecords(db, { userId, email: profile.email, confirmed: profile.emailConfirmedAt !== null }),
  ]);

  const versionsOf = new Map<number, Omit<(typeof versionRows)[number], "commentId">[]>();
  for (const { commentId, ...v } of versionRows) {
    const list = versionsOf.get(commentId) ?? [];
    list.push(v);
    versionsOf.set(commentId, list);
  }
  return {
    profile,
    memberships: membershipRows,
    consents: consentRows,
    notificationPreferences: preferenceRows[0] ?? null,
    comments: commentRows.map((c) => ({ ...c, versions: versionsOf.get(c.id) ?? [] })),
    endorsementEvents: endorsementRows,
    reports: reportRows,
    notifications: notificationRows,
    appeals: appealRows,
    grievances: grievanceRows,
    feedback: feedbackRows,
    cosignDecisions: cosignRows,
    cosignRequests: cosignRequestRows,
    moderationDecisions: decisionRows,
    ...accountRecords,
  } satisfies Record<DownloadSection, unknown>;
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof collectPersonalData>>>;
