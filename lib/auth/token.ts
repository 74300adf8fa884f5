import { decode, encode, type JWT } from "next-auth/jwt";
import { SESSION_ABSOLUTE_LIFETIME_S, sessionCookieMaxAge, type SessionTimes } from "@/lib/rules/session-policy";
import { authSecret } from "@/lib/env";

/** What the session cookie carries. Everything else about the user is read from the database per request. */
export interface SessionClaims extends SessionTimes {
  sub: string;
  sv: number;
}

export function claimsOf(token: JWT | null): SessionClaims | null {
  if (!token) return null;
  const { sub, sv, authAt, seenAt } = token as Record<string, unknown>;
  if (typeof sub !== "string" || typeof sv !== "number" || typeof authAt !== "number" || typeof seenAt !== "number") {
    return null;
  }
  return { sub, sv, authAt, seenAt };
}

export async function encodeSession(claims: SessionClaims): Promise<string> {
  return encode({ token: { ...claims }, secret: authSecret(), maxAge: SESSION_ABSOLUTE_LIFETIME_S });
}

export async function decodeSession(token: string | undefined): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    return claimsOf(await decode({ token, secret: authSecret() }));
  } catch {
    return null;
  }
}

export function cookieMaxAge(claims: SessionClaims, nowS = Math.floor(Date.now() / 1000)): number {
  return sessionCookieMaxAge(claims, nowS);
}
