import { z } from "zod";
import { MEMBERSHIP_REASON_MAX, ROLES } from "@/lib/limits";
import { longText } from "./text";

export const membershipReviewSchema = z.object({
  userId: z.uuid(),
  organisationId: z.uuid(),
  decision: z.enum(["approve", "reject"], "actionInvalid"),
  reason: longText({ max: MEMBERSHIP_REASON_MAX }, { tooLong: "noteTooLong" }).default(""),
});

// A bare host name: letters, digits and hyphens in dot-separated labels.
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, "domainInvalid")
  .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "domainInvalid");

export const organisationVerificationSchema = z.object({
  organisationId: z.uuid(),
  domain: z.union([z.literal(""), domain]).default(""),
});

export const signingAuthoritySchema = z.object({
  userId: z.uuid(),
  organisationId: z.uuid(),
  maySign: z.enum(["yes", "no"]),
});

export const roleChangeSchema = z.object({ userId: z.uuid(), role: z.enum(ROLES, "actionInvalid") });
