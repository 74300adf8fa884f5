import { z } from "zod";

const section = z.string().max(20_000, "sectionTooLong").default("");

// One field per part of the summary (db/schema/summaries.ts summarySections).
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

export const reportFormSchema = z.object({
  consultationSlug: z.string().min(1).max(200),
  introduction: z.string().trim().min(50, "introductionTooShort").max(10_000, "introductionTooLong"),
});
