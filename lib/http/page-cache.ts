/**
 * A short-lived cache of the pages every visitor sees alike (a principle page read without signing in), in
 * front of rendering: under a crowd, a page is rendered about once per `ttlMs` instead of once per reader.
 *
 * - Only anonymous GETs of a principle page that ask for HTML (a browser's navigation) and carry no query but the
 *   list's order and position, are shared. Anything signed in, any form or confirmation (`?done=`), any other
 *   page is rendered as before. An author therefore sees their own write at once; everyone else within `ttlMs`
 *   plus one render, which is why entries live for less than a second and nothing needs invalidating: several
 *   app instances stay consistent without telling each other anything.
 * - Every response gets its own CSP nonce: the cached markup's nonce is replaced by the new request's, so the
 *   policy stays as strict as for a rendered page.
 * - Concurrent misses for one page wait for one render (single flight); memory is bounded by `MAX_ENTRIES`.
 */

import { COMMENT_SORTS, LOCALES } from "@/lib/limits";

export interface SharedPage {
  body: string;
  nonce: string;
  headers: [string, string][];
  storedAt: number;
}

const PRINCIPLE_PAGE = new RegExp(`^/(${LOCALES.join("|")})/consultations/[a-z0-9-]{1,80}/principles/[a-z0-9-]{1,80}$`);
/** The only query a shared page may carry: the list's order (lib/limits) and its position (the `after` cursor). */
const SHARED_PARAMS = new Map<string, (value: string) => boolean>([
  ["sort", (v) => (COMMENT_SORTS as readonly string[]).includes(v)],
  ["after", (v) => /^\d{1,10}(\.\d{1,10})?$/.test(v)],
]);
/** Requests the Next router makes for client-side navigation and prefetching, and server action posts (when present). */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"];
/** Headers that belong to one response, never to a copy of it. */
const NOT_REPLAYED = new Set([
  "set-cookie",
  "date",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "content-security-policy",
]);
export const MAX_ENTRIES = 200;
/** Marks a response served from the cache, for operators (and tests) to tell. */
export const SHARED_HEADER = "x-samvad-page-cache";
/** Marks the render that fills the cache, so it is not answered from the cache itself. */
export const FILL_HEADER = "x-samvad-page-fill";

export interface RequestFacts {
  method: string;
  pathname: string;
  search: URLSearchParams;
  headers: Headers;
  cookieNames: string[];
  sessionCookie: string;
}

/** The cache key of a request whose page is the same for every visitor, or null when it must be rendered. */
export function sharedPageKey(r: RequestFacts): string | null {
  if (r.method !== "GET" || !PRINCIPLE_PAGE.test(r.pathname)) return null;
  // Next strips its router's headers (RSC, prefetch) and `_rsc` before the proxy sees a request, so a router
  // fetch is told apart by what it accepts: a browser's navigation asks for HTML, the router's fetch for */*.
  if (!r.headers.get("accept")?.includes("text/html")) return null;
  if (ROUTER_HEADERS.some((h) => r.headers.has(h)) || r.headers.has(FILL_HEADER)) return null;
  if (r.cookieNames.some((n) => n === r.sessionCookie || n.startsWith(`${r.sessionCookie}.`))) return null;
  const kept: string[] = [];
  for (const [name, value] of r.search) {
    // A Map, so that a name like "constructor" is just an unknown parameter, not an inherited property.
    if (!SHARED_PARAMS.get(name)?.(value)) return null;
    kept.push(`${name}=${value}`);
  }
  return kept.length ? `${r.pathname}?${kept.sort().join("&")}` : r.pathname;
}

/** The nonce a rendered page was given, from its CSP header. */
export function nonceOf(csp: string | null): string | null {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1] ?? null;
}

/** The cached markup with this response's nonce in place of the one it was rendered with. */
export function withNonce(page: SharedPage, nonce: string): string {
  return page.body.split(page.nonce).join(nonce);
}

/** A rendered response worth sharing: a complete HTML page that set no cookie. */
export async function toSharedPage(res: Response, now: number): Promise<SharedPage | null> {
  const nonce = nonceOf(res.headers.get("content-security-policy"));
  if (res.status !== 200 || !nonce || res.headers.has("set-cookie") || !res.headers.get("content-type")?.startsWith("text/html")) {
    await res.body?.cancel();
    return null;
  }
  const headers = [...res.headers].filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase()));
  return { body: await res.text(), nonce, headers, storedAt: now };
}

/** Entries by key, oldest first; a fill in progress per key. Per process: nothing here needs sharing. */
export class PageCache {
  private readonly entries = new Map<string, SharedPage>();
  private readonly filling = new Map<string, Promise<SharedPage | null>>();

  constructor(private readonly ttlMs: number) {}

  /** A fresh entry, or the one a single render produces for every request waiting on it. */
  async get(key: string, render: () => Promise<SharedPage | null>, now = Date.now()): Promise<SharedPage | null> {
    const hit = this.entries.get(key);
    if (hit && now - hit.storedAt < this.ttlMs) return hit;
    const pending = this.filling.get(key);
    if (pending) return pending;
    const fill = render()
      .then((page) => {
        if (page) this.store(key, page);
        return page;
      })
      .finally(() => this.filling.delete(key));
    this.filling.set(key, fill);
    return fill;
  }

  private store(key: string, page: SharedPage) {
    this.entries.delete(key);
    this.entries.set(key, page);
    for (const [k, v] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && page.storedAt - v.storedAt < this.ttlMs) break;
      this.entries.delete(k);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
