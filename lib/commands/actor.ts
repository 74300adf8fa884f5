import type { SessionUser } from "@/db/queries/users";
import { isStaffRole } from "@/lib/rules/roles";

/**
 * Commands are the authorised, validated operations behind server actions and route handlers. They take the
 * database and the acting user explicitly, so tests run them against a real database without a request, and
 * the actions stay thin (read the session, parse the form, call a command, revalidate, answer).
 * They live outside 'use server' files on purpose: every export of such a file is a public endpoint.
 */
export type Actor = (Pick<SessionUser, "id" | "role" | "stakeholderGroup"> & Partial<Pick<SessionUser, "writeBlockedAt">>) | null;
export type SignedIn = NonNullable<Actor>;

export type Denied = { ok: false; error: "unauthenticated" | "forbidden" | "notFound" | "consultationClosed" | "blocked" };

/** Blocked participants read but do not write; the block is read from the database with the session. */
export function isWriteBlocked(actor: Actor): boolean {
  return !!actor?.writeBlockedAt;
}

export function isModerator(actor: Actor): actor is SignedIn {
  return isStaffRole(actor?.role);
}

/**
 * What a command needs of its actor: anyone signed in (`signedIn`), someone who may write (`writer`: signed in
 * and not blocked), a moderator or admin (`staff`), or an admin. The one place these rules are written.
 */
export type Need = "signedIn" | "writer" | "staff" | "admin";

export function authorise(actor: Actor, need: Need): { ok: true; actor: SignedIn } | Denied {
  if (!actor) return { ok: false, error: "unauthenticated" };
  if (need === "writer" && isWriteBlocked(actor)) return { ok: false, error: "blocked" };
  if (need === "staff" && !isModerator(actor)) return { ok: false, error: "forbidden" };
  if (need === "admin" && actor.role !== "admin") return { ok: false, error: "forbidden" };
  return { ok: true, actor };
}
