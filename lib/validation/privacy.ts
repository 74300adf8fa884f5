import { z } from "zod";
import {
  EMAIL_MAX,
  ERASURE_COMMENT_CHOICES,
  GRIEVANCE_MESSAGE_MAX,
  GRIEVANCE_MESSAGE_MIN,
  NAME_MAX,
  PASSWORD_MAX_LENGTH,
} from "@/lib/limits";
import { idField, longText } from "./text";

// Messages are catalogue keys (messages.*.errors.<key>), translated where they are shown.

/** "Erase my account": the current password again, the choice for the comments, and an explicit confirmation. */
export const erasureSchema = z.object({
  currentPassword: z.string().min(1, "passwordRequired").max(PASSWORD_MAX_LENGTH, "passwordTooLong"),
  comments: z.enum(ERASURE_COMMENT_CHOICES, "erasureChoiceRequired"),
  confirm: z.literal("yes", "erasureConfirmRequired"),
});
export type ErasureInput = z.infer<typeof erasureSchema>;

/** A grievance must say who to answer: unlike feedback, name and address are required. */
export const grievanceSchema = z.object({
  name: z.string().trim().min(1, "nameRequired").max(NAME_MAX, "nameTooLong"),
  email: z.string().trim().min(1, "emailRequired").max(EMAIL_MAX, "emailInvalid").pipe(z.email("emailInvalid")),
  message: longText(
    { min: GRIEVANCE_MESSAGE_MIN, max: GRIEVANCE_MESSAGE_MAX },
    { tooShort: "grievanceTooShort", tooLong: "grievanceTooLong" },
  ),
  formToken: z.uuid("formExpired"),
  stamp: z.string().max(200).default(""),
  // The honeypot: people never see it, so it must arrive empty.
  website: z.string().max(500).default(""),
});
export type GrievanceInput = z.infer<typeof grievanceSchema>;

export const grievanceResolutionSchema = z.object({
  grievanceId: idField,
  resolution: z.string().trim().min(1, "resolutionRequired").max(2000, "resolutionTooLong"),
});
