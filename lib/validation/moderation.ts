import { z } from "zod";
import { reportReasons } from "@/db/schema/enums";

export const reportFields = ["commentId", "reason", "details"] as const;
export const reportSchema = z
  .object({
    commentId: z.coerce.number().int().positive().max(2_147_483_647),
    reason: z.enum(reportReasons, "reasonRequired"),
    details: z.string().trim().max(1000, "detailsTooLong").default(""),
  })
  .refine((r) => r.reason !== "other" || r.details.length > 0, { path: ["details"], message: "detailsRequired" });

export const decisionFields = ["commentId", "action", "ruleId", "note"] as const;
export const decisionSchema = z
  .object({
    commentId: z.coerce.number().int().positive().max(2_147_483_647),
    action: z.enum(["approve", "keep", "hide", "restore"], "actionInvalid"),
    ruleId: z.union([z.literal(""), z.uuid()]).default(""),
    note: z.string().trim().max(1000, "noteTooLong").default(""),
  })
  .refine((d) => d.action !== "hide" || d.ruleId !== "", { path: ["ruleId"], message: "ruleRequired" });

export const appealFields = ["decisionId", "statement"] as const;
export const appealSchema = z.object({
  decisionId: z.coerce.number().int().positive().max(2_147_483_647),
  statement: z.string().trim().min(10, "appealTooShort").max(2000, "appealTooLong"),
});

export const appealDecisionFields = ["appealId", "outcome", "note"] as const;
export const appealDecisionSchema = z.object({
  appealId: z.coerce.number().int().positive().max(2_147_483_647),
  outcome: z.enum(["upheld", "reversed"], "outcomeRequired"),
  note: z.string().trim().max(1000, "noteTooLong").default(""),
});

export const blockFields = ["userId", "consultationId", "ruleId", "note", "blocked"] as const;
export const blockSchema = z.object({
  userId: z.uuid(),
  consultationId: z.uuid(),
  ruleId: z.union([z.literal(""), z.uuid()]).default(""),
  note: z.string().trim().max(1000, "noteTooLong").default(""),
  blocked: z.enum(["yes", "no"]),
});

export const thresholdSchema = z.object({
  consultationSlug: z.string().min(1).max(200),
  threshold: z.coerce.number("thresholdInvalid").int("thresholdInvalid").min(1, "thresholdInvalid").max(50, "thresholdInvalid"),
});

/** Which consultation's queue a moderation form returns to; anything else returns to the default queue. */
export const queueSlugSchema = z.string().regex(/^[a-z0-9-]{1,100}$/);
