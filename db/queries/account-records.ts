import { asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, emailConfirmations, outboundEmails, passwordResets, signInAttempts } from "../schema";
import { erasureAttemptKey } from "@/lib/rules/privacy";

// What the platform keeps about an account for its own running (mail, one-time links, sign-in attempts, the
// security log), read for "download my data". Matched by the account's id; by its address only once the
// address is proven (confirmed): anyone may type someone else's address at sign-up, and a row that merely names
// it may be that other person's.

/** The account whose records are read: its id, its current address and whether that address is confirmed. */
export interface AccountKey {
  userId: string;
  email: string;
  confirmed: boolean;
}

/**
 * Mail to the account, sent or not: by its id, and by address (mail queued before the account had an id) only
 * once the address is confirmed. Erasure deletes exactly these rows.
 */
export function mailToAccount(a: AccountKey): SQL | undefined {
  const byId = eq(outboundEmails.userId, a.userId);
  return a.confirmed ? or(byId, sql`lower(${outboundEmails.toAddress}) = ${a.email.toLowerCase()}`) : byId;
}

/**
 * An audit entry is about the person when they acted, or when it is about their account, a membership of
 * theirs, one of their comments, appeals or grievances. Written out for PostgreSQL (target ids are text).
 */
function aboutPerson(userId: string): SQL {
  return sql`(${auditLog.actorId} = ${userId}
    or (${auditLog.targetType} = 'user' and ${auditLog.targetId} = ${userId})
    or (${auditLog.targetType} = 'membership' and ${auditLog.targetId} like ${userId + "/%"})
    or (${auditLog.targetType} = 'comment' and ${auditLog.targetId} in (select c.id::text from comments c where c.author_id = ${userId}))
    or (${auditLog.targetType} = 'appeal' and ${auditLog.targetId} in (select a.id::text from appeals a where a.appellant_id = ${userId}))
    or (${auditLog.targetType} = 'grievance' and ${auditLog.targetId} in (select g.id::text from grievances g where g.user_id = ${userId})))`;
}

export async function collectAccountRecords(db: Db, a: AccountKey) {
  const acted = sql`${auditLog.actorId} = ${a.userId}`;
  const erasureKey = erasureAttemptKey(a.userId);
  const [mail, confirmations, resets, attempts, audit] = await Promise.all([
    db
      .select({
        id: outboundEmails.id,
        toAddress: outboundEmails.toAddress,
        subject: outboundEmails.subject,
        // Notification mail carries an unsubscribe address; account mail (confirmations, resets) never does.
        kind: sql<"notification" | "account">`case when ${outboundEmails.unsubscribeUrl} is null then 'account' else 'notification' end`,
        queuedAt: outboundEmails.createdAt,
        attempts: outboundEmails.attempts,
        sentAt: outboundEmails.sentAt,
        failedAt: outboundEmails.failedAt,
        // Never the body: account mail holds a live one-time link (reset, confirmation) and notification mail a
        // standing unsubscribe link; a download that may be mislaid must not carry either. What the body says
        // besides is the subject's, the notifications' and the profile's, all in the download.
      })
      .from(outboundEmails)
      .where(mailToAccount(a))
      .orderBy(asc(outboundEmails.id)),
    db
      .select({
        purpose: emailConfirmations.purpose,
        email: emailConfirmations.email,
        createdAt: emailConfirmations.createdAt,
        expiresAt: emailConfirmations.expiresAt,
        usedAt: emailConfirmations.usedAt,
      })
      .from(emailConfirmations)
      .where(eq(emailConfirmations.userId, a.userId))
      .orderBy(asc(emailConfirmations.id)),
    db
      .select({ createdAt: passwordResets.createdAt, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt })
      .from(passwordResets)
      .where(eq(passwordResets.userId, a.userId))
      .orderBy(asc(passwordResets.id)),
    db
      .select({
        attemptedAt: signInAttempts.attemptedAt,
        // Signing in (or a password check for a change of password or address), or confirming an erasure.
        purpose: sql<"sign_in" | "erasure">`case when ${signInAttempts.emailKey} = ${erasureKey} then 'erasure' else 'sign_in' end`,
        emailTried: sql<string | null>`case when ${signInAttempts.emailKey} = ${erasureKey} then null else ${signInAttempts.emailKey} end`,
        address: signInAttempts.address,
        succeeded: signInAttempts.succeeded,
      })
      .from(signInAttempts)
      .where(
        a.confirmed
          ? or(eq(signInAttempts.emailKey, erasureKey), eq(signInAttempts.emailKey, a.email.toLowerCase()))
          : eq(signInAttempts.emailKey, erasureKey),
      )
      .orderBy(asc(signInAttempts.attemptedAt)),
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        as: sql<"actor" | "subject">`case when ${acted} then 'actor' else 'subject' end`,
        // Someone else who acted is given by role only, never by id or network address.
        actorRole: auditLog.actorRole,
        targetType: auditLog.targetType,
        // What the person did to another account or membership names neither.
        targetId: sql<string | null>`case
          when ${auditLog.targetType} = 'user' and ${auditLog.targetId} <> ${a.userId} then null
          when ${auditLog.targetType} = 'membership' and ${auditLog.targetId} not like ${a.userId + "/%"} then null
          else ${auditLog.targetId} end`,
        address: sql<string | null>`case when ${acted} then ${auditLog.address} end`,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(aboutPerson(a.userId))
      .orderBy(asc(auditLog.id)),
  ]);
  return { mail, emailConfirmations: confirmations, passwordResets: resets, signInAttempts: attempts, auditLog: audit };
}
