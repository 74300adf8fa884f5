import { z } from "zod";
import { CONSULTATION_REPORT_INTRO_MAX, CONSULTATION_REPORT_INTRO_MIN, SUMMARY_SECTION_MAX } from "@/lib/limits";
import { longText, normaliseLineBreaks, slugField } from "./text";

// Not trimmed: a summary is markdown, where leading spaces can matter; line breaks are still counted once.
const section = z.string().transform(normaliseLineBreaks).pipe(z.string().max(SUMMARY_SECTION_MAX, "sectionTooLong")).default("");

// One field per part of the summary (SUMMARY_SECTIONS in lib/limits.ts).
export const summaryFormSchema = z.object({
  principleId: z.uuid(),
  intent: z.enum(["save", "publish"]).default("save"),
  overview: section,
  government: section,
  private_sector: section,
  civil_society: section,
  technical_community: section,
  academia: section,
  agreement: section,
  disagreement: section,
  notReflected: section,
});

export const consultationReportFormSchema = z.object({
  consultationSlug: slugField,
  introduction: longText(
    { min: CONSULTATION_REPORT_INTRO_MIN, max: CONSULTATION_REPORT_INTRO_MAX },
    { tooShort: "introductionTooShort", tooLong: "introductionTooLong" },
  ),
});
