import type { Db } from "@/db/client";
import { eraseAccount, getErasureSubject } from "@/db/queries/erasure";
import { reserveSignInAttempt, settleSignInAttempt } from "@/db/queries/sign-in-attempts";
import { verifyPassword } from "@/lib/auth/password";
import { erasedEmail, erasureAttemptKey } from "@/lib/rules/privacy";
import type { ErasureInput } from "@/lib/validation/privacy";
import { authorise, type Actor, type Denied } from "./actor";

export type EraseAccountResult =
  { ok: true; withdrawn: number } | Denied | { ok: false; error: "wrongPassword" } | { ok: false; error: "rateLimited"; retryAt: Date };

/**
 * Erasing one's own account: only the signed-in person, and only with their current password (a borrowed or
 * stolen session must not be able to destroy an account). Guessing that password is throttled like signing in.
 */
export async function eraseOwnAccount(
  db: Db,
  actor: Actor,
  p: { input: ErasureInput; address: string | null },
  now = new Date(),
): Promise<EraseAccountResult> {
  const allowed = authorise(actor, "signedIn");
  if (!allowed.ok) return allowed;
  const userId = allowed.actor.id;
  const subject = await getErasureSubject(db, userId);
  if (!subject || subject.erasedAt) return { ok: false, error: "notFound" };
  const attempt = await reserveSignInAttempt(db, erasureAttemptKey(userId), p.address, now);
  if (!attempt.ok) return { ok: false, error: "rateLimited", retryAt: attempt.retryAt };
  const valid = await verifyPassword(subject.passwordHash, p.input.currentPassword);
  await settleSignInAttempt(db, attempt.attemptId, valid);
  if (!valid) return { ok: false, error: "wrongPassword" };
  return eraseAccount(db, { userId, choice: p.input.comments, erasedEmail: erasedEmail(userId), address: p.address }, now);
}
