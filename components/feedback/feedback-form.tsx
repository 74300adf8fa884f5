"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CharacterCount } from "@/components/ui/character-count";
import { describedBy, ErrorSummary, Field, inputClass, Notice } from "@/components/ui/field";
import { KeptTextarea } from "@/components/ui/kept-textarea";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import { sendFeedback } from "@/lib/actions/feedback";
import { initialFormState } from "@/lib/actions/form-state";
import { FEEDBACK_MESSAGE_MAX, FEEDBACK_MESSAGE_MIN } from "@/lib/limits";

/** Works without JavaScript: the server re-renders the page with the acknowledgement or the errors and the text. */
export function FeedbackForm({ formToken, pagePath }: { formToken: string; pagePath: string }) {
  const t = useTranslations("feedback");
  const te = useTranslations("errors");
  const [state, action] = useActionState(sendFeedback, { ...initialFormState, reference: null });
  const v = state.values;
  const err = useErrorText(state);
  const formMessage = err("form") ?? err("formToken") ?? err("website");
  const summary = [
    ...(formMessage && !err("message") ? [{ field: "feedback-message", message: formMessage }] : []),
    ...(["name", "email", "message"] as const)
      .filter((f) => state.errors[f])
      .map((f) => ({ field: `feedback-${f}`, message: err(f) ?? "" })),
  ];
  const invalid = (f: string) => (err(f) ? true : undefined);
  return (
    <form action={action} noValidate className="max-w-2xl" data-testid="feedback-form">
      {state.status === "ok" && state.reference ? (
        <Notice tone="success" testId="feedback-received">
          <p className="font-semibold">{t(state.message === "feedbackAlreadyReceived" ? "alreadyReceived" : "received")}</p>
          <p className="mt-1">
            {t("referenceIs")} <strong data-testid="feedback-reference">{state.reference}</strong>
          </p>
          <p className="mt-1">{t("whatNext")}</p>
        </Notice>
      ) : null}
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <input type="hidden" name="formToken" value={v.formToken ?? formToken} />
      <input type="hidden" name="pagePath" value={v.pagePath ?? pagePath} />
      <div className="absolute -left-[9999px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor="feedback-website">{t("honeypot")}</label>
        <input id="feedback-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <Field name="feedback-name" label={t("name")} optionalLabel={t("optional")} error={err("name")}>
        <input
          id="feedback-name"
          name="name"
          type="text"
          autoComplete="name"
          defaultValue={v.name ?? ""}
          aria-invalid={invalid("name")}
          aria-describedby={describedBy("feedback-name", { error: !!err("name") })}
          className={inputClass}
        />
      </Field>
      <Field name="feedback-email" label={t("email")} optionalLabel={t("optional")} hint={t("emailHint")} error={err("email")}>
        <input
          id="feedback-email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={v.email ?? ""}
          aria-invalid={invalid("email")}
          aria-describedby={describedBy("feedback-email", { hint: true, error: !!err("email") })}
          className={inputClass}
        />
      </Field>
      <Field
        name="feedback-message"
        label={t("message")}
        hint={t("messageHint", { min: FEEDBACK_MESSAGE_MIN, max: FEEDBACK_MESSAGE_MAX })}
        error={err("message") ?? formMessage}
      >
        <KeptTextarea
          id="feedback-message"
          name="message"
          rows={8}
          required
          minLength={FEEDBACK_MESSAGE_MIN}
          maxLength={FEEDBACK_MESSAGE_MAX}
          defaultValue={v.message ?? ""}
          aria-invalid={invalid("message") ?? (formMessage ? true : undefined)}
          aria-describedby={describedBy("feedback-message", { hint: true, error: !!(err("message") ?? formMessage), count: true })}
          className={inputClass}
        />
        <CharacterCount fieldId="feedback-message" min={FEEDBACK_MESSAGE_MIN} max={FEEDBACK_MESSAGE_MAX} trim />
      </Field>
      <SubmitButton label={t("submit")} pendingLabel={t("sending")} />
    </form>
  );
}
