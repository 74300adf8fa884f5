import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import hi from "@/lib/i18n/messages/hi.json";
import { fillLimitTokens, limitTokensIn } from "@/lib/i18n/limit-tokens";
import { COMMENT_BODY_MAX, SUMMARY_SECTION_MAX } from "@/lib/limits";

describe("limits quoted in the catalogue", () => {
  it("come from lib/limits.ts, in both languages alike", () => {
    const tokens = limitTokensIn(en);
    expect(tokens.length).toBeGreaterThan(15);
    expect([...limitTokensIn(hi)].sort()).toEqual([...tokens].sort());
    // Filling throws on a token that is not a numeric limit.
    expect(() => fillLimitTokens(en, "en")).not.toThrow();
    expect(() => fillLimitTokens(hi, "hi")).not.toThrow();
  });

  it("are filled in with the number the server checks, grouped the Indian way", () => {
    const filled = fillLimitTokens(en, "en") as typeof en;
    expect(filled.errors.commentTooLong).toBe(`Use at most ${COMMENT_BODY_MAX.toLocaleString("en-IN")} characters.`);
    expect(filled.errors.sectionTooLong).toContain("20,000");
    expect(SUMMARY_SECTION_MAX).toBe(20_000);
    expect(JSON.stringify(fillLimitTokens(hi, "hi"))).not.toMatch(/%[A-Z_]+%/);
    expect(fillLimitTokens({ a: "up to %SUMMARY_SECTION_MAX%" }, "en")).toEqual({ a: "up to 20,000" });
  });

  it("refuse a token that names no limit", () => {
    expect(() => fillLimitTokens({ a: "at most %NO_SUCH_LIMIT% characters" }, "en")).toThrow(/NO_SUCH_LIMIT/);
    expect(() => fillLimitTokens({ a: "%STANCES%" }, "en")).toThrow(/STANCES/);
  });
});
