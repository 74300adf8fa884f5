import { z } from "zod";
import {
  COMMENT_BODY_MAX,
  COMMENT_BODY_MIN,
  LOCALES,
  OFF_PLATFORM_CHANNELS,
  STAKEHOLDER_GROUPS,
  STANCES,
  SUBMITTER_NAME_MAX,
} from "@/lib/limits";
import { longText, slugField } from "./text";

/**
 * A calendar date as a date input sends it (YYYY-MM-DD), checked to be a real day. Dates on the platform are
 * Indian dates, so the day is read in IST: its start is that midnight in India.
 */
export const indianDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "receivedDateInvalid")
  .transform((s, ctx) => {
    const start = new Date(`${s}T00:00:00+05:30`);
    // 2026-02-30 parses as 2 March: a day that does not exist is refused, not moved.
    const back = Number.isNaN(start.getTime())
      ? ""
      : new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", year: "numeric", month: "2-digit", day: "2-digit" }).format(start);
    if (back !== s) {
      ctx.addIssue({ code: "custom", message: "receivedDateInvalid" });
      return z.NEVER;
    }
    return start;
  });

/** A moderator's entry of a submission received by post, email or at a meeting. */
export const offPlatformSchema = z.object({
  consultationSlug: slugField,
  principleId: z.uuid("sectionRequired"),
  submitterName: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "submitterNameRequired").max(SUBMITTER_NAME_MAX, "submitterNameTooLong")),
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, "submitterGroupRequired"),
  channel: z.enum(OFF_PLATFORM_CHANNELS, "channelRequired"),
  receivedOn: indianDate,
  stance: z.enum(STANCES, "submissionStanceRequired"),
  language: z.enum(LOCALES, "languageRequired"),
  body: longText({ min: COMMENT_BODY_MIN, max: COMMENT_BODY_MAX }, { tooShort: "commentTooShort", tooLong: "commentTooLong" }),
  formToken: z.uuid("formExpired"),
});
export type OffPlatformInput = z.output<typeof offPlatformSchema>;
