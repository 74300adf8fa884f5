import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { SessionTimeout } from "@/components/layout/session-timeout";
import { getCurrentUser } from "@/lib/auth/session";

// Public pages: a visitor sees no forms, so only a signed-in reader is sent the words of the comment,
// endorsement, report and consultation-report forms.
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) return children;
  return (
    <ClientMessages namespaces={["comments", "stances", "endorse", "moderation", "reasons", "report"]}>
      {children}
      <SessionTimeout />
    </ClientMessages>
  );
}
