import { z } from "zod";
import {
  APPEAL_OUTCOMES,
  APPEAL_STATEMENT_MAX,
  APPEAL_STATEMENT_MIN,
  AUTO_HIDE_MAX,
  COMMENT_DECISIONS,
  MODERATION_NOTE_MAX,
  REPORT_DETAILS_MAX,
  REPORT_REASONS,
} from "@/lib/limits";
import { idField, longText, slugField } from "./text";

const note = longText({ max: MODERATION_NOTE_MAX }, { tooLong: "noteTooLong" }).default("");
/** Which consultation's queue a staff form returns to; anything else returns to the default queue. */
const queue = z
  .union([z.literal(""), slugField])
  .catch("")
  .default("");

export const reportSchema = z
  .object({
    commentId: idField,
    reason: z.enum(REPORT_REASONS, "reasonRequired"),
    details: longText({ max: REPORT_DETAILS_MAX }, { tooLong: "detailsTooLong" }).default(""),
  })
  .refine((r) => r.reason !== "other" || r.details.length > 0, { path: ["details"], message: "detailsRequired" });

export const decisionSchema = z
  .object({
    commentId: idField,
    action: z.enum(COMMENT_DECISIONS, "actionInvalid"),
    ruleId: z.union([z.literal(""), z.uuid()]).default(""),
    note,
    queue,
  })
  .refine((d) => d.action !== "hide" || d.ruleId !== "", { path: ["ruleId"], message: "ruleRequired" });

export const appealSchema = z.object({
  decisionId: idField,
  statement: longText({ min: APPEAL_STATEMENT_MIN, max: APPEAL_STATEMENT_MAX }, { tooShort: "appealTooShort", tooLong: "appealTooLong" }),
});

export const appealDecisionSchema = z.object({
  appealId: idField,
  outcome: z.enum(APPEAL_OUTCOMES, "outcomeRequired"),
  note,
  queue,
});

export const blockSchema = z.object({
  userId: z.uuid(),
  consultationId: z.uuid(),
  ruleId: z.union([z.literal(""), z.uuid()]).default(""),
  note,
  blocked: z.enum(["yes", "no"]),
  queue,
});

export const thresholdSchema = z.object({
  consultationSlug: slugField,
  threshold: z.coerce.number("thresholdInvalid").int("thresholdInvalid").min(1, "thresholdInvalid").max(AUTO_HIDE_MAX, "thresholdInvalid"),
});

export const preModerationSchema = z.object({ consultationSlug: slugField, on: z.enum(["yes", "no"]) });
