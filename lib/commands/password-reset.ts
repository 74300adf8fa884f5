import type { Db } from "@/db/client";
import { createPasswordReset, usePasswordReset, type ResetResult } from "@/db/queries/password-resets";
import { hashEmailToken, newEmailToken } from "@/lib/auth/email-token";
import { publicBaseUrl } from "@/lib/auth/config";
import { hashPassword } from "@/lib/auth/password";
import { mailText } from "@/lib/email/messages";
import { PASSWORD_RESET_CLIENT_RATE, PASSWORD_RESET_EMAIL_RATE, PASSWORD_RESET_LIFETIME_MS } from "@/lib/rules/email-delivery";

/**
 * "Forgot password?": queues a single-use link to the address if an account uses it. The caller answers the
 * same way either way; only a client asking too often is told so.
 */
export async function requestPasswordReset(
  db: Db,
  p: { email: string; client: string | null },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: "rateLimited"; retryAt: Date }> {
  const { token, hash } = newEmailToken();
  const minutes = Math.round(PASSWORD_RESET_LIFETIME_MS / 60_000);
  const result = await createPasswordReset(
    db,
    {
      email: p.email,
      client: p.client,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS),
      rates: { email: PASSWORD_RESET_EMAIL_RATE, client: PASSWORD_RESET_CLIENT_RATE },
      compose: (user) => {
        const t = mailText(user.preferredLanguage);
        const link = `${publicBaseUrl()}/${user.preferredLanguage}/reset-password?token=${token}`;
        return {
          userId: user.id,
          toAddress: user.email,
          subject: t("passwordReset.subject"),
          body: [t("greeting", { name: user.name }), t("passwordReset.body", { link, minutes }), t("signature")].join("\n\n"),
        };
      },
    },
    now,
  );
  return result.ok ? { ok: true } : result;
}

/** The link's form: a new password (checked by the caller's schema), once, before the link expires. */
export async function resetPassword(db: Db, p: { token: string; newPassword: string }, now = new Date()): Promise<ResetResult> {
  return usePasswordReset(db, { tokenHash: hashEmailToken(p.token), passwordHash: await hashPassword(p.newPassword) }, now);
}
