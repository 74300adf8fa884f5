"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, Field, inputClass, Notice } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import { forgotPassword } from "@/lib/actions/email";
import { initialFormState } from "@/lib/actions/form-state";

export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const te = useTranslations("errors");
  const [state, action] = useActionState(forgotPassword, initialFormState);
  const err = useErrorText(state);
  const emailError = err("email") ?? err("form");
  return (
    <form action={action} noValidate className="mt-4 max-w-md" data-testid="forgot-password-form">
      {state.status === "ok" ? (
        <Notice tone="success" testId="reset-sent">
          {t("sent")}
        </Notice>
      ) : null}
      <ErrorSummary title={te("formHasErrors")} errors={emailError ? [{ field: "email", message: emailError }] : []} />
      <Field name="email" label={t("email")} error={emailError}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values.email ?? ""}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={describedBy("email", { error: !!emailError })}
          className={inputClass}
        />
      </Field>
      <SubmitButton label={t("send")} pendingLabel={t("sending")} />
    </form>
  );
}
