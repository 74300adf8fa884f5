import { describe, expect, it } from "vitest";
import { SUMMARY_SECTION_MAX } from "@/lib/limits";
import { withOutcome } from "@/lib/actions/kit/confirmation";
import { initialFormState } from "@/lib/actions/form-state";
import { commentSchema } from "@/lib/validation/comments";
import { readForm } from "@/lib/validation/form-data";
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

describe("an action handed something other than its form (a replayed post's shifted $ACTION arguments)", () => {
  // A hand-made JS-off post chooses the arguments React passes: `[null, null]` as the bound state put null where the
  // form data goes, and the action's first formData.get threw (a 500 found by tests/e2e/action-replay.spec.ts).
  it.each([null, undefined, 5, "text", { get: 1 }, []])(
    "reads %j as an empty form and answers with the form's errors",
    async (notAForm) => {
      const { submitMembershipReview } = await import("@/lib/actions/organisations");
      const state = await submitMembershipReview(initialFormState, notAForm as unknown as FormData);
      expect(state.status).toBe("error");
      expect(Object.keys(state.errors).length).toBeGreaterThan(0);
    },
  );

  it("readForm takes only form data", () => {
    expect(readForm(null as unknown as FormData, ["body"])).toEqual({});
  });
});
