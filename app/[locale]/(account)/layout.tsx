import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { SessionTimeout } from "@/components/layout/session-timeout";

// Account pages: sign-in, sign-up, profile, e-mail confirmation and the appeal form in notifications.
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["signIn", "signUp", "profile", "emailConfirmation", "organisations", "moderation"]}>
      {children}
      <SessionTimeout />
    </ClientMessages>
  );
}
