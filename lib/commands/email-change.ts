import type { Db } from "@/db/client";
import { createEmailChange } from "@/db/queries/email-confirmations";
import { getSessionUser } from "@/db/queries/users";
import { newEmailToken } from "@/lib/auth/email-token";
import { publicBaseUrl } from "@/lib/auth/config";
import { mailText } from "@/lib/email/messages";
import { EMAIL_CHANGE_RATE } from "@/lib/rules/email-delivery";
import { authorise, type Actor, type Denied } from "./actor";
import { EMAIL_LINK_LIFETIME_MS } from "./email-confirmation";

/**
 * Sends a link to the new address. The caller has checked the current password; nothing about the account
 * changes until the link is followed (see confirmEmail).
 */
export async function requestEmailChange(
  db: Db,
  actor: Actor,
  p: { newEmail: string },
  now = new Date(),
): Promise<
  { ok: true } | Denied | { ok: false; error: "emailTaken" | "emailUnchanged" } | { ok: false; error: "rateLimited"; retryAt: Date }
> {
  const allowed = authorise(actor, "signedIn");
  if (!allowed.ok) return allowed;
  const user = await getSessionUser(db, allowed.actor.id);
  if (!user) return { ok: false, error: "unauthenticated" };
  const { token, hash } = newEmailToken();
  const t = mailText(user.preferredLanguage);
  const link = `${publicBaseUrl()}/${user.preferredLanguage}/confirm-email?token=${token}`;
  const result = await createEmailChange(
    db,
    {
      userId: user.id,
      newEmail: p.newEmail,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + EMAIL_LINK_LIFETIME_MS),
      message: {
        userId: user.id,
        toAddress: p.newEmail,
        subject: t("emailChange.subject"),
        // The new address is not proven yet (a person may type someone else's): the mail names neither the account's
        // current address nor its holder, so it tells a stranger nothing about whoever asked.
        body: [t("emailChange.greeting"), t("emailChange.body", { link }), t("signature")].join("\n\n"),
      },
      rate: EMAIL_CHANGE_RATE,
    },
    now,
  );
  if (!result.ok) return "retryAt" in result ? { ok: false, error: "rateLimited", retryAt: result.retryAt } : result;
  return { ok: true };
}
