import { STAFF_ROLES, type Role } from "@/lib/limits";

/** Moderators and admins: the one place the staff rule is written, for commands, guards and what pages offer. */
export function isStaffRole(role: Role | null | undefined): boolean {
  return (STAFF_ROLES as readonly (Role | null | undefined)[]).includes(role);
}
