"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, FieldError, inputClass } from "@/components/ui/field";
import { CharacterCount } from "@/components/ui/character-count";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/actions/form-state";
import { submitConsultationReport } from "@/lib/actions/summaries";
import { CONSULTATION_REPORT_INTRO_MAX, CONSULTATION_REPORT_INTRO_MIN } from "@/lib/limits";
import { KeptTextarea } from "@/components/ui/kept-textarea";

export function ConsultationReportForm({ consultationSlug }: { consultationSlug: string }) {
  const t = useTranslations("report");
  const te = useTranslations("errors");
  const [state, action] = useActionState(submitConsultationReport, initialFormState);
  const err = state.errors.introduction ?? state.errors.form;
  return (
    <form action={action} noValidate data-testid="report-publish-form" className="mt-3">
      <ErrorSummary title={te("formHasErrors")} errors={err ? [{ field: "report-introduction", message: te(err) }] : []} />
      <input type="hidden" name="consultationSlug" value={consultationSlug} />
      <label htmlFor="report-introduction" className="block font-semibold">
        {t("introduction")}
      </label>
      <p id="report-introduction-hint" className="text-sm text-slate-700">
        {t("introductionHint")}
      </p>
      <FieldError name="report-introduction" error={err ? te(err) : undefined} />
      <KeptTextarea
        id="report-introduction"
        name="introduction"
        rows={6}
        required
        minLength={CONSULTATION_REPORT_INTRO_MIN}
        maxLength={CONSULTATION_REPORT_INTRO_MAX}
        defaultValue={state.values.introduction ?? ""}
        aria-invalid={err ? true : undefined}
        aria-describedby={describedBy("report-introduction", { hint: true, error: !!err, count: true })}
        className={inputClass}
      />
      <CharacterCount fieldId="report-introduction" min={CONSULTATION_REPORT_INTRO_MIN} max={CONSULTATION_REPORT_INTRO_MAX} trim />
      <div className="mt-3" />
      <SubmitButton label={t("publish")} pendingLabel="…" />
    </form>
  );
}
