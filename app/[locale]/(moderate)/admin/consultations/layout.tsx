import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

// The consultation admin pages' forms speak their own namespace (a nested provider replaces the staff one).
export default function ConsultationAdminLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["consultationAdmin"]}>{children}</ClientMessages>;
}
