import { z } from "zod";
import { EMAIL_MAX } from "@/lib/limits";
import { emailTokenSchema, passwordChangeSchema, signUpSchema } from "./account";

// The same address and password rules as signing up; messages are catalogue keys (errors.<key>).
const email = signUpSchema.shape.email;
const newPassword = passwordChangeSchema.shape.newPassword;

export const forgotPasswordSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").max(EMAIL_MAX, "emailInvalid").pipe(email),
});

export const resetPasswordSchema = z.object({
  // A malformed token is answered like an unknown one: the link does not work.
  token: emailTokenSchema.catch(""),
  newPassword,
});

export const emailChangeSchema = z.object({
  newEmail: z.string().trim().min(1, "emailRequired").max(EMAIL_MAX, "emailInvalid").pipe(email),
  currentPassword: passwordChangeSchema.shape.currentPassword,
});

/** An unticked checkbox is not sent at all: absent means off. */
const tick = z
  .string()
  .optional()
  .transform((v) => v === "on");

export const notificationPreferencesSchema = z.object({ decision: tick, reply: tick, citation: tick, consultation: tick, cosign: tick });
