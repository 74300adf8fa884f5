import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

// Staff pages: moderation decisions, organisations and memberships, summaries.
export default function ModerateLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["moderation", "reasons", "organisations", "summary", "comments", "stances"]}>{children}</ClientMessages>
  );
}
