"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { OrganisationChoice } from "@/db/queries/organisations";
import {
  bumpSessionVersion,
  getPasswordHash,
  getSessionUser,
  registerParticipant,
  updatePasswordHash,
  updateProfile as updateProfileQuery,
  type SessionUser,
} from "@/db/queries/users";
import { confirmEmail, requestEmailConfirmation } from "@/lib/commands/email-confirmation";
import { auditEvent } from "@/lib/auth/audit-events";
import { publicBaseUrl } from "@/lib/auth/config";
import { reserveSignInAttempt, settleSignInAttempt } from "@/db/queries/sign-in-attempts";
import { authenticate } from "@/lib/auth/authenticate";
import { clientAddress } from "@/lib/auth/client-address";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSession, getCurrentUser, startSession } from "@/lib/auth/session";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import { safeRedirectPath } from "@/lib/rules/safe-redirect";
import {
  passwordChangeFields,
  passwordChangeSchema,
  profileFields,
  profileSchema,
  signInFields,
  signInSchema,
  signUpFields,
  signUpSchema,
  emailTokenSchema,
} from "@/lib/validation/account";
import { fieldErrorKeys, formFields } from "@/lib/validation/form-data";
import type { FormState } from "./form-state";

const SECRET_FIELDS = new Set(["password", "currentPassword", "newPassword"]);

function keep(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.has(k)));
}

function organisationChoice(organisation: string, newName: string): OrganisationChoice {
  if (organisation === "") return { kind: "none" };
  if (organisation === "new") return { kind: "new", name: newName };
  return { kind: "listed", id: organisation };
}

export async function signUp(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, signUpFields);
  const values = keep(raw);
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values };
  const input = parsed.data;
  const result = await registerParticipant(
    await getDb(),
    {
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      stakeholderGroup: input.stakeholderGroup,
      designation: input.designation,
      preferredLanguage: input.language,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      privacyConsentedAt: new Date(),
    },
    organisationChoice(input.organisation, input.newOrganisationName),
  );
  if (!result.ok) {
    const field = result.error === "emailTaken" ? "email" : "organisation";
    return { status: "error", errors: { [field]: result.error }, values };
  }
  await startSession(result.user);
  // If the message cannot be queued now, the profile page offers to send it again.
  await sendConfirmationLink(result.user);
  redirect(`/${input.language}/profile?welcome=1`);
}

/** Queues the confirmation link, written in the person's own language. */
async function sendConfirmationLink(user: SessionUser) {
  const t = await getTranslations({ locale: user.preferredLanguage, namespace: "emailConfirmation" });
  return requestEmailConfirmation(await getDb(), user, {
    linkFor: (token) => `${publicBaseUrl()}/${user.preferredLanguage}/confirm-email?token=${token}`,
    compose: (link) => ({ subject: t("mailSubject"), body: t("mailBody", { name: user.name, link }) }),
  });
}

/** "Send the link again" on the profile page. */
export async function resendEmailConfirmation(_prev: FormState, _formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) redirect(`/${await getLocale()}/signin`);
  const result = await sendConfirmationLink(user);
  if (result.ok) return { status: "ok", errors: {}, values: {} };
  if (result.error === "rateLimited") return { status: "error", errors: { form: "rateLimitedEmail" }, values: {}, retryAt: result.retryAt.toISOString() };
  return { status: "error", errors: { form: result.error }, values: {} };
}

/** The button on the page a confirmation link opens: a GET never confirms, so mail scanners cannot. */
export async function confirmEmailAddress(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, ["token"]);
  const parsed = emailTokenSchema.safeParse(raw.token);
  const db = await getDb();
  const result = parsed.success ? await confirmEmail(db, { token: parsed.data }) : ({ ok: false, error: "linkInvalid" } as const);
  if (!result.ok) return { status: "error", errors: { form: result.error }, values: {} };
  await auditEvent(db, (await getSessionUser(db, result.userId)) ?? null, "account.email_confirmed", { type: "user", id: result.userId }, {
    membershipsVerified: result.verifiedOrganisationIds.length,
  });
  redirect(`/${await getLocale()}/confirm-email?done=1`);
}

export async function signIn(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, signInFields);
  const values = keep(raw);
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values };
  const result = await authenticate(await getDb(), { ...parsed.data, address: await clientAddress() });
  if (!result.ok) {
    return result.error === "rateLimited"
      ? { status: "error", errors: { form: "rateLimited" }, values, retryAt: result.retryAt.toISOString() }
      : { status: "error", errors: { form: "invalidCredentials" }, values };
  }
  await startSession(result.user);
  redirect(safeRedirectPath(parsed.data.callbackUrl, `/${result.user.preferredLanguage}`));
}

/** Signing out bumps the session version: this cookie and any copy of it stop working everywhere. */
export async function signOut(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await bumpSessionVersion(await getDb(), user.id);
  await endSession();
  redirect(`/${await getLocale()}`);
}

async function signedInOrRedirect() {
  const user = await getCurrentUser();
  if (!user) redirect(`/${await getLocale()}/signin?callbackUrl=${encodeURIComponent(`/${await getLocale()}/profile`)}`);
  return user;
}

export async function updateProfile(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await signedInOrRedirect();
  const raw = formFields(formData, profileFields);
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const p = parsed.data;
  const result = await updateProfileQuery(
    await getDb(),
    user.id,
    { name: p.name, stakeholderGroup: p.stakeholderGroup, designation: p.designation, preferredLanguage: p.language },
    organisationChoice(p.organisation, p.newOrganisationName),
  );
  if (!result.ok) return { status: "error", errors: { organisation: result.error }, values: raw };
  return { status: "ok", errors: {}, values: { ...raw, organisation: "", newOrganisationName: "" } };
}

/** A new password signs out every other session; this browser gets a fresh cookie. */
export async function changePassword(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await signedInOrRedirect();
  const parsed = passwordChangeSchema.safeParse(formFields(formData, passwordChangeFields));
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: {} };
  const db = await getDb();
  // Guessing the current password is throttled like signing in, so a borrowed session cannot brute-force it.
  const attempt = await reserveSignInAttempt(db, user.email.toLowerCase(), await clientAddress());
  if (!attempt.ok) return { status: "error", errors: { currentPassword: "rateLimited" }, values: {}, retryAt: attempt.retryAt.toISOString() };
  const valid = await verifyPassword(await getPasswordHash(db, user.id), parsed.data.currentPassword);
  await settleSignInAttempt(db, attempt.attemptId, valid);
  if (!valid) return { status: "error", errors: { currentPassword: "currentPasswordWrong" }, values: {} };
  const sessionVersion = await updatePasswordHash(db, user.id, await hashPassword(parsed.data.newPassword));
  if (sessionVersion !== undefined) await startSession({ id: user.id, sessionVersion });
  return { status: "ok", errors: {}, values: {} };
}
