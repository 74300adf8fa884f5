"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, Field, inputClass, Notice } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePassword } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

export function PasswordForm() {
  const t = useTranslations("profile");
  const ts = useTranslations("signUp");
  const te = useTranslations("errors");
  const locale = useLocale() as Locale;
  const [state, action] = useActionState(changePassword, initialFormState);
  const err = (field: string) =>
    state.errors[field] === "rateLimited" && state.retryAt
      ? te("rateLimited", { time: formatDateTime(new Date(state.retryAt), locale) })
      : state.errors[field]
        ? te(state.errors[field])
        : undefined;
  const summary = ["currentPassword", "newPassword"].filter((f) => state.errors[f]).map((f) => ({ field: f, message: err(f) ?? "" }));
  return (
    <form action={action} noValidate className="max-w-xl">
      {state.status === "ok" ? <Notice tone="success" testId="password-changed">{t("passwordChanged")}</Notice> : null}
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <Field name="currentPassword" label={t("currentPassword")} error={err("currentPassword")}>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required
          aria-invalid={err("currentPassword") ? true : undefined}
          aria-describedby={describedBy("currentPassword", { error: !!err("currentPassword") })}
          className={inputClass} />
      </Field>
      <Field name="newPassword" label={t("newPassword")} hint={ts("passwordHint")} error={err("newPassword")}>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={12}
          aria-invalid={err("newPassword") ? true : undefined}
          aria-describedby={describedBy("newPassword", { hint: true, error: !!err("newPassword") })}
          className={inputClass} />
      </Field>
      <SubmitButton label={t("changePassword")} pendingLabel={t("saving")} />
    </form>
  );
}
