import { describe, expect, it } from "vitest";
import { SUMMARY_SECTION_MAX } from "@/lib/limits";
import { withOutcome } from "@/lib/actions/kit/confirmation";
import { commentSchema } from "@/lib/validation/comments";
import { appealSchema, reportSchema } from "@/lib/validation/moderation";
import { summaryFormSchema } from "@/lib/validation/summaries";
import { normaliseLineBreaks } from "@/lib/validation/text";

describe("the page an action lands on says what happened", () => {
  it("adds the confirmation before the fragment and keeps the query", () => {
    expect(withOutcome("/en/moderate?consultation=paris-call", "decisionRecorded")).toBe(
      "/en/moderate?consultation=paris-call&done=decisionRecorded",
    );
    expect(withOutcome("/en/consultations/paris-call#endorse", "endorsementWithdrawn")).toBe(
      "/en/consultations/paris-call?done=endorsementWithdrawn#endorse",
    );
  });

  it("says why a button action was refused, replacing an earlier outcome", () => {
    expect(withOutcome("/en/admin/users?done=roleChanged", { failed: "forbidden" })).toBe("/en/admin/users?failed=forbidden");
  });

  it("leaves the address alone where the page says it in its own words", () => {
    expect(withOutcome("/en/profile?welcome=1", null)).toBe("/en/profile?welcome=1");
  });
});

describe("long texts count a line break once", () => {
  const CRLF = "\r\n";

  it("normalises Windows and old Mac line breaks", () => {
    expect(normaliseLineBreaks(`a${CRLF}b\rc\nd`)).toBe("a\nb\nc\nd");
  });

  it("accepts a summary section at the limit however the browser sent its line breaks", () => {
    const line = "x".repeat(99);
    // 200 lines of 99 characters joined by 199 breaks: 19,999 characters once each break counts as one.
    const text = Array.from({ length: 200 }, () => line).join(CRLF) + "x";
    expect(text.replace(/\r\n/g, "\n")).toHaveLength(SUMMARY_SECTION_MAX);
    const parsed = summaryFormSchema.safeParse({ principleId: crypto.randomUUID(), overview: text });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.overview).toHaveLength(SUMMARY_SECTION_MAX);
    expect(parsed.data?.overview).not.toContain("\r");
  });

  it("still refuses a summary section one character over the limit", () => {
    const parsed = summaryFormSchema.safeParse({ principleId: crypto.randomUUID(), overview: "x".repeat(SUMMARY_SECTION_MAX + 1) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["overview"], message: "sectionTooLong" });
  });

  it("stores comments, reports and appeals with one kind of line break", () => {
    const comment = commentSchema.parse({ body: `First line${CRLF}second line`, stance: "supports", formToken: crypto.randomUUID() });
    expect(comment.body).toBe("First line\nsecond line");
    const report = reportSchema.parse({ commentId: "7", reason: "other", details: `One${CRLF}two` });
    expect(report.details).toBe("One\ntwo");
    const appeal = appealSchema.parse({ decisionId: "3", statement: `Please look again${CRLF}at the context.` });
    expect(appeal.statement).toBe("Please look again\nat the context.");
  });
});
