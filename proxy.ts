import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { decodeSession } from "@/lib/auth/token";
import { writeRefreshedSessionCookie } from "@/lib/auth/session-cookie";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/config";
import { RETURN_TO_HEADER } from "@/lib/auth/return-to";
import { env, localOrigin } from "@/lib/env";
import { hasGarbledActionFields, isForeignPost, isOversizedPost, refusedPostPage } from "@/lib/http/page-post-guard";
import { databaseReadiness } from "@/lib/http/readiness-memo";
import { keptTexts, RETRY_AFTER_SECONDS, unavailablePage } from "@/lib/http/unavailable-page";
import { FILL_HEADER, PageCache, SHARED_HEADER, sharedPageKey, toSharedPage, withNonce } from "@/lib/http/page-cache";
import { sessionNeedsRefresh, sessionTimeState } from "@/lib/rules/session-policy";

const intl = createMiddleware(routing);
const pageCache = env().SAMVAD_PAGE_CACHE_MS > 0 ? new PageCache(env().SAMVAD_PAGE_CACHE_MS) : null;

/** Long enough for a busy pool to answer `select 1`, short enough that a vanished host costs a visitor little. */
const PROBE_TIMEOUT_MS = 1000;
/** db/client.ts's pool size (postgres.js opens at most this many connections). */
const POOL_SIZE = 10;

/**
 * Asked only after a request met the database unreachable: does PostgreSQL answer again, through the same pool
 * the pages use? The embedded database lives in this process, so there is nothing separate to wait for (and it
 * is not loaded into the proxy).
 */
async function databaseAnswersAgain(): Promise<boolean> {
  if (!env().DATABASE_URL) return true;
  const [{ getDb }, { databaseAnswers }] = await Promise.all([import("@/db/client"), import("@/db/queries/health")]);
  const db = await getDb();
  // postgres.js 3.4 replays the farewell (57P01) of a connection killed mid-statement onto that connection's
  // first statement after it reconnects (porsager/postgres#1215). A probe on every pooled connection at once takes
  // those failures here, not on visitors' pages; the last probe then runs on a pool that has been through them.
  await Promise.all(Array.from({ length: POOL_SIZE }, () => databaseAnswers(db, PROBE_TIMEOUT_MS)));
  return databaseAnswers(db, PROBE_TIMEOUT_MS);
}

/** app/api/csp-report/route.ts; written out here so the proxy does not load the database code behind it. */
const CSP_REPORT_PATH = "/api/csp-report";

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
    // Violations are counted at /api/csp-report. report-uri only: with a report-to beside it Chromium ignores
    // report-uri and batches reports through the Reporting API, which it did not deliver at all over plain http
    // to 127.0.0.1 (so the browser suite could not see them); every current browser still sends report-uri.
    `report-uri ${CSP_REPORT_PATH}`,
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
  // Before language routing and before Next decodes a server action: a forged post never reaches an action, and
  // an oversized or garbled one is a 413 or 400 rather than Next's 500.
  if (isForeignPost(req)) return refusedPostPage(403, req.nextUrl.pathname, csp);
  if (await isOversizedPost(req)) return refusedPostPage(413, req.nextUrl.pathname, csp);
  if (await hasGarbledActionFields(req)) return refusedPostPage(400, req.nextUrl.pathname, csp);
  // Addresses the first matcher leaves out (files, health checks) reach the proxy only for these checks (the second
  // matcher): Next runs a server action posted to /en/comments/1.0 too, and answers a forged one with its 500.
  if (!PAGE_PATH.test(req.nextUrl.pathname)) return NextResponse.next();
  req.headers.set("x-nonce", nonce);
  req.headers.set("content-security-policy", csp);
  // Guards on staff and account pages send a visitor to sign in and back here afterwards.
  req.headers.set(RETURN_TO_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  const res = intl(req);
  res.headers.set("Content-Security-Policy", csp);
  // While the database is known to be down, a page request gets the 503 page instead of a failed render. A server
  // action called by script (Next-Action) goes through: the action kit answers it with the form and its text kept.
  if (!res.headers.has("location") && !req.headers.has("next-action") && !(await databaseReadiness().up(databaseAnswersAgain))) {
    return unavailable(req, nonce, csp);
  }

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

/** The 503 page, with what a form without script had just posted, so the visitor can copy it. */
async function unavailable(req: NextRequest, nonce: string, csp: string): Promise<NextResponse> {
  const posted = req.method === "POST";
  const kept = posted ? await req.formData().then(keptTexts, () => []) : [];
  const html = unavailablePage({ pathname: req.nextUrl.pathname, nonce, posted, kept });
  const res = new NextResponse(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
  res.headers.set("Content-Security-Policy", csp);
  return res;
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
    res.headers.set("Content-Security-Policy", csp);
    res.headers.set(SHARED_HEADER, "shared");
    for (const cookie of routed.cookies.getAll()) res.cookies.set(cookie);
    return res;
  } catch {
    // The page is rendered for this request as if there were no cache.
    return null;
  }
}

/** The first matcher's addresses, as a regular expression: the pages, which the whole proxy is for. */
const PAGE_PATH = /^\/(?!api|_next|_vercel|bench-floor|healthz|readyz|.*\..*).*$/;

export const config = {
  matcher: [
    "/((?!api|_next|_vercel|bench-floor|healthz|readyz|.*\\..*).*)",
    // Every other address a form could post to (a body has a Content-Type; a browser's GET of a file has none).
    { source: "/((?!api|_next|_vercel).*)", has: [{ type: "header", key: "content-type" }] },
  ],
};
