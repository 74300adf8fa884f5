import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  appeals,
  comments,
  emailConfirmations,
  grievances,
  memberships,
  moderationDecisions,
  notificationPreferences,
  notifications,
  outboundEmails,
  passwordResets,
  privacyConsents,
  rateLimitBuckets,
  signInAttempts,
  siteFeedback,
  users,
} from "../schema";
import type { ErasureCommentChoice } from "@/lib/limits";
import { ERASURE_WITHDRAWS } from "@/lib/rules/moderation";
import { mailToAccount } from "./account-records";
import { recordAudit } from "./audit";
import { resetEmailBucketKey } from "./password-resets";
import { decisionInForce, settleReports } from "./moderation-decisions";
import type { Tx } from "./tx";

export type EraseResult = { ok: true; withdrawn: number } | { ok: false; error: "notFound" };

/** What erasing needs to know of the account first: its address (other tables hold copies of it). */
export async function getErasureSubject(db: Db, userId: string) {
  const [row] = await db
    .select({ email: users.email, role: users.role, passwordHash: users.passwordHash, erasedAt: users.erasedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

const NOTHING_WITHDRAWN = { withdrawn: 0, hidden: 0, held: 0, appealsClosed: 0 };

/**
 * The "withdraw" choice: every comment of the account that is not withdrawn yet is withdrawn as its author would
 * withdraw it (same state change, same counter trigger, open reports settled), hidden and held ones included
 * (ERASURE_WITHDRAWS says why). An open appeal against a hide in force is closed by it: the hide is no longer in
 * force, so the appeal leaves the queue and can no longer be decided, which is how an appeal is superseded.
 * The rows are locked first: a moderator's decision on one of them runs wholly before or after.
 */
async function withdrawEverything(tx: Tx, userId: string, now: Date) {
  const open = await tx
    .select({ id: comments.id, state: comments.state })
    .from(comments)
    .where(and(eq(comments.authorId, userId), inArray(comments.state, [...ERASURE_WITHDRAWS])))
    .for("update");
  if (open.length === 0) return NOTHING_WITHDRAWN;
  const ids = open.map((c) => c.id);
  const [appealed] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(appeals)
    .innerJoin(moderationDecisions, eq(moderationDecisions.id, appeals.decisionId))
    .where(and(inArray(moderationDecisions.commentId, ids), isNull(appeals.outcome), decisionInForce()));
  await tx.update(comments).set({ state: "withdrawn", withdrawnAt: now }).where(inArray(comments.id, ids));
  for (const id of ids) await settleReports(tx, id, now);
  return {
    withdrawn: open.length,
    hidden: open.filter((c) => c.state === "hidden").length,
    held: open.filter((c) => c.state === "awaiting_moderation").length,
    appealsClosed: Number(appealed?.n ?? 0),
  };
}

/**
 * Erases an account in one transaction: every copy of the name and address goes, the account can no longer sign
 * in and every session of it stops working (the session version moves on). What the person contributed stays
 * under their stakeholder group ("a former participant"), hidden and held ones as they are (a moderator may still
 * restore, approve or decide an appeal, as for every kept contribution), or every one of their comments is withdrawn
 * (withdrawEverything). Endorsement events are an append-only record and stay as they are: the registry's history
 * and every total stay true.
 * `erasedEmail` is the account's new, unique non-address.
 */
export async function eraseAccount(
  db: Db,
  p: { userId: string; choice: ErasureCommentChoice; erasedEmail: string; address: string | null },
  now = new Date(),
): Promise<EraseResult> {
  return db.transaction(async (tx) => {
    // Locked first: a second erasure of the same account (double submit) waits, then finds it erased.
    const [user] = await tx
      .select({ email: users.email, role: users.role, emailConfirmedAt: users.emailConfirmedAt })
      .from(users)
      .where(and(eq(users.id, p.userId), isNull(users.erasedAt)))
      .for("update");
    if (!user) return { ok: false, error: "notFound" } as const;
    const oldEmail = user.email.toLowerCase();

    const withdrawal = p.choice === "withdraw" ? await withdrawEverything(tx, p.userId, now) : NOTHING_WITHDRAWN;
    const withdrawn = withdrawal.withdrawn;

    await tx.delete(memberships).where(eq(memberships.userId, p.userId));
    await tx.delete(emailConfirmations).where(eq(emailConfirmations.userId, p.userId));
    await tx.delete(passwordResets).where(eq(passwordResets.userId, p.userId));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, p.userId));
    await tx.delete(notifications).where(eq(notifications.userId, p.userId));
    // Mail to them, sent or not. By address too (a message queued before the account had a user id) only once
    // the address is proven theirs: an unconfirmed account may have typed someone else's address at sign-up.
    await tx.delete(outboundEmails).where(mailToAccount({ userId: p.userId, email: oldEmail, confirmed: user.emailConfirmedAt !== null }));
    // The throttle's memory of the address (both forms of the reset bucket's key: the address itself, as keys
    // were written before they were hashed, and its hash), and the buckets keyed by the account.
    await tx.delete(signInAttempts).where(eq(signInAttempts.emailKey, oldEmail));
    await tx
      .delete(rateLimitBuckets)
      .where(
        or(
          sql`${rateLimitBuckets.key} like ${"%:" + p.userId}`,
          inArray(rateLimitBuckets.key, [`reset-email:${oldEmail}`, resetEmailBucketKey(oldEmail)]),
        ),
      );
    // Messages they sent while signed in stay (an admin may still need to act on one) without who sent them.
    // Signed-out ones are not matched by address: nothing proves a row naming the address is this person's.
    await tx.update(siteFeedback).set({ name: null, email: null }).where(eq(siteFeedback.userId, p.userId));
    await tx.update(grievances).set({ name: "", email: "" }).where(eq(grievances.userId, p.userId));
    // The proof of consent stays (when, to which notice, adult declared) and now records its withdrawal; it
    // carries nothing personal beyond the id of an account that no longer has a name or an address.
    await tx
      .update(privacyConsents)
      .set({ withdrawnAt: now })
      .where(and(eq(privacyConsents.userId, p.userId), isNull(privacyConsents.withdrawnAt)));
    await tx
      .update(users)
      .set({
        name: "",
        email: p.erasedEmail,
        designation: "",
        // Not an argon2 hash: no password verifies against it.
        passwordHash: "erased",
        emailConfirmedAt: null,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        erasedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, p.userId));
    await recordAudit(tx, {
      action: "account.erased",
      actorId: p.userId,
      actorRole: user.role,
      address: p.address,
      targetType: "user",
      targetId: p.userId,
      details: { comments: p.choice, ...withdrawal },
    });
    return { ok: true, withdrawn } as const;
  });
}
