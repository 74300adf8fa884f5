import type { SessionUser } from "@/db/queries/users";

/**
 * Commands are the authorised, validated operations behind server actions and route handlers. They take the
 * database and the acting user explicitly, so tests run them against a real database without a request, and
 * the actions stay thin (read the session, parse the form, call a command, revalidate, answer).
 * They live outside 'use server' files on purpose: every export of such a file is a public endpoint.
 */
export type Actor = (Pick<SessionUser, "id" | "role" | "stakeholderGroup"> & Partial<Pick<SessionUser, "writeBlockedAt">>) | null;

export type Denied = { ok: false; error: "unauthenticated" | "forbidden" | "notFound" | "consultationClosed" | "blocked" };

/** Blocked participants read but do not write; the block is read from the database with the session. */
export function isWriteBlocked(actor: Actor): boolean {
  return !!actor?.writeBlockedAt;
}

export function isModerator(actor: Actor): actor is NonNullable<Actor> {
  return actor?.role === "moderator" || actor?.role === "admin";
}
