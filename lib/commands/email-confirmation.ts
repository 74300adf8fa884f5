import type { Db } from "@/db/client";
import { createEmailConfirmation, useEmailConfirmation, type ConfirmResult } from "@/db/queries/email-confirmations";
import { getSessionUser } from "@/db/queries/users";
import { hashEmailToken, newEmailToken } from "@/lib/auth/email-token";
import { publicBaseUrl } from "@/lib/auth/config";
import { mailText } from "@/lib/email/messages";
import { CONFIRMATION_EMAIL_RATE } from "@/lib/rules/token-bucket";
import { authorise, type Actor, type Denied } from "./actor";

/** How long a confirmation link works. */
export const EMAIL_LINK_LIFETIME_MS = 48 * 60 * 60 * 1000;

/**
 * Sends the signed-in person a link that confirms their address. The message is written by the caller from
 * the catalogue, given the link; the address comes from the database, never from the form.
 */
export async function requestEmailConfirmation(
  db: Db,
  actor: Actor,
  p: { linkFor: (token: string) => string; compose: (link: string) => { subject: string; body: string } },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "alreadyConfirmed" } | { ok: false; error: "rateLimited"; retryAt: Date }> {
  const allowed = authorise(actor, "signedIn");
  if (!allowed.ok) return allowed;
  const user = await getSessionUser(db, allowed.actor.id);
  if (!user) return { ok: false, error: "unauthenticated" };
  if (user.emailConfirmedAt) return { ok: false, error: "alreadyConfirmed" };
  const { token, hash } = newEmailToken();
  const message = p.compose(p.linkFor(token));
  const sent = await createEmailConfirmation(
    db,
    {
      userId: user.id,
      email: user.email,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + EMAIL_LINK_LIFETIME_MS),
      message: { userId: user.id, toAddress: user.email, ...message },
      rate: CONFIRMATION_EMAIL_RATE,
    },
    now,
  );
  return sent.ok ? { ok: true } : { ok: false, error: "rateLimited", retryAt: sent.retryAt };
}

/**
 * Anyone holding the link may use it once: the link itself is the proof that the mailbox was reached. A link
 * asking to change the address moves the account to it and tells the old address.
 */
export async function confirmEmail(db: Db, p: { token: string }, now = new Date()): Promise<ConfirmResult> {
  return useEmailConfirmation(db, hashEmailToken(p.token), now, (user) => {
    const t = mailText(user.preferredLanguage);
    return {
      userId: user.id,
      toAddress: user.oldEmail,
      subject: t("emailChanged.subject"),
      body: [
        t("greeting", { name: user.name }),
        t("emailChanged.body", { newEmail: user.newEmail, contact: `${publicBaseUrl()}/${user.preferredLanguage}/contact` }),
        t("signature"),
      ].join("\n\n"),
    };
  });
}
