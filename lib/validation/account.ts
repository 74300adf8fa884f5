import { z } from "zod";
import { locales, stakeholderGroups } from "@/db/schema/enums";
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/rules/passwords";

// Messages are catalogue keys (messages.*.errors.<key>), translated where they are shown.
const name = z.string().trim().min(1, "nameRequired").max(120, "nameTooLong");
const email = z.string().trim().max(254, "emailInvalid").pipe(z.email("emailInvalid")).transform((v) => v.toLowerCase());
const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "passwordTooLong")
  .refine((p) => !isCommonPassword(p), "passwordCommon");
const stakeholderGroup = z.enum(stakeholderGroups, "groupRequired");
const designation = z.string().trim().max(120, "designationTooLong");
const language = z.enum(locales, "languageRequired");

/**
 * Organisation choice: "" (none: speaking for myself), "new" (name one below), or a listed organisation's id.
 */
const organisationChoice = z.union([z.literal(""), z.literal("new"), z.uuid("organisationInvalid")], "organisationInvalid");
const newOrganisationName = z.string().trim().max(200, "organisationNameTooLong");

function requireNamedOrganisation<T extends { organisation: string; newOrganisationName: string }>(
  value: T,
  ctx: z.RefinementCtx,
) {
  if (value.organisation === "new" && value.newOrganisationName.length < 2) {
    ctx.addIssue({ code: "custom", path: ["newOrganisationName"], message: "organisationNameRequired" });
  }
}

export const signUpFields = [
  "name", "email", "password", "stakeholderGroup", "organisation", "newOrganisationName", "designation",
  "language", "consent",
] as const;

export const signUpSchema = z
  .object({
    name,
    email,
    password: newPassword,
    stakeholderGroup,
    organisation: organisationChoice.default(""),
    newOrganisationName: newOrganisationName.default(""),
    designation: designation.default(""),
    language,
    consent: z.literal("yes", "consentRequired"),
  })
  .superRefine(requireNamedOrganisation);
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInFields = ["email", "password", "callbackUrl"] as const;
export const signInSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").max(254, "emailInvalid").transform((v) => v.toLowerCase()),
  password: z.string().min(1, "passwordRequired").max(PASSWORD_MAX_LENGTH, "passwordTooLong"),
  callbackUrl: z.string().max(500).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const profileFields = [
  "name", "stakeholderGroup", "organisation", "newOrganisationName", "designation", "language",
] as const;
export const profileSchema = z
  .object({
    name,
    stakeholderGroup,
    organisation: organisationChoice.default(""),
    newOrganisationName: newOrganisationName.default(""),
    designation: designation.default(""),
    language,
  })
  .superRefine(requireNamedOrganisation);
export type ProfileInput = z.infer<typeof profileSchema>;

export const passwordChangeFields = ["currentPassword", "newPassword"] as const;
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, "passwordRequired").max(PASSWORD_MAX_LENGTH, "passwordTooLong"),
  newPassword,
});

/** A confirmation link's token: 32 random bytes in base64url. */
export const emailTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
