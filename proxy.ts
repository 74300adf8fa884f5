import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { cookieMaxAge, decodeSession, encodeSession } from "@/lib/auth/token";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/config";
import { RETURN_TO_HEADER } from "@/lib/auth/return-to";
import { env } from "@/lib/env";
import { sessionNeedsRefresh, sessionTimeState } from "@/lib/rules/session-policy";

const intl = createMiddleware(routing);

function contentSecurityPolicy(nonce: string): string {
  const dev = env().NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * One proxy for every page: language routing (next-intl), a per-request CSP nonce, and the sliding idle window
 * of the session cookie (re-issued with a fresh "last seen" at most every few minutes; expired ones removed).
 * Whether a session is honoured is decided on the server per request (lib/auth/session.ts), not here.
 */
export default async function proxy(req: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  req.headers.set("x-nonce", nonce);
  req.headers.set("content-security-policy", csp);
  // Guards on staff and account pages send a visitor to sign in and back here afterwards.
  req.headers.set(RETURN_TO_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  const res = intl(req);
  res.headers.set("Content-Security-Policy", csp);

  const name = sessionCookieName();
  const raw = req.cookies.get(name)?.value;
  if (raw) {
    const claims = await decodeSession(raw);
    const nowS = Math.floor(Date.now() / 1000);
    if (!claims || sessionTimeState(claims, nowS) !== "valid") {
      res.cookies.delete({ name, ...sessionCookieOptions() });
    } else if (sessionNeedsRefresh(claims, nowS)) {
      const refreshed = { ...claims, seenAt: nowS };
      res.cookies.set(name, await encodeSession(refreshed), sessionCookieOptions(cookieMaxAge(refreshed, nowS)));
    }
  }
  return res;
}

export const config = { matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"] };
