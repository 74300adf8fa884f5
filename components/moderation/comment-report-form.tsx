"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, FieldError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { REPORT_DETAILS_MAX, REPORT_REASONS } from "@/lib/limits";
import { initialFormState } from "@/lib/actions/form-state";
import { submitReport } from "@/lib/actions/moderation";

export function CommentReportForm({ commentId }: { commentId: number }) {
  const t = useTranslations("moderation");
  const tr = useTranslations("reasons");
  const te = useTranslations("errors");
  const [state, action] = useActionState(submitReport, initialFormState);
  const id = (n: string) => `report-${commentId}-${n}`;
  const err = (f: string) => (state.errors[f] ? te(state.errors[f]) : undefined);
  const summary = ["form", "reason", "details"]
    .filter((f) => state.errors[f])
    .map((f) => ({ field: id(f === "details" ? "details" : "reason"), message: err(f) ?? "" }));
  return (
    <form action={action} noValidate data-testid="report-form" className="mt-3">
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <input type="hidden" name="commentId" value={commentId} />
      <fieldset id={id("reason")} aria-describedby={err("reason") ? `${id("reason")}-error` : undefined}>
        <legend className="font-semibold">{t("reason")}</legend>
        <FieldError name={id("reason")} error={err("reason")} />
        <div className="mt-1 flex flex-wrap gap-x-5">
          {REPORT_REASONS.map((r) => (
            <div key={r} className="flex items-center gap-2">
              <input
                type="radio"
                id={`${id("reason")}-${r}`}
                name="reason"
                value={r}
                defaultChecked={state.values.reason === r}
                className="h-6 w-6 accent-blue-800"
              />
              <label htmlFor={`${id("reason")}-${r}`} className="min-h-11 content-center">
                {tr(r)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <label htmlFor={id("details")} className="mt-2 block font-semibold">
        {t("details")}
      </label>
      <p id={`${id("details")}-hint`} className="text-sm text-slate-700">
        {t("detailsHint")}
      </p>
      <FieldError name={id("details")} error={err("details")} />
      <textarea
        id={id("details")}
        name="details"
        rows={3}
        maxLength={REPORT_DETAILS_MAX}
        defaultValue={state.values.details ?? ""}
        aria-invalid={err("details") ? true : undefined}
        aria-describedby={describedBy(id("details"), { hint: true, error: !!err("details") })}
        className={`${inputClass} mb-3`}
      />
      <SubmitButton label={t("submitReport")} pendingLabel={t("sending")} />
    </form>
  );
}
