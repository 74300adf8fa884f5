"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, Field, inputClass, Notice } from "@/components/ui/field";
import { useErrorText } from "@/components/ui/use-error-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePassword } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/limits";

export function PasswordForm() {
  const t = useTranslations("profile");
  const ts = useTranslations("signUp");
  const te = useTranslations("errors");
  const [state, action] = useActionState(changePassword, initialFormState);
  const err = useErrorText(state);
  const summary = ["currentPassword", "newPassword"].filter((f) => state.errors[f]).map((f) => ({ field: f, message: err(f) ?? "" }));
  return (
    <form action={action} noValidate className="max-w-xl">
      {state.status === "ok" ? (
        <Notice tone="success" testId="password-changed">
          {t("passwordChanged")}
        </Notice>
      ) : null}
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <Field name="currentPassword" label={t("currentPassword")} error={err("currentPassword")}>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={err("currentPassword") ? true : undefined}
          aria-describedby={describedBy("currentPassword", { error: !!err("currentPassword") })}
          className={inputClass}
        />
      </Field>
      <Field name="newPassword" label={t("newPassword")} hint={ts("passwordHint")} error={err("newPassword")}>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          aria-invalid={err("newPassword") ? true : undefined}
          aria-describedby={describedBy("newPassword", { hint: true, error: !!err("newPassword") })}
          className={inputClass}
        />
      </Field>
      <SubmitButton label={t("changePassword")} pendingLabel={t("saving")} />
    </form>
  );
}
