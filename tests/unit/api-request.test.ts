import { describe, expect, it } from "vitest";
import { z } from "zod";
import { entityTag, matchesIfNoneMatch, parseQuery, retryAfterSeconds } from "@/lib/rules/api-request";
import { afterParam, groupParam, limitParam, principleParam, targetParam } from "@/lib/validation/open-data";

const schemas = { after: afterParam, limit: limitParam, group: groupParam, principle: principleParam, target: targetParam };
const q = (s: string) => parseQuery(new URLSearchParams(s), schemas);

describe("query parameters", () => {
  it("parses a cursor and a page size into numbers", () => {
    expect(q("after=42&limit=10")).toEqual({ ok: true, params: { after: 42, limit: 10 } });
    expect(q("")).toEqual({ ok: true, params: {} });
    expect(q("limit=200")).toEqual({ ok: true, params: { limit: 200 } });
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=201", "limit"],
    ["limit=1.5", "limit"],
    ["limit=", "limit"],
    ["after=0", "after"],
    ["after=-3", "after"],
    ["after=007", "after"],
    ["after=2147483648", "after"],
    ["after=1e3", "after"],
    ["group=aliens", "group"],
    ["limit=5&limit=5", "limit"],
    ["limt=5", "limt"],
    ["constructor=1", "constructor"],
    ["principle=Principle-1", "principle"],
    ["principle=principle_1", "principle"],
    ["principle=-principle", "principle"],
    ["target=", "target"],
    ["target=Consultation", "target"],
    ["target=a%20b", "target"],
  ])("refuses %s, naming %s", (search, parameter) => {
    const r = q(search);
    expect(r).toMatchObject({ ok: false, parameter, message: expect.stringContaining(`"${parameter}"`) });
  });

  it("takes a principle's slug, and reads a target as a slug or \"consultation\" (which one it names is the endpoint's to check)", () => {
    expect(q("principle=principle-2&target=consultation")).toEqual({
      ok: true,
      params: { principle: "principle-2", target: "consultation" },
    });
    // A principle's id is well formed as a target, and then names no principle (tests/integration/open-data-csv.test.ts).
    const id = "0b4e7c1e-6a59-4f0e-9f43-2a1f5c2d9b7a";
    expect(q(`target=${id}`)).toEqual({ ok: true, params: { target: id } });
  });

  it("takes the largest id there is", () => {
    expect(q("after=2147483647")).toEqual({ ok: true, params: { after: 2_147_483_647 } });
  });

  it("checks a parameter against whatever schema the endpoint gives", () => {
    expect(parseQuery(new URLSearchParams("x=yes"), { x: z.enum(["yes", "no"]) })).toEqual({ ok: true, params: { x: "yes" } });
  });
});

describe("ETag", () => {
  it("is the same for the same body and differs for another", () => {
    expect(entityTag('{"a":1}')).toBe(entityTag('{"a":1}'));
    expect(entityTag('{"a":1}')).not.toBe(entityTag('{"a":2}'));
    expect(entityTag("")).toMatch(/^"[\w-]{32}"$/);
  });

  it("matches If-None-Match lists, weak tags and *, and nothing else", () => {
    const tag = entityTag("body");
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(`"other", W/${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch("*", tag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch(null, tag)).toBe(false);
    expect(matchesIfNoneMatch(tag.slice(1, -1), tag)).toBe(false);
  });
});

describe("Retry-After", () => {
  it("rounds up to whole seconds, at least one", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(retryAfterSeconds(new Date(now.getTime() + 400), now)).toBe(1);
    expect(retryAfterSeconds(new Date(now.getTime() + 1500), now)).toBe(2);
    expect(retryAfterSeconds(now, now)).toBe(1);
  });
});
