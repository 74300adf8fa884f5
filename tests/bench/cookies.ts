// Session cookies for seeded participants, made the way the app makes them (lib/auth/token.ts), with the
// server's NEXTAUTH_SECRET; lib/auth/session-check.ts honours them while sv equals the user's session_version.
import { sessionCookieName } from "@/lib/auth/config";
import { encodeSession } from "@/lib/auth/token";
import type { Participant } from "./seed";

export async function sessionCookie(p: Participant): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await encodeSession({ sub: p.id, sv: p.sessionVersion, authAt: now, seenAt: now });
  return `${sessionCookieName()}=${token}`;
}

export function sessionCookies(people: Participant[]): Promise<string[]> {
  return Promise.all(people.map(sessionCookie));
}
