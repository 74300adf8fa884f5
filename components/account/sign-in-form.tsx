"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { signIn } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const te = useTranslations("errors");
  const locale = useLocale() as Locale;
  const [state, action] = useActionState(signIn, initialFormState);
  const formError = state.errors.form;
  const message =
    formError === "rateLimited" && state.retryAt
      ? te("rateLimited", { time: formatDateTime(new Date(state.retryAt), locale) })
      : formError
        ? te(formError)
        : undefined;
  const emailError = state.errors.email ? te(state.errors.email) : undefined;
  const passwordError = state.errors.password ? te(state.errors.password) : undefined;
  const summary = [
    ...(message ? [{ field: "email", message }] : []),
    ...(emailError ? [{ field: "email", message: emailError }] : []),
    ...(passwordError ? [{ field: "password", message: passwordError }] : []),
  ];
  return (
    <form action={action} noValidate className="max-w-md">
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field name="email" label={t("email")} error={emailError}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values.email ?? ""}
          aria-invalid={message || emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : message ? "form-error" : undefined}
          className={inputClass}
        />
      </Field>
      {message ? (
        <p id="form-error" className="sr-only">
          {message}
        </p>
      ) : null}
      <Field name="password" label={t("password")} error={passwordError}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? "password-error" : undefined}
          className={inputClass}
        />
      </Field>
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
    </form>
  );
}
