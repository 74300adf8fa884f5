import { z } from "zod";
import { LOCALES, STAKEHOLDER_GROUPS } from "@/lib/limits";
import {
  DESIGNATION_MAX,
  EMAIL_MAX,
  NAME_MAX,
  ORGANISATION_NAME_MAX,
  ORGANISATION_NAME_MIN,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from "@/lib/limits";
import { isCommonPassword } from "@/lib/rules/passwords";

// Messages are catalogue keys (messages.*.errors.<key>), translated where they are shown.
const name = z.string().trim().min(1, "nameRequired").max(NAME_MAX, "nameTooLong");
const email = z
  .string()
  .trim()
  .max(EMAIL_MAX, "emailInvalid")
  .pipe(z.email("emailInvalid"))
  .transform((v) => v.toLowerCase());
const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "passwordTooLong")
  .refine((p) => !isCommonPassword(p), "passwordCommon");
const stakeholderGroup = z.enum(STAKEHOLDER_GROUPS, "groupRequired");
const designation = z.string().trim().max(DESIGNATION_MAX, "designationTooLong");
const language = z.enum(LOCALES, "languageRequired");

/**
 * Organisation choice: "" (none: speaking for myself), "new" (name one below), or a listed organisation's id.
 */
const organisationChoice = z.union([z.literal(""), z.literal("new"), z.uuid("organisationInvalid")], "organisationInvalid");
const newOrganisationName = z.string().trim().max(ORGANISATION_NAME_MAX, "organisationNameTooLong");

function requireNamedOrganisation<T extends { organisation: string; newOrganisationName: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.organisation === "new" && value.newOrganisationName.length < ORGANISATION_NAME_MIN) {
    ctx.addIssue({ code: "custom", path: ["newOrganisationName"], message: "organisationNameRequired" });
  }
}

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
    // The Act asks a guardian's consent for a child (s. 9): this platform takes adults only.
    adult: z.literal("yes", "adultRequired"),
    consent: z.literal("yes", "consentRequired"),
  })
  .superRefine(requireNamedOrganisation);

export const signInSchema = z.object({
  // Lower-cased before it is measured: some letters lower-case to two ("İ"), and the limit holds on what is kept.
  email: z.string().trim().toLowerCase().min(1, "emailRequired").max(EMAIL_MAX, "emailInvalid"),
  password: z.string().min(1, "passwordRequired").max(PASSWORD_MAX_LENGTH, "passwordTooLong"),
  callbackUrl: z.string().max(500).optional(),
});

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

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, "passwordRequired").max(PASSWORD_MAX_LENGTH, "passwordTooLong"),
  newPassword,
});

/** A confirmation link's token: 32 random bytes in base64url. */
export const emailTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
