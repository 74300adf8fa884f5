"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import type { FormState } from "@/lib/actions/form-state";
import { submitPublication } from "@/lib/actions/consultations";

/**
 * Publishing. While official texts lack Hindi (listed by the page above the form), the admin may publish only by
 * marking the translation pending with the date it is due; the public pages then say so.
 */
export function PublishForm({ consultationId, hindiMissing }: { consultationId: string; hindiMissing: boolean }) {
  const t = useTranslations("consultationAdmin");
  const [state, action] = useActionState(submitPublication, { status: "idle", errors: {}, values: {} } satisfies FormState);
  const err = useErrorText(state);
  const formError = err("form") ?? err("consultationId");
  const dateError = err("hindiPendingUntil");
  return (
    <form action={action} noValidate className="mt-4" data-testid="publish-form">
      <div role="alert">
        {formError ? (
          <p className="mb-4 rounded border-2 border-red-700 bg-red-50 p-4 font-medium text-red-900" data-testid="publish-error">
            {formError}
          </p>
        ) : null}
      </div>
      <input type="hidden" name="consultationId" value={consultationId} />
      {hindiMissing ? (
        <fieldset className="mb-5 max-w-prose rounded border-2 border-slate-300 p-4">
          <legend className="px-1 font-semibold">{t("pendingLegend")}</legend>
          <div className="flex min-h-11 items-center gap-2">
            <input
              id="hindiPending"
              name="hindiPending"
              type="checkbox"
              value="yes"
              defaultChecked={state.values.hindiPending === "yes"}
              className="h-5 w-5"
            />
            <label htmlFor="hindiPending">{t("pendingMark")}</label>
          </div>
          <label htmlFor="hindiPendingUntil" className="mt-3 block font-semibold">
            {t("pendingUntil")}
          </label>
          <FieldError name="hindiPendingUntil" error={dateError} />
          <input
            id="hindiPendingUntil"
            name="hindiPendingUntil"
            type="date"
            defaultValue={state.values.hindiPendingUntil ?? ""}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={describedBy("hindiPendingUntil", { error: !!dateError })}
            className={`${inputClass} min-h-11 max-w-xs`}
          />
        </fieldset>
      ) : null}
      <SubmitButton label={t("publish")} pendingLabel={t("publishing")} />
    </form>
  );
}
