"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CharacterCount } from "@/components/ui/character-count";
import { describedBy, ErrorSummary, Field, inputClass, Notice } from "@/components/ui/field";
import { KeptTextarea } from "@/components/ui/kept-textarea";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import { initialFormState } from "@/lib/actions/form-state";
import { sendGrievance } from "@/lib/actions/privacy";
import { GRIEVANCE_MESSAGE_MAX, GRIEVANCE_MESSAGE_MIN } from "@/lib/limits";

interface Props {
  formToken: string;
  stamp: string;
  /** A signed-in sender's name and address, filled in (they may change them). */
  prefill: { name: string; email: string };
}

/** Works without JavaScript: the server re-renders the page with the acknowledgement or the errors and the text. */
export function GrievanceForm({ formToken, stamp, prefill }: Props) {
  const t = useTranslations("grievance");
  const te = useTranslations("errors");
  const [state, action] = useActionState(sendGrievance, { ...initialFormState, reference: null });
  const v = state.values;
  const err = useErrorText(state);
  const formMessage = err("form") ?? err("formToken") ?? err("website") ?? err("stamp");
  const summary = [
    ...(formMessage && !err("message") ? [{ field: "grievance-message", message: formMessage }] : []),
    ...(["name", "email", "message"] as const)
      .filter((f) => state.errors[f])
      .map((f) => ({ field: `grievance-${f}`, message: err(f) ?? "" })),
  ];
  const invalid = (f: string) => (err(f) ? true : undefined);
  return (
    <form action={action} noValidate className="max-w-2xl" data-testid="grievance-form">
      {state.status === "ok" && state.reference ? (
        <Notice tone="success" testId="grievance-received">
          <p className="font-semibold">{t(state.message === "grievanceAlreadyReceived" ? "alreadyReceived" : "received")}</p>
          <p className="mt-1">
            {t("referenceIs")} <strong data-testid="grievance-reference">{state.reference}</strong>
          </p>
          <p className="mt-1">{t("whatNext")}</p>
        </Notice>
      ) : null}
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <input type="hidden" name="formToken" value={v.formToken ?? formToken} />
      <input type="hidden" name="stamp" value={v.stamp ?? stamp} />
      <div className="absolute -left-[9999px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor="grievance-website">{t("honeypot")}</label>
        <input id="grievance-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <Field name="grievance-name" label={t("name")} error={err("name")}>
        <input
          id="grievance-name"
          name="name"
          type="text"
          autoComplete="name"
          required
          defaultValue={v.name ?? prefill.name}
          aria-invalid={invalid("name")}
          aria-describedby={describedBy("grievance-name", { error: !!err("name") })}
          className={inputClass}
        />
      </Field>
      <Field name="grievance-email" label={t("email")} hint={t("emailHint")} error={err("email")}>
        <input
          id="grievance-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={v.email ?? prefill.email}
          aria-invalid={invalid("email")}
          aria-describedby={describedBy("grievance-email", { hint: true, error: !!err("email") })}
          className={inputClass}
        />
      </Field>
      <Field
        name="grievance-message"
        label={t("message")}
        hint={t("messageHint", { min: GRIEVANCE_MESSAGE_MIN, max: GRIEVANCE_MESSAGE_MAX })}
        error={err("message") ?? formMessage}
      >
        <KeptTextarea
          id="grievance-message"
          name="message"
          rows={8}
          required
          minLength={GRIEVANCE_MESSAGE_MIN}
          maxLength={GRIEVANCE_MESSAGE_MAX}
          defaultValue={v.message ?? ""}
          aria-invalid={invalid("message") ?? (formMessage ? true : undefined)}
          aria-describedby={describedBy("grievance-message", { hint: true, error: !!(err("message") ?? formMessage), count: true })}
          className={inputClass}
        />
        <CharacterCount fieldId="grievance-message" min={GRIEVANCE_MESSAGE_MIN} max={GRIEVANCE_MESSAGE_MAX} trim />
      </Field>
      <SubmitButton label={t("submit")} pendingLabel={t("sending")} />
    </form>
  );
}
