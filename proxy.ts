import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { decodeSession } from "@/lib/auth/token";
import { writeRefreshedSessionCookie } from "@/lib/auth/session-cookie";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/config";
import { RETURN_TO_HEADER } from "@/lib/auth/return-to";
import { env, localOrigin } from "@/lib/env";
import { FILL_HEADER, PageCache, SHARED_HEADER, sharedPageKey, toSharedPage, withNonce } from "@/lib/http/page-cache";
import { sessionNeedsRefresh, sessionTimeState } from "@/lib/rules/session-policy";

const intl = createMiddleware(routing);
const pageCache = env().SAMVAD_PAGE_CACHE_MS > 0 ? new PageCache(env().SAMVAD_PAGE_CACHE_MS) : null;

/** app/api/csp-report/route.ts; written out here so the proxy does not load the database code behind it. */
const CSP_REPORT_PATH = "/api/csp-report";
const CSP_ENDPOINT = "csp-endpoint";
/** The Reporting API's name for the report address, sent with every page (a relative URL, resolved per page). */
const REPORTING_ENDPOINTS = `${CSP_ENDPOINT}="${CSP_REPORT_PATH}"`;

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
    // Violations are counted at /api/csp-report: report-to for browsers with the Reporting API (which then ignore
    // report-uri), report-uri for the others.
    `report-uri ${CSP_REPORT_PATH}`,
    `report-to ${CSP_ENDPOINT}`,
  ].join("; ");
}

function withPolicy(res: NextResponse, csp: string): void {
  res.headers.set("Content-Security-Policy", csp);
  res.headers.set("Reporting-Endpoints", REPORTING_ENDPOINTS);
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
  withPolicy(res, csp);

  const name = sessionCookieName();
  const raw = req.cookies.get(name)?.value;
  if (raw) {
    const claims = await decodeSession(raw);
    const nowS = Math.floor(Date.now() / 1000);
    if (!claims || sessionTimeState(claims, nowS) !== "valid") {
      res.cookies.delete({ name, ...sessionCookieOptions() });
    } else if (sessionNeedsRefresh(claims, nowS)) {
      await writeRefreshedSessionCookie(res.cookies, claims, nowS);
    }
  }
  return (await sharedPage(req, res, nonce, csp)) ?? res;
}

/**
 * A visitor's principle page from the short-lived shared cache (lib/http/page-cache.ts), with this response's
 * nonce and cookies; null when the request must be rendered (signed in, a form's confirmation, not a page the
 * language routing passes through, or the cache could not be filled).
 */
async function sharedPage(req: NextRequest, routed: NextResponse, nonce: string, csp: string): Promise<NextResponse | null> {
  const origin = localOrigin();
  if (!pageCache || !origin || routed.headers.has("location") || routed.headers.has("x-middleware-rewrite")) return null;
  const key = sharedPageKey({
    method: req.method,
    pathname: req.nextUrl.pathname,
    search: req.nextUrl.searchParams,
    headers: req.headers,
    cookieNames: req.cookies.getAll().map((c) => c.name),
    sessionCookie: sessionCookieName(),
  });
  if (!key) return null;
  try {
    const page = await pageCache.get(key, async () => {
      const rendered = await fetch(`${origin}${req.nextUrl.pathname}${req.nextUrl.search}`, {
        // With the language cookie the page's language already matches, the render sets no cookie of its own.
        headers: { [FILL_HEADER]: "1", accept: "text/html", "accept-encoding": "identity", cookie: `NEXT_LOCALE=${key.split("/")[1]}` },
        redirect: "manual",
        cache: "no-store",
        signal: AbortSignal.timeout(20_000),
      });
      return toSharedPage(rendered, Date.now());
    });
    if (!page) return null;
    const res = new NextResponse(withNonce(page, nonce), { status: 200, headers: page.headers });
    withPolicy(res, csp);
    res.headers.set(SHARED_HEADER, "shared");
    for (const cookie of routed.cookies.getAll()) res.cookies.set(cookie);
    return res;
  } catch {
    // The page is rendered for this request as if there were no cache.
    return null;
  }
}

export const config = { matcher: ["/((?!api|_next|_vercel|bench-floor|healthz|readyz|.*\\..*).*)"] };
