"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import { initialFormState } from "@/lib/actions/form-state";
import { resolveGrievance } from "@/lib/actions/privacy";

/** One per open grievance; ids are suffixed so that several forms on a page keep their labels apart. */
export function ResolveGrievanceForm({ grievanceId }: { grievanceId: number }) {
  const t = useTranslations("grievance");
  const [state, action] = useActionState(resolveGrievance, initialFormState);
  const err = useErrorText(state);
  const id = `resolution-${grievanceId}`;
  const error = err("resolution") ?? err("form");
  return (
    <form action={action} noValidate className="mt-3 max-w-2xl" data-testid="resolve-grievance">
      <input type="hidden" name="grievanceId" value={grievanceId} />
      <Field name={id} label={t("resolution")} hint={t("resolutionHint")} error={error}>
        <textarea
          id={id}
          name="resolution"
          rows={3}
          required
          maxLength={2000}
          defaultValue={state.values.resolution ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint: true, error: !!error })}
          className={inputClass}
        />
      </Field>
      <SubmitButton label={t("resolve")} pendingLabel={t("resolving")} />
    </form>
  );
}
