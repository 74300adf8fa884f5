import { describe, expect, it } from "vitest";
import { characterStatus, countCharacters } from "@/components/ui/character-limit";
import { COMMENT_BODY_MAX, COMMENT_BODY_MIN, ENDORSEMENT_STATEMENT_MAX, SUMMARY_SECTION_MAX } from "@/lib/limits";
import { editCommentSchema, endorsementSchema } from "@/lib/validation/comments";
import { summaryFormSchema } from "@/lib/validation/summaries";

const comment = { min: COMMENT_BODY_MIN, max: COMMENT_BODY_MAX, trim: true };
/** What the browser sends for a textarea whose value (what the counter reads) is `value`. */
const submitted = (value: string) => value.replace(/\n/g, "\r\n");
/** A text of exactly n characters as a textarea holds it, with a line break every 50. */
const withBreaks = (n: number) =>
  Array.from({ length: n }, (_, i) => (i % 50 === 49 ? "\n" : "x"))
    .join("")
    .replace(/\n$/, "x");

describe("the character counter counts as the server does", () => {
  it("says what is left, what is missing and what is too much", () => {
    expect(characterStatus("", comment)).toEqual({ kind: "left", count: COMMENT_BODY_MAX });
    expect(characterStatus("short", comment)).toEqual({ kind: "short", count: COMMENT_BODY_MIN - 5 });
    expect(characterStatus("x".repeat(COMMENT_BODY_MAX - 30), comment)).toEqual({ kind: "near", count: 30 });
    expect(characterStatus("x".repeat(COMMENT_BODY_MAX + 2), comment)).toEqual({ kind: "over", count: 2 });
  });

  it("counts a line break once: a comment the counter allows is one the server accepts, one more character is refused", () => {
    const full = withBreaks(COMMENT_BODY_MAX);
    expect(full).toContain("\n");
    expect(characterStatus(full, comment)).toEqual({ kind: "near", count: 0 });
    expect(editCommentSchema.safeParse({ commentId: 1, body: submitted(full), stance: "none" }).success).toBe(true);

    const over = `${full}y`;
    expect(characterStatus(over, comment)).toEqual({ kind: "over", count: 1 });
    const refused = editCommentSchema.safeParse({ commentId: 1, body: submitted(over), stance: "none" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("commentTooLong");
  });

  it("ignores the spaces the server trims from comments and statements, but not from summaries", () => {
    const padded = `  ${"x".repeat(COMMENT_BODY_MIN)}  \n`;
    expect(countCharacters(padded, true)).toBe(COMMENT_BODY_MIN);
    expect(characterStatus(padded, comment).kind).not.toBe("short");
    expect(editCommentSchema.safeParse({ commentId: 1, body: submitted(padded), stance: "none" }).success).toBe(true);

    const statement = ` ${"s".repeat(ENDORSEMENT_STATEMENT_MAX)} `;
    expect(characterStatus(statement, { max: ENDORSEMENT_STATEMENT_MAX, trim: true })).toEqual({ kind: "near", count: 0 });
    expect(endorsementSchema.safeParse({ target: "consultation", capacity: "personal", statement }).success).toBe(true);

    const section = `${withBreaks(SUMMARY_SECTION_MAX - 1)} `;
    expect(characterStatus(section, { max: SUMMARY_SECTION_MAX })).toEqual({ kind: "near", count: 0 });
    const principleId = "00000000-0000-4000-8000-000000000000";
    expect(summaryFormSchema.safeParse({ principleId, overview: submitted(section) }).success).toBe(true);
    expect(summaryFormSchema.safeParse({ principleId, overview: submitted(`${section}!`) }).success).toBe(false);
  });
});
