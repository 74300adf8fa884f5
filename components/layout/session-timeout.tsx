import { createHmac } from "node:crypto";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { currentSessionClaims, getCurrentUser } from "@/lib/auth/session";
import { authSecret } from "@/lib/env";
import { sessionEnd } from "@/lib/rules/session-policy";
import { SessionTimeoutWarning } from "./session-timeout-warning";

/**
 * The session-timeout warning, for signed-in pages only (nothing for a visitor, so a visitor's shared page never
 * carries it). The end comes from this request's cookie; the warning checks it again before it speaks.
 *
 * Its own provider with only the "session" messages, in the manner of ClientMessages: it sits beside a section's
 * provider, and ClientMessages would send the every-page namespaces a second time.
 */
export async function SessionTimeout() {
  const user = await getCurrentUser();
  const claims = user ? await currentSessionClaims() : null;
  if (!user || !claims) return null;
  const { endsAt, final } = sessionEnd(claims);
  // Drafts typed here are tagged with who typed them, without putting the account id into the browser's storage.
  const owner = createHmac("sha256", authSecret()).update(`drafts:${user.id}`).digest("base64url").slice(0, 22);
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={{ session: messages.session }}>
      <SessionTimeoutWarning endsAt={endsAt} final={final} owner={owner} />
    </NextIntlClientProvider>
  );
}
