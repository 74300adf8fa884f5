"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import type { OrganisationChoice } from "@/db/queries/organisations";
import { reserveSignInAttempt, settleSignInAttempt } from "@/db/queries/sign-in-attempts";
import {
  bumpSessionVersion,
  getPasswordHash,
  getSessionUser,
  registerParticipant,
  updatePasswordHash,
  updateProfile as updateProfileQuery,
  type SessionUser,
} from "@/db/queries/users";
import { auditEvent } from "@/lib/auth/audit-events";
import { authenticate } from "@/lib/auth/authenticate";
import { clientAddress } from "@/lib/auth/client-address";
import { publicBaseUrl } from "@/lib/auth/config";
import { requireUser } from "@/lib/auth/guards";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSession, getCurrentUser, startSession } from "@/lib/auth/session";
import { confirmEmail, requestEmailConfirmation } from "@/lib/commands/email-confirmation";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import { safeRedirectPath } from "@/lib/rules/safe-redirect";
import { emailTokenSchema, passwordChangeSchema, profileSchema, signInSchema, signUpSchema } from "@/lib/validation/account";
import { formAction } from "./kit/form-action";

/** Account actions act on the session's own user; none takes an account from the form. */
const noAccount = () => null;

function organisationChoice(organisation: string, newName: string): OrganisationChoice {
  if (organisation === "") return { kind: "none" };
  if (organisation === "new") return { kind: "new", name: newName };
  return { kind: "listed", id: organisation };
}

/** Queues the confirmation link, written in the person's own language. */
async function sendConfirmationLink(db: Db, user: SessionUser) {
  const t = await getTranslations({ locale: user.preferredLanguage, namespace: "emailConfirmation" });
  return requestEmailConfirmation(db, user, {
    linkFor: (token) => `${publicBaseUrl()}/${user.preferredLanguage}/confirm-email?token=${token}`,
    compose: (link) => ({ subject: t("mailSubject"), body: t("mailBody", { name: user.name, link }) }),
  });
}

export const signUp = formAction({
  name: "signUp",
  schema: signUpSchema,
  target: noAccount,
  errorField: { emailTaken: "email", organisationMissing: "organisation" },
  run: async ({ db, input }) => {
    const result = await registerParticipant(
      db,
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
      { client: await clientAddress(), now: new Date() },
    );
    if (!result.ok) return result;
    await startSession(result.user);
    // If the message cannot be queued now, the profile page offers to send it again.
    await sendConfirmationLink(db, result.user);
    // The profile page welcomes the new participant in its own words.
    return { ok: true, done: null, goTo: { returnTo: `/${input.language}/profile?welcome=1`, fallback: "/profile" } };
  },
});

/** "Send the link again" on the profile page. */
export const resendEmailConfirmation = formAction({
  name: "resendEmailConfirmation",
  schema: z.object({}),
  target: noAccount,
  errorKey: { rateLimited: "rateLimitedEmail" },
  run: async ({ db }) => {
    const result = await sendConfirmationLink(db, await requireUser());
    return result.ok ? { ok: true, done: "confirmationSent" } : result;
  },
});

/** The button on the page a confirmation link opens: a GET never confirms, so mail scanners cannot. */
export const confirmEmailAddress = formAction({
  name: "confirmEmailAddress",
  // A malformed token is answered like an unknown one: the link does not work.
  schema: z.object({ token: emailTokenSchema.catch("") }),
  target: noAccount,
  run: async ({ db, input }) => {
    const result = input.token ? await confirmEmail(db, { token: input.token }) : ({ ok: false, error: "linkInvalid" } as const);
    if (!result.ok) return result;
    await auditEvent(
      db,
      (await getSessionUser(db, result.userId)) ?? null,
      "account.email_confirmed",
      { type: "user", id: result.userId },
      {
        membershipsVerified: result.verifiedOrganisationIds.length,
      },
    );
    // The page says it is confirmed and offers the way on.
    return { ok: true, done: null, goTo: { path: "/confirm-email?confirmed=1" } };
  },
});

export const signIn = formAction({
  name: "signIn",
  schema: signInSchema,
  target: noAccount,
  errorKey: { wrongCredentials: "invalidCredentials" },
  run: async ({ db, input }) => {
    const result = await authenticate(db, { ...input, address: await clientAddress() });
    if (!result.ok) return result.error === "rateLimited" ? result : { ok: false, error: "wrongCredentials" };
    await startSession(result.user);
    return {
      ok: true,
      done: "signedIn",
      goTo: { returnTo: safeRedirectPath(input.callbackUrl, `/${result.user.preferredLanguage}`), fallback: "" },
    };
  },
});

/** Signing out bumps the session version: this cookie and any copy of it stop working everywhere. */
export async function signOut(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await bumpSessionVersion(await getDb(), user.id);
  await endSession();
  redirect(`/${await getLocale()}?done=signedOut`);
}

export const updateProfile = formAction({
  name: "updateProfile",
  schema: profileSchema,
  target: noAccount,
  errorField: "organisation",
  run: async ({ db, input, values }) => {
    const user = await requireUser();
    const result = await updateProfileQuery(
      db,
      user.id,
      { name: input.name, stakeholderGroup: input.stakeholderGroup, designation: input.designation, preferredLanguage: input.language },
      organisationChoice(input.organisation, input.newOrganisationName),
    );
    if (!result.ok) return result;
    return { ok: true, done: "profileSaved", values: { ...values, organisation: "", newOrganisationName: "" } };
  },
});

/** A new password signs out every other session; this browser gets a fresh cookie. */
export const changePassword = formAction({
  name: "changePassword",
  schema: passwordChangeSchema,
  target: noAccount,
  errorField: "currentPassword",
  errorKey: { wrongPassword: "currentPasswordWrong" },
  run: async ({ db, input }) => {
    const user = await requireUser();
    // Guessing the current password is throttled like signing in, so a borrowed session cannot brute-force it.
    const attempt = await reserveSignInAttempt(db, user.email.toLowerCase(), await clientAddress());
    if (!attempt.ok) return { ok: false, error: "rateLimited", retryAt: attempt.retryAt };
    const valid = await verifyPassword(await getPasswordHash(db, user.id), input.currentPassword);
    await settleSignInAttempt(db, attempt.attemptId, valid);
    if (!valid) return { ok: false, error: "wrongPassword" };
    const sessionVersion = await updatePasswordHash(db, user.id, await hashPassword(input.newPassword));
    if (sessionVersion !== undefined) await startSession({ id: user.id, sessionVersion });
    return { ok: true, done: "passwordChanged" };
  },
});
