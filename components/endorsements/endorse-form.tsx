"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CharacterCount } from "@/components/ui/character-count";
import { describedBy, ErrorSummary, FieldError, inputClass } from "@/components/ui/field";
import { useErrorText } from "@/components/ui/use-error-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { recordEndorsement } from "@/lib/actions/endorsements";
import { initialFormState } from "@/lib/actions/form-state";
import { ENDORSEMENT_STATEMENT_MAX } from "@/lib/limits";
import type { CapacityOption } from "./view-types";

interface Props {
  consultationSlug: string;
  target: string;
  returnTo: string;
  /** Capacities still free to endorse with: "personal" and organisations the user may sign for. */
  capacities: CapacityOption[];
}

export function EndorseForm({ consultationSlug, target, returnTo, capacities }: Props) {
  const t = useTranslations("endorse");
  const te = useTranslations("errors");
  const [state, action] = useActionState(recordEndorsement, initialFormState);
  const v = state.values;
  const id = (n: string) => `endorse-${n}`;
  const err = useErrorText(state);
  const summary = ["form", "capacity", "statement", "target"]
    .filter((f) => state.errors[f])
    .map((f) => ({ field: id(f === "statement" ? "statement" : "capacity"), message: err(f) ?? "" }));
  return (
    <form action={action} noValidate data-testid="endorse-form" className="mt-3">
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <input type="hidden" name="consultationSlug" value={consultationSlug} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <fieldset id={id("capacity")} className="mb-3" aria-describedby={err("capacity") ? `${id("capacity")}-error` : undefined}>
        <legend className="font-semibold">{t("capacity")}</legend>
        <FieldError name={id("capacity")} error={err("capacity")} />
        {capacities.map((c, i) => (
          <div key={c.id} className="flex items-center gap-2">
            <input
              type="radio"
              id={`${id("capacity")}-${c.id}`}
              name="capacity"
              value={c.id}
              defaultChecked={(v.capacity ?? capacities[0]?.id) === c.id || (!v.capacity && i === 0)}
              className="h-6 w-6 accent-blue-800"
            />
            <label htmlFor={`${id("capacity")}-${c.id}`} className="min-h-11 content-center">
              {c.label}
            </label>
          </div>
        ))}
      </fieldset>
      <label htmlFor={id("statement")} className="block font-semibold">
        {t("statement")}
      </label>
      <p id={`${id("statement")}-hint`} className="text-sm text-slate-700">
        {t("statementHint", { max: ENDORSEMENT_STATEMENT_MAX })}
      </p>
      <FieldError name={id("statement")} error={err("statement")} />
      <textarea
        id={id("statement")}
        name="statement"
        rows={3}
        maxLength={ENDORSEMENT_STATEMENT_MAX}
        defaultValue={v.statement ?? ""}
        aria-invalid={err("statement") ? true : undefined}
        aria-describedby={describedBy(id("statement"), { hint: true, error: !!err("statement"), count: true })}
        className={inputClass}
      />
      <div className="mb-3">
        <CharacterCount fieldId={id("statement")} max={ENDORSEMENT_STATEMENT_MAX} trim />
      </div>
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
