import { describe, expect, it } from "vitest";
import {
  MAX_ENTRIES,
  nonceOf,
  PageCache,
  sharedPageKey,
  toSharedPage,
  withNonce,
  type RequestFacts,
  type SharedPage,
} from "@/lib/http/page-cache";

const PAGE = "/en/consultations/paris-call/principles/protect-the-internet";
const SESSION = "next-auth.session-token";

function facts(over: Partial<RequestFacts> & { url?: string } = {}): RequestFacts {
  const url = new URL(over.url ?? PAGE, "http://app.example");
  return {
    method: "GET",
    pathname: url.pathname,
    search: url.searchParams,
    headers: new Headers({ accept: "text/html,application/xhtml+xml,*/*;q=0.8" }),
    cookieNames: [],
    sessionCookie: SESSION,
    ...over,
  };
}

function page(storedAt: number, body = "<p>page</p>"): SharedPage {
  return { body, nonce: "n0", headers: [], storedAt };
}

describe("which requests share a page", () => {
  it("shares a visitor's principle page, keyed by its order and position only", () => {
    expect(sharedPageKey(facts())).toBe(PAGE);
    expect(sharedPageKey(facts({ url: `${PAGE}?sort=oldest&after=120` }))).toBe(`${PAGE}?after=120&sort=oldest`);
    expect(sharedPageKey(facts({ url: `${PAGE}?after=120&sort=oldest` }))).toBe(`${PAGE}?after=120&sort=oldest`);
    expect(sharedPageKey(facts({ url: `/hi/consultations/paris-call/principles/cyber-hygiene` }))).not.toBeNull();
  });

  it("renders for anyone signed in, for router and action requests, for other methods and for the fill itself", () => {
    expect(sharedPageKey(facts({ cookieNames: [SESSION] }))).toBeNull();
    expect(sharedPageKey(facts({ cookieNames: [`${SESSION}.0`] }))).toBeNull();
    expect(sharedPageKey(facts({ method: "POST" }))).toBeNull();
    for (const h of ["rsc", "next-router-prefetch", "next-action", "x-samvad-page-fill"]) {
      expect(sharedPageKey(facts({ headers: new Headers({ accept: "text/html", [h]: "1" }) }))).toBeNull();
    }
    // The router's own fetches (navigation, prefetch) reach the proxy stripped of their headers, asking for */*.
    expect(sharedPageKey(facts({ headers: new Headers({ accept: "*/*" }) }))).toBeNull();
    expect(sharedPageKey(facts({ headers: new Headers() }))).toBeNull();
    // Other cookies (a language preference) do not change what a visitor is shown.
    expect(sharedPageKey(facts({ cookieNames: ["NEXT_LOCALE"] }))).toBe(PAGE);
  });

  it("renders confirmations, forms' steps, odd values and every other page", () => {
    for (const q of [
      "done=commentPosted",
      "failed=rateLimited",
      "reply=4",
      "from=12",
      "sort=<script>",
      "sort=best",
      "after=1e9",
      "sort=oldest&x=1",
      "constructor=1",
      "__proto__=1",
      "toString=1",
    ]) {
      expect(sharedPageKey(facts({ url: `${PAGE}?${q}` }))).toBeNull();
    }
    for (const path of [
      "/en/consultations/paris-call",
      "/en/comments/4",
      "/en/profile",
      `${PAGE}/summary`,
      "/fr/consultations/a/principles/b",
    ]) {
      expect(sharedPageKey(facts({ url: path }))).toBeNull();
    }
  });
});

describe("a shared page's nonce", () => {
  it("is read from the policy and replaced everywhere in the markup", () => {
    expect(nonceOf("default-src 'self'; script-src 'self' 'nonce-YWJj+/=' 'strict-dynamic'")).toBe("YWJj+/=");
    expect(nonceOf("default-src 'self'")).toBeNull();
    const p = { ...page(0), body: '<script nonce="OLD">a</script><link nonce="OLD">', nonce: "OLD" };
    expect(withNonce(p, "NEW")).toBe('<script nonce="NEW">a</script><link nonce="NEW">');
  });

  it("is kept only from a complete HTML page that set no cookie", async () => {
    const headers = { "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'nonce-abc'", "x-other": "1" };
    const kept = await toSharedPage(new Response("<html>", { headers }), 5);
    expect(kept).toMatchObject({ body: "<html>", nonce: "abc", storedAt: 5 });
    expect(kept?.headers).toEqual([
      ["content-type", "text/html; charset=utf-8"],
      ["x-other", "1"],
    ]);
    expect(await toSharedPage(new Response("x", { status: 404, headers }), 5)).toBeNull();
    expect(await toSharedPage(new Response("x", { headers: { ...headers, "set-cookie": "a=b" } }), 5)).toBeNull();
    expect(await toSharedPage(new Response("x", { headers: { ...headers, "content-type": "application/json" } }), 5)).toBeNull();
    expect(await toSharedPage(new Response("x", { headers: { "content-type": "text/html" } }), 5)).toBeNull();
  });
});

describe("the cache", () => {
  it("renders once for concurrent requests, reuses the page within its lifetime, renders again after", async () => {
    const cache = new PageCache(750);
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((r) => setTimeout(r, 20));
      return page(1000, `<p>${renders}</p>`);
    };
    const first = await Promise.all(Array.from({ length: 10 }, () => cache.get("k", render, 1000)));
    expect(renders).toBe(1);
    expect(new Set(first.map((p) => p?.body))).toEqual(new Set(["<p>1</p>"]));
    expect((await cache.get("k", render, 1749))?.body).toBe("<p>1</p>");
    expect((await cache.get("k", render, 1750))?.body).toBe("<p>2</p>");
    expect(renders).toBe(2);
  });

  it("keeps nothing when the render fails or is not shareable, and tries again next time", async () => {
    const cache = new PageCache(750);
    await expect(cache.get("k", () => Promise.reject(new Error("down")), 0)).rejects.toThrow("down");
    expect(await cache.get("k", async () => null, 0)).toBeNull();
    expect(cache.size).toBe(0);
    expect((await cache.get("k", async () => page(0), 0))?.body).toBe("<p>page</p>");
  });

  it("holds at most MAX_ENTRIES pages, dropping the oldest", async () => {
    const cache = new PageCache(750);
    for (let i = 0; i < MAX_ENTRIES + 30; i++) await cache.get(`k${i}`, async () => page(i / 1000), i / 1000);
    expect(cache.size).toBe(MAX_ENTRIES);
    let rendered = false;
    await cache.get("k0", async () => ((rendered = true), page(1)), 1);
    expect(rendered).toBe(true);
  });
});
