"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { OrganisationChoice } from "@/db/queries/organisations";
import {
  bumpSessionVersion,
  getPasswordHash,
  registerParticipant,
  updatePasswordHash,
  updateProfile as updateProfileQuery,
} from "@/db/queries/users";
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
  redirect(`/${input.language}/profile?welcome=1`);
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
    user.email,
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
