"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, Field, inputClass, Notice } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import { changeEmail } from "@/lib/actions/email";
import { initialFormState } from "@/lib/actions/form-state";

/** A new address, confirmed from that address before it counts. */
export function EmailChangeForm() {
  const t = useTranslations("emailChange");
  const te = useTranslations("errors");
  const [state, action] = useActionState(changeEmail, initialFormState);
  const err = useErrorText(state);
  const fields = ["newEmail", "currentPassword"] as const;
  const formError = err("form");
  const summary = [
    ...(formError ? [{ field: "newEmail", message: formError }] : []),
    ...fields.filter((f) => state.errors[f]).map((f) => ({ field: f, message: err(f) ?? "" })),
  ];
  return (
    <form action={action} noValidate className="max-w-xl" data-testid="email-change-form">
      {state.status === "ok" ? (
        <Notice tone="success" testId="email-change-sent">
          {t("sent")}
        </Notice>
      ) : null}
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <Field name="newEmail" label={t("newEmail")} error={err("newEmail")}>
        <input
          id="newEmail"
          name="newEmail"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values.newEmail ?? ""}
          aria-invalid={err("newEmail") ? true : undefined}
          aria-describedby={describedBy("newEmail", { error: !!err("newEmail") })}
          className={inputClass}
        />
      </Field>
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
      <SubmitButton label={t("submit")} pendingLabel={t("sending")} />
    </form>
  );
}
