"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, FieldError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/actions/form-state";
import { submitAppeal, submitAppealDecision } from "@/lib/actions/moderation";

/** The author's one appeal against a decision. */
export function AppealForm({ decisionId }: { decisionId: number }) {
  const t = useTranslations("moderation");
  const te = useTranslations("errors");
  const [state, action] = useActionState(submitAppeal, initialFormState);
  const id = (n: string) => `appeal-${decisionId}-${n}`;
  const err = state.errors.statement ?? state.errors.form;
  return (
    <form action={action} noValidate data-testid="appeal-form" className="mt-2">
      <ErrorSummary title={te("formHasErrors")} errors={err ? [{ field: id("statement"), message: te(err) }] : []} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <label htmlFor={id("statement")} className="block font-semibold">
        {t("appealStatement")}
      </label>
      <p id={`${id("statement")}-hint`} className="text-sm text-slate-700">
        {t("appealHint")}
      </p>
      <FieldError name={id("statement")} error={err ? te(err) : undefined} />
      <textarea
        id={id("statement")}
        name="statement"
        rows={3}
        maxLength={2000}
        defaultValue={state.values.statement ?? ""}
        aria-invalid={err ? true : undefined}
        aria-describedby={describedBy(id("statement"), { hint: true, error: !!err })}
        className={`${inputClass} mb-2`}
      />
      <SubmitButton label={t("submitAppeal")} pendingLabel={t("sending")} />
    </form>
  );
}

/** A different moderator's (or an admin's) outcome for an appeal. */
export function AppealDecisionForm({ appealId, queue }: { appealId: number; queue: string }) {
  const t = useTranslations("moderation");
  const te = useTranslations("errors");
  const [state, action] = useActionState(submitAppealDecision, initialFormState);
  const id = (n: string) => `appeal-decision-${appealId}-${n}`;
  const err = state.errors.outcome ?? state.errors.form;
  return (
    <form action={action} noValidate data-testid="appeal-decision-form" className="mt-2">
      <ErrorSummary title={te("formHasErrors")} errors={err ? [{ field: id("outcome"), message: te(err) }] : []} />
      <input type="hidden" name="appealId" value={appealId} />
      <input type="hidden" name="queue" value={queue} />
      <fieldset id={id("outcome")}>
        <legend className="font-semibold">{t("outcome")}</legend>
        {(["reversed", "upheld"] as const).map((o) => (
          <div key={o} className="flex items-center gap-2">
            <input
              type="radio"
              id={`${id("outcome")}-${o}`}
              name="outcome"
              value={o}
              defaultChecked={state.values.outcome === o}
              className="h-6 w-6 accent-blue-800"
            />
            <label htmlFor={`${id("outcome")}-${o}`} className="min-h-11 content-center">
              {t(o)}
            </label>
          </div>
        ))}
      </fieldset>
      <label htmlFor={id("note")} className="mt-2 block font-semibold">
        {t("note")}
      </label>
      <textarea
        id={id("note")}
        name="note"
        rows={2}
        maxLength={1000}
        defaultValue={state.values.note ?? ""}
        className={`${inputClass} mb-2`}
      />
      <SubmitButton label={t("submitAppealDecision")} pendingLabel={t("sending")} />
    </form>
  );
}
