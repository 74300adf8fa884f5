import type { Db } from "@/db/client";
import { getSessionUser } from "@/db/queries/users";
import { sessionTimeState } from "@/lib/rules/session-policy";
import type { SessionClaims } from "./token";

/**
 * The real guard: a token is honoured only while it is within its idle and absolute limits and its session
 * version equals the user's current one in the database (sign-out, role or password change bump it).
 */
export async function userForClaims(db: Db, claims: SessionClaims | null, nowS = Math.floor(Date.now() / 1000)) {
  if (!claims || sessionTimeState(claims, nowS) !== "valid") return null;
  const user = await getSessionUser(db, claims.sub);
  if (!user || user.sessionVersion !== claims.sv) return null;
  return user;
}
