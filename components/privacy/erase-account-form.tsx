"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ChoiceGroup } from "@/components/account/choice-group";
import { describedBy, ErrorSummary, Field, FieldError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import { initialFormState } from "@/lib/actions/form-state";
import { eraseMyAccount } from "@/lib/actions/privacy";
import { ERASURE_COMMENT_CHOICES } from "@/lib/limits";

const FIELDS = ["comments", "currentPassword", "confirm"] as const;

/** Works without JavaScript: on success the server signs the browser out and lands on the home page. */
export function EraseAccountForm() {
  const t = useTranslations("myData");
  const te = useTranslations("errors");
  const [state, action] = useActionState(eraseMyAccount, initialFormState);
  const v = state.values;
  const err = useErrorText(state);
  const formError = err("form");
  const summary = [
    ...(formError ? [{ field: "currentPassword", message: formError }] : []),
    ...FIELDS.filter((f) => state.errors[f]).map((f) => ({ field: f, message: err(f) ?? "" })),
  ];
  return (
    <form action={action} noValidate className="max-w-2xl" data-testid="erase-form">
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <ChoiceGroup
        name="comments"
        legend={t("choiceLegend")}
        error={err("comments")}
        value={v.comments}
        options={ERASURE_COMMENT_CHOICES.map((c) => ({ value: c, label: t(`choice.${c}`) }))}
      />
      <Field name="currentPassword" label={t("password")} hint={t("passwordHint")} error={err("currentPassword")}>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={err("currentPassword") ? true : undefined}
          aria-describedby={describedBy("currentPassword", { hint: true, error: !!err("currentPassword") })}
          className={inputClass}
        />
      </Field>
      <div className="mb-6">
        <FieldError name="confirm" error={err("confirm")} />
        <div className="flex items-start gap-3">
          <input
            type="checkbox"
            id="confirm"
            name="confirm"
            value="yes"
            required
            defaultChecked={v.confirm === "yes"}
            aria-invalid={err("confirm") ? true : undefined}
            aria-describedby={err("confirm") ? "confirm-error" : undefined}
            className="mt-1 h-6 w-6 shrink-0 accent-red-800"
          />
          <label htmlFor="confirm">{t("confirm")}</label>
        </div>
      </div>
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} tone="danger" />
    </form>
  );
}
