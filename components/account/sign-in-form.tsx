"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { useErrorText } from "@/components/ui/use-error-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { signIn } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const te = useTranslations("errors");
  const [state, action] = useActionState(signIn, initialFormState);
  const err = useErrorText(state);
  const message = err("form");
  const emailError = err("email");
  const passwordError = err("password");
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
