import { sessionCookieName, sessionCookieOptions } from "./config";
import { cookieMaxAge, encodeSession, type SessionClaims } from "./token";

/** What both cookie stores offer: next/headers' cookies() in server actions and NextResponse.cookies in the proxy. */
interface CookieWriter {
  set(name: string, value: string, options: ReturnType<typeof sessionCookieOptions>): unknown;
}

/**
 * Writes the session cookie for these claims, lasting no longer than the session may. One definition for signing
 * in, the proxy's sliding refresh and "Stay signed in", so the three can never disagree on name, flags or lifetime.
 */
export async function writeSessionCookie(jar: CookieWriter, claims: SessionClaims, nowS: number): Promise<void> {
  jar.set(sessionCookieName(), await encodeSession(claims), sessionCookieOptions(cookieMaxAge(claims, nowS)));
}

/** The same session, seen now: what the proxy writes every few minutes and "Stay signed in" writes at once. */
export async function writeRefreshedSessionCookie(jar: CookieWriter, claims: SessionClaims, nowS: number): Promise<SessionClaims> {
  const refreshed = { ...claims, seenAt: nowS };
  await writeSessionCookie(jar, refreshed, nowS);
  return refreshed;
}
