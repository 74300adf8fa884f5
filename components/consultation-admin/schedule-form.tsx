"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, FieldError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import type { FormState } from "@/lib/actions/form-state";
import { saveSchedule } from "@/lib/actions/consultations";
import { COMMENT_PERIOD_MIN_DAYS } from "@/lib/limits";

const FIELDS = [
  { name: "opensAt", type: "datetime-local", optional: false },
  { name: "closesAt", type: "datetime-local", optional: false },
  { name: "counterClosesAt", type: "datetime-local", optional: true },
  { name: "summaryDueAt", type: "date", optional: true },
] as const;

/**
 * The schedule in India time. A comment period shorter than the minimum is refused until the admin ticks that
 * they mean it; the box is shown when the saved period is short or the form was just refused for it.
 */
export function ScheduleForm({
  consultationId,
  initial,
  short,
}: {
  consultationId: string;
  initial: Record<string, string>;
  short: boolean;
}) {
  const t = useTranslations("consultationAdmin");
  const te = useTranslations("errors");
  const tf = useTranslations("form");
  const [state, action] = useActionState(saveSchedule, { status: "idle", errors: {}, values: initial } satisfies FormState);
  const err = useErrorText(state);
  const v = state.values;
  const errors = Object.keys(state.errors).map((field) => ({ field: field === "form" ? "opensAt" : field, message: err(field) ?? "" }));
  const ackError = err("acknowledgeShort");
  return (
    <form action={action} noValidate data-testid="schedule-form">
      <ErrorSummary title={te("formHasErrors")} errors={errors} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <p className="mb-4 max-w-prose">{t("scheduleIntro", { days: COMMENT_PERIOD_MIN_DAYS })}</p>
      <div className="grid max-w-3xl gap-x-6 md:grid-cols-2">
        {FIELDS.map((f) => {
          const error = err(f.name);
          return (
            <div key={f.name} className="mb-5">
              <label htmlFor={f.name} className="block font-semibold">
                {t(`schedule.${f.name}`)}
                {f.optional ? <span className="font-normal text-slate-700"> ({tf("optional")})</span> : null}
              </label>
              <p id={`${f.name}-hint`} className="text-sm text-slate-700">
                {t(`schedule.${f.name}Hint`)}
              </p>
              <FieldError name={f.name} error={error} />
              <input
                id={f.name}
                name={f.name}
                type={f.type}
                defaultValue={v[f.name] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(f.name, { error: !!error, hint: true })}
                className={`${inputClass} min-h-11`}
              />
            </div>
          );
        })}
      </div>
      {short || ackError || v.acknowledgeShort === "yes" ? (
        <div className="mb-5 max-w-prose rounded border-2 border-amber-700 bg-amber-50 p-4" data-testid="short-period-warning">
          <p className="font-semibold">{t("shortWarning", { days: COMMENT_PERIOD_MIN_DAYS })}</p>
          <FieldError name="acknowledgeShort" error={ackError} />
          <div className="mt-2 flex min-h-11 items-center gap-2">
            <input
              id="acknowledgeShort"
              name="acknowledgeShort"
              type="checkbox"
              value="yes"
              defaultChecked={v.acknowledgeShort === "yes"}
              aria-describedby={describedBy("acknowledgeShort", { error: !!ackError })}
              className="h-5 w-5"
            />
            <label htmlFor="acknowledgeShort">{t("shortAcknowledge", { days: COMMENT_PERIOD_MIN_DAYS })}</label>
          </div>
        </div>
      ) : null}
      <SubmitButton label={t("scheduleSave")} pendingLabel={t("saving")} />
    </form>
  );
}
