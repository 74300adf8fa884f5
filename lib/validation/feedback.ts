import { z } from "zod";
import { EMAIL_MAX, FEEDBACK_MESSAGE_MAX, FEEDBACK_MESSAGE_MIN, NAME_MAX } from "@/lib/limits";
import { longText } from "./text";

/** A path on this site (where the sender was); anything else is dropped rather than stored. */
const pagePath = z
  .string()
  .max(500)
  .default("")
  .transform((p) => (/^\/(en|hi)(\/[A-Za-z0-9\-._~/%]*)?(\?[A-Za-z0-9\-._~%=&+]*)?$/.test(p) ? p : ""));

export const feedbackSchema = z.object({
  name: z
    .string()
    .default("")
    .transform((s) => s.trim())
    .pipe(z.string().max(NAME_MAX, "nameTooLong")),
  email: z
    .string()
    .default("")
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(EMAIL_MAX, "emailInvalid")
        .refine((s) => s === "" || z.email().safeParse(s).success, "emailInvalid"),
    ),
  message: longText({ min: FEEDBACK_MESSAGE_MIN, max: FEEDBACK_MESSAGE_MAX }, { tooShort: "feedbackTooShort", tooLong: "feedbackTooLong" }),
  pagePath,
  formToken: z.uuid("formExpired"),
  // The honeypot: people never see it, so it must arrive empty.
  website: z.string().max(500).default(""),
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;
