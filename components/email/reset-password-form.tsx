"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import { resetPasswordWithLink } from "@/lib/actions/email";
import { initialFormState } from "@/lib/actions/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/limits";
import { Link } from "@/lib/i18n/navigation";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("passwordReset");
  const ts = useTranslations("signUp");
  const te = useTranslations("errors");
  const [state, action] = useActionState(resetPasswordWithLink, initialFormState);
  const err = useErrorText(state);
  const linkError = err("form");
  const passwordError = err("newPassword");
  const summary = [
    ...(linkError ? [{ field: "newPassword", message: linkError }] : []),
    ...(passwordError ? [{ field: "newPassword", message: passwordError }] : []),
  ];
  return (
    <form action={action} noValidate className="mt-4 max-w-md" data-testid="reset-password-form">
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      {linkError ? (
        <p className="mb-4" data-testid="reset-link-refused">
          {linkError}{" "}
          <Link href="/forgot-password" className="text-blue-900 underline">
            {t("askAgain")}
          </Link>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field name="newPassword" label={t("newPassword")} hint={ts("passwordHint")} error={passwordError}>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={describedBy("newPassword", { hint: true, error: !!passwordError })}
          className={inputClass}
        />
      </Field>
      <SubmitButton label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
