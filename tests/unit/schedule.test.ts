import { describe, expect, it } from "vitest";
import { COMMENT_PERIOD_MIN_DAYS } from "@/lib/limits";
import { missingHindiTexts } from "@/lib/rules/consultation-publication";
import {
  commentPeriodDays,
  isCommentPeriodShort,
  parseIndiaDate,
  parseIndiaDateTime,
  placeholderSchedule,
  scheduleErrors,
  toIndiaDateInput,
  toIndiaDateTimeInput,
} from "@/lib/rules/schedule";
import { scheduleFormSchema } from "@/lib/validation/consultations";

const at = (iso: string) => new Date(iso);

describe("India time in the schedule's inputs", () => {
  it("reads a datetime-local value as IST (UTC+05:30) and writes it back the same", () => {
    const d = parseIndiaDateTime("2026-03-01T09:30");
    expect(d?.toISOString()).toBe("2026-03-01T04:00:00.000Z");
    expect(toIndiaDateTimeInput(at("2026-03-01T04:00:00Z"))).toBe("2026-03-01T09:30");
    // 20:00 UTC is already the next day in India.
    expect(toIndiaDateInput(at("2026-03-01T20:00:00Z"))).toBe("2026-03-02");
    expect(parseIndiaDate("2026-03-02")?.toISOString()).toBe("2026-03-01T18:30:00.000Z");
  });

  it.each(["", "2026-02-30T10:00", "2026-13-01T10:00", "2026-03-01 09:30", "2026-03-01T24:00", "yesterday"])("refuses %j", (v) => {
    expect(parseIndiaDateTime(v)).toBeNull();
  });

  it("starts a draft's first schedule at the next midnight in India, for the minimum period", () => {
    const s = placeholderSchedule(at("2026-03-01T20:00:00Z"), 30); // 01:30 on 2 March in India
    expect(s.opensAt.toISOString()).toBe("2026-03-02T18:30:00.000Z");
    expect(commentPeriodDays(s)).toBe(30);
  });
});

describe("schedule rules", () => {
  const base = { opensAt: at("2026-03-01T00:00:00Z"), closesAt: at("2026-04-15T00:00:00Z"), counterClosesAt: null, summaryDueAt: null };

  it("accept dates in order", () => {
    expect(scheduleErrors({ ...base, counterClosesAt: at("2026-04-30T00:00:00Z"), summaryDueAt: at("2026-05-30T00:00:00Z") })).toEqual({});
  });

  it("name each date out of order", () => {
    expect(scheduleErrors({ ...base, closesAt: base.opensAt })).toEqual({ closesAt: "closesBeforeOpens" });
    expect(scheduleErrors({ ...base, counterClosesAt: base.closesAt })).toEqual({ counterClosesAt: "counterBeforeClose" });
    expect(scheduleErrors({ ...base, summaryDueAt: at("2026-04-01T00:00:00Z") })).toEqual({ summaryDueAt: "summaryBeforeClose" });
    // With a counter-comment window, the summary waits for its end too.
    expect(scheduleErrors({ ...base, counterClosesAt: at("2026-04-30T00:00:00Z"), summaryDueAt: at("2026-04-20T00:00:00Z") })).toEqual({
      summaryDueAt: "summaryBeforeClose",
    });
  });

  it("call a comment period short below the minimum, not at it", () => {
    const opensAt = at("2026-03-01T00:00:00Z");
    const days = (n: number) => new Date(opensAt.getTime() + n * 86_400_000);
    expect(isCommentPeriodShort({ opensAt, closesAt: days(COMMENT_PERIOD_MIN_DAYS) }, COMMENT_PERIOD_MIN_DAYS)).toBe(false);
    expect(isCommentPeriodShort({ opensAt, closesAt: days(COMMENT_PERIOD_MIN_DAYS - 0.01) }, COMMENT_PERIOD_MIN_DAYS)).toBe(true);
  });
});

describe("the schedule form", () => {
  const id = "00000000-0000-4000-8000-000000000001";
  const issues = (input: Record<string, string>) => {
    const r = scheduleFormSchema.safeParse({ consultationId: id, ...input });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("asks for an acknowledgement of a short period, and accepts it given", () => {
    const short = { opensAt: "2026-03-01T10:00", closesAt: "2026-03-11T10:00" };
    expect(issues(short)).toEqual({ acknowledgeShort: "commentPeriodShort" });
    expect(issues({ ...short, acknowledgeShort: "yes" })).toEqual({});
  });

  it("reports bad order against the field, not as a short period", () => {
    expect(issues({ opensAt: "2026-03-11T10:00", closesAt: "2026-03-01T10:00" })).toEqual({ closesAt: "closesBeforeOpens" });
    expect(issues({ opensAt: "soon", closesAt: "2026-03-01T10:00" })).toEqual({ opensAt: "dateTimeInvalid" });
  });
});

describe("Hindi versions needed to publish", () => {
  it("lists every official text without Hindi, explainers aside", () => {
    expect(
      missingHindiTexts({
        titleHi: "शीर्षक",
        descriptionHi: "  ",
        sections: [
          { position: 2, titleHi: null, bodyHi: "पाठ" },
          { position: 1, titleHi: "एक", bodyHi: "" },
        ],
      }),
    ).toEqual([{ text: "introduction" }, { text: "sectionBody", position: 1 }, { text: "sectionTitle", position: 2 }]);
    expect(missingHindiTexts({ titleHi: "क", descriptionHi: "ख", sections: [{ position: 1, titleHi: "ग", bodyHi: "घ" }] })).toEqual([]);
  });
});
