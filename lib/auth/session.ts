import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { sessionCookieName, sessionCookieOptions } from "./config";
import { userForClaims } from "./session-check";
import { writeRefreshedSessionCookie, writeSessionCookie } from "./session-cookie";
import { decodeSession, type SessionClaims } from "./token";

/** The signed-in user for this request, or null. Memoised per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await currentSessionClaims();
  if (!claims) return null;
  return userForClaims(await getDb(), claims);
});

/**
 * What this request's session cookie says, not yet checked against the database (getCurrentUser does that). Not
 * memoised: after "Stay signed in" re-issues the cookie, the page rendered in the same request shows the new end.
 */
export async function currentSessionClaims(): Promise<SessionClaims | null> {
  return decodeSession((await cookies()).get(sessionCookieName())?.value);
}

/** "Stay signed in": the same session with a fresh "last seen", written exactly as the proxy's sliding refresh. */
export async function refreshSession(claims: SessionClaims, nowS: number): Promise<SessionClaims> {
  return writeRefreshedSessionCookie(await cookies(), claims, nowS);
}

/** Writes next-auth's own session cookie (same name and options), so next-auth reads it as its own. */
export async function startSession(user: Pick<SessionUser, "id" | "sessionVersion">): Promise<void> {
  const nowS = Math.floor(Date.now() / 1000);
  const claims: SessionClaims = { sub: user.id, sv: user.sessionVersion, authAt: nowS, seenAt: nowS };
  await writeSessionCookie(await cookies(), claims, nowS);
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  for (const c of jar.getAll()) {
    // A __Secure- cookie is only replaced by one that is itself Secure, so the deletion carries the same flags.
    if (c.name === sessionCookieName() || c.name.startsWith(sessionCookieName() + ".")) {
      jar.delete({ name: c.name, ...sessionCookieOptions() });
    }
  }
}
