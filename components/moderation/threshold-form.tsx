"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitAutoHideThreshold } from "@/lib/actions/moderation";
import type { FormState } from "@/lib/actions/form-state";
import { AUTO_HIDE_MAX } from "@/lib/limits";

export function ThresholdForm({ consultationSlug, threshold }: { consultationSlug: string; threshold: number }) {
  const t = useTranslations("moderation");
  const te = useTranslations("errors");
  const start: FormState = { status: "idle", errors: {}, values: { threshold: String(threshold) } };
  const [state, action] = useActionState(submitAutoHideThreshold, start);
  const key = state.errors.threshold ?? state.errors.form;
  const err = key ? te(key) : undefined;
  return (
    <form action={action} noValidate className="mt-2 flex flex-wrap items-end gap-3">
      <input type="hidden" name="consultationSlug" value={consultationSlug} />
      <div className="max-w-md">
        <label htmlFor="auto-hide-threshold" className="block font-semibold">
          {t("threshold")}
        </label>
        <FieldError name="auto-hide-threshold" error={err} />
        <input
          id="auto-hide-threshold"
          name="threshold"
          type="number"
          min={1}
          max={AUTO_HIDE_MAX}
          inputMode="numeric"
          defaultValue={state.values.threshold ?? ""}
          aria-invalid={err ? true : undefined}
          aria-describedby={describedBy("auto-hide-threshold", { error: !!err })}
          className={`${inputClass} w-28`}
        />
      </div>
      <SubmitButton label={t("thresholdSave")} pendingLabel={t("sending")} />
    </form>
  );
}
