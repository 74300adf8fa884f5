"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, Notice } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import { confirmEmailAddress, resendEmailConfirmation } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";

/** On the profile: send the confirmation link again (rate-limited on the server). */
export function ResendConfirmationForm() {
  const t = useTranslations("emailConfirmation");
  const te = useTranslations("errors");
  const [state, action] = useActionState(resendEmailConfirmation, initialFormState);
  const err = useErrorText(state);
  const message = err("form");
  return (
    <form action={action} className="mt-3" data-testid="resend-confirmation-form">
      <ErrorSummary title={te("formHasErrors")} errors={message ? [{ field: "resend-confirmation", message }] : []} />
      {state.status === "ok" ? (
        <Notice tone="success" testId="confirmation-sent">
          {t("sent")}
        </Notice>
      ) : null}
      <span id="resend-confirmation">
        <SubmitButton label={t("resend")} pendingLabel={t("sending")} />
      </span>
    </form>
  );
}

/** On the page a link opens: one button, so that opening the link alone confirms nothing. */
export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("emailConfirmation");
  const te = useTranslations("errors");
  const [state, action] = useActionState(confirmEmailAddress, initialFormState);
  const err = useErrorText(state);
  const message = err("form");
  return (
    <form action={action} className="mt-4" data-testid="confirm-email-form">
      <ErrorSummary title={te("formHasErrors")} errors={message ? [{ field: "confirm-email", message }] : []} />
      <input type="hidden" name="token" value={token} />
      <span id="confirm-email">
        <SubmitButton label={t("confirm")} pendingLabel={t("confirming")} />
      </span>
    </form>
  );
}
