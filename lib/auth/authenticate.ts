import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { reserveSignInAttempt, settleSignInAttempt } from "@/db/queries/sign-in-attempts";
import { getUserCredentials, type SessionUser } from "@/db/queries/users";
import { authSecret } from "@/lib/env";
import { emailFingerprint } from "@/lib/rules/privacy";
import { verifyPassword } from "./password";

export type AuthenticateResult =
  { ok: true; user: SessionUser } | { ok: false; error: "invalidCredentials" } | { ok: false; error: "rateLimited"; retryAt: Date };

/**
 * Email + password → user, with the throttle checked first: once the limit is reached even the right password
 * is refused until the window frees up. An unknown email does the same argon2 work as a wrong password.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; address: string | null },
): Promise<AuthenticateResult> {
  const emailKey = input.email.trim().toLowerCase();
  const reservation = await reserveSignInAttempt(db, emailKey, input.address);
  // A refused attempt is not logged: the failures that led to it are, and refusals cost an attacker nothing.
  if (!reservation.ok) return { ok: false, error: "rateLimited", retryAt: reservation.retryAt };
  const found = await getUserCredentials(db, emailKey);
  const valid = await verifyPassword(found?.passwordHash, input.password);
  await settleSignInAttempt(db, reservation.attemptId, valid && !!found);
  // The log is append-only, so it must not hold the address itself (an erased account's address would stay in
  // it for good): a keyed fingerprint of the email tried still ties repeated guesses together. Never the password.
  await recordAudit(db, {
    action: valid && found ? "sign_in.success" : "sign_in.failure",
    actorId: valid && found ? found.id : null,
    actorRole: valid && found ? found.role : null,
    address: input.address,
    targetType: "email_fingerprint",
    targetId: emailFingerprint(emailKey, authSecret()),
  });
  if (!valid || !found) return { ok: false, error: "invalidCredentials" };
  const { passwordHash: _omit, ...user } = found;
  return { ok: true, user };
}
