import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { SessionTimeout } from "@/components/layout/session-timeout";
import { getCurrentUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";

// Staff pages: moderation decisions, organisations and memberships, summaries.
export default async function ModerateLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const ta = await getTranslations("consultationAdmin");
  return (
    <ClientMessages namespaces={["moderation", "reasons", "organisations", "summary", "comments", "stances"]}>
      {user?.role === "admin" ? (
        <nav aria-label={ta("staffNavLabel")} className="mb-4 text-sm">
          <Link href="/admin/consultations" className="inline-flex min-h-11 items-center text-blue-900 underline">
            {ta("navLink")}
          </Link>
        </nav>
      ) : null}
      {children}
      <SessionTimeout />
    </ClientMessages>
  );
}
