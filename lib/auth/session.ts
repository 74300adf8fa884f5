import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { sessionCookieName, sessionCookieOptions } from "./config";
import { userForClaims } from "./session-check";
import { cookieMaxAge, decodeSession, encodeSession, type SessionClaims } from "./token";

/** The signed-in user for this request, or null. Memoised per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const claims = await decodeSession(jar.get(sessionCookieName())?.value);
  if (!claims) return null;
  return userForClaims(await getDb(), claims);
});

/** Writes next-auth's own session cookie (same name and options), so next-auth reads it as its own. */
export async function startSession(user: Pick<SessionUser, "id" | "sessionVersion">): Promise<void> {
  const nowS = Math.floor(Date.now() / 1000);
  const claims: SessionClaims = { sub: user.id, sv: user.sessionVersion, authAt: nowS, seenAt: nowS };
  const jar = await cookies();
  jar.set(sessionCookieName(), await encodeSession(claims), sessionCookieOptions(cookieMaxAge(claims, nowS)));
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
