import type { ConsultationStatus, Role } from "@/lib/limits";
import { isStaffRole } from "./roles";

/**
 * Who may see a consultation at all. A draft is still being prepared: only moderators and admins (who prepare and
 * review it) may open its pages; to everyone else it does not exist (404, never 403, so its address reveals
 * nothing). Once published, open or closed, it is public to everyone, signed in or not.
 */
export function mayViewConsultation(status: ConsultationStatus, role: Role | null | undefined): boolean {
  return status !== "draft" || isStaffRole(role);
}

/** Whether a consultation's pages are public, i.e. listed on the home page and readable by visitors. */
export function isPublicConsultation(status: ConsultationStatus): boolean {
  return status !== "draft";
}
