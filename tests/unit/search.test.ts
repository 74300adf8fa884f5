import { describe, expect, it } from "vitest";
import { excerpt, highlight, languageOf, mentions, plainMarkdown, searchTerms } from "@/components/search/excerpt";
import { sharedPageKey } from "@/lib/http/page-cache";
import { SEARCH_QUERY_MAX } from "@/lib/limits";
import { parseSearchParams } from "@/lib/validation/search";

describe("search query string", () => {
  it("trims and collapses the query; an empty one is valid and means 'show the hint'", () => {
    expect(parseSearchParams({ q: "  cyber   hygiene " })).toEqual({ ok: true, params: { q: "cyber hygiene", group: undefined, page: 1 } });
    expect(parseSearchParams({})).toEqual({ ok: true, params: { q: "", group: undefined, page: 1 } });
    expect(parseSearchParams({ q: ["first", "second"] })).toMatchObject({ ok: true, params: { q: "first" } });
  });

  it("refuses a query longer than the limit instead of cutting it", () => {
    expect(parseSearchParams({ q: "a".repeat(SEARCH_QUERY_MAX) }).ok).toBe(true);
    expect(parseSearchParams({ q: "a".repeat(SEARCH_QUERY_MAX + 1) })).toMatchObject({ ok: false, error: "searchTooLong" });
  });

  it("reads a known group and a page in range; anything else falls back", () => {
    expect(parseSearchParams({ q: "x", group: "comments", page: "3" })).toMatchObject({ ok: true, params: { group: "comments", page: 3 } });
    expect(parseSearchParams({ q: "x", group: "users", page: "-2" })).toMatchObject({ ok: true, params: { group: undefined, page: 1 } });
    expect(parseSearchParams({ q: "x", page: "99999" })).toMatchObject({ ok: true, params: { page: 1 } });
    expect(parseSearchParams({ q: "x", page: "constructor" })).toMatchObject({ ok: true, params: { page: 1 } });
  });
});

describe("excerpts and highlighting", () => {
  it("takes the words of a query, leaving out excluded words and the operator 'or'", () => {
    expect(searchTerms('"Cyber hygiene" or ransomware -spam')).toEqual(["ransomware", "hygiene", "cyber"]);
    expect(searchTerms("साइबर स्वच्छता")).toEqual(["स्वच्छता", "साइबर"]);
  });

  it("marks whole words only, Devanagari included, keeping every character of the text", () => {
    const parts = highlight("Security and securityish: SECURITY.", ["security"]);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["Security", "SECURITY"]);
    expect(parts.map((p) => p.text).join("")).toBe("Security and securityish: SECURITY.");
    const hi = highlight("साइबर स्वच्छता और स्वच्छताएँ", ["स्वच्छता"]);
    expect(hi.filter((p) => p.mark).map((p) => p.text)).toEqual(["स्वच्छता"]);
    expect(mentions("<b>markup</b> stays text", ["markup"])).toBe(true);
  });

  it("cuts a long text around the first match, at spaces, with ellipses", () => {
    const long = `${"filler ".repeat(80)}the needle is here ${"tail ".repeat(80)}`;
    const cut = excerpt(long, ["needle"], 100);
    expect(cut).toContain("needle");
    expect(cut.startsWith("… ")).toBe(true);
    expect(cut.endsWith(" …")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(100 + 4);
    expect(excerpt("short text", ["x"])).toBe("short text");
  });

  it("reads a summary's Markdown as plain words and tells Hindi from English", () => {
    expect(plainMarkdown("## Overview\n**Most** agreed [#12] with [the text](https://x.example).")).toBe(
      "Overview Most agreed with the text.",
    );
    expect(languageOf("अधिकांश सहमत")).toBe("hi");
    expect(languageOf("Most agreed")).toBe("en");
  });
});

describe("search pages and the visitors' shared copy", () => {
  const facts = (url: string) => {
    const u = new URL(url, "http://app.example");
    return {
      method: "GET",
      pathname: u.pathname,
      search: u.searchParams,
      headers: new Headers({ accept: "text/html" }),
      cookieNames: [],
      sessionCookie: "next-auth.session-token",
    };
  };

  it("never serves a search from a copy, nor a principle page asked with a query", () => {
    expect(sharedPageKey(facts("/en/search?q=hygiene"))).toBeNull();
    expect(sharedPageKey(facts("/hi/search?q=स्वच्छता&group=comments&page=2"))).toBeNull();
    expect(sharedPageKey(facts("/en/consultations/paris-call/principles/cyber-hygiene?q=hygiene"))).toBeNull();
  });
});
