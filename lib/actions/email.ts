"use server";

import { savePreferences } from "@/db/queries/notifications";
import { reserveSignInAttempt, settleSignInAttempt } from "@/db/queries/sign-in-attempts";
import { getPasswordHash } from "@/db/queries/users";
import { clientAddress } from "@/lib/auth/client-address";
import { requireUser } from "@/lib/auth/guards";
import { verifyPassword } from "@/lib/auth/password";
import { requestEmailChange } from "@/lib/commands/email-change";
import { requestPasswordReset, resetPassword } from "@/lib/commands/password-reset";
import { emailChangeSchema, forgotPasswordSchema, notificationPreferencesSchema, resetPasswordSchema } from "@/lib/validation/email";
import { formAction } from "./kit/form-action";

const noAccount = () => null;

/** "Forgot password?": the same answer whether or not an account uses the address. */
export const forgotPassword = formAction({
  name: "forgotPassword",
  schema: forgotPasswordSchema,
  target: noAccount,
  errorKey: { rateLimited: "rateLimitedReset" },
  run: async ({ db, input }) => {
    const result = await requestPasswordReset(db, { email: input.email, client: await clientAddress() });
    return result.ok ? { ok: true, done: null } : result;
  },
});

/** The reset link's form: a new password, then every session ends and the person signs in again. */
export const resetPasswordWithLink = formAction({
  name: "resetPassword",
  schema: resetPasswordSchema,
  target: noAccount,
  run: async ({ db, input }) => {
    if (!input.token) return { ok: false, error: "resetLinkInvalid" };
    const result = await resetPassword(db, { token: input.token, newPassword: input.newPassword });
    if (!result.ok) return result;
    return { ok: true, done: "passwordReset", goTo: { path: "/signin" } };
  },
});

/** Asks to move the account to a new address; the current password is checked, throttled like signing in. */
export const changeEmail = formAction({
  name: "changeEmail",
  schema: emailChangeSchema,
  target: noAccount,
  errorField: { wrongPassword: "currentPassword", emailTaken: "newEmail", emailUnchanged: "newEmail" },
  errorKey: { wrongPassword: "currentPasswordWrong", rateLimited: "rateLimitedEmail", tooManyAttempts: "rateLimited" },
  run: async ({ db, input, values }) => {
    const user = await requireUser();
    const attempt = await reserveSignInAttempt(db, user.email.toLowerCase(), await clientAddress());
    if (!attempt.ok) return { ok: false, error: "tooManyAttempts", retryAt: attempt.retryAt };
    const valid = await verifyPassword(await getPasswordHash(db, user.id), input.currentPassword);
    await settleSignInAttempt(db, attempt.attemptId, valid);
    if (!valid) return { ok: false, error: "wrongPassword" };
    const result = await requestEmailChange(db, user, { newEmail: input.newEmail });
    return result.ok ? { ok: true, done: null, values: { ...values, newEmail: "" } } : result;
  },
});

export const saveNotificationPreferences = formAction({
  name: "saveNotificationPreferences",
  schema: notificationPreferencesSchema,
  target: noAccount,
  run: async ({ db, input }) => {
    const user = await requireUser();
    await savePreferences(db, user.id, input);
    return { ok: true, done: "preferencesSaved", goTo: { path: "/notifications/settings" } };
  },
});
