"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/actions/form-state";
import { submitBlock } from "@/lib/actions/moderation";
import { MODERATION_NOTE_MAX } from "@/lib/limits";

export function BlockForm(p: {
  userId: string;
  name: string;
  consultationId: string;
  queue: string;
  blocked: boolean;
  rules: { id: string; label: string }[];
  formId: string;
}) {
  const t = useTranslations("moderation");
  const te = useTranslations("errors");
  const [state, action] = useActionState(submitBlock, initialFormState);
  const err = state.errors.form ?? state.errors.ruleId;
  return (
    <form action={action} noValidate className="mt-2" data-testid="block-form">
      <ErrorSummary title={te("formHasErrors")} errors={err ? [{ field: `${p.formId}-rule`, message: te(err) }] : []} />
      <input type="hidden" name="userId" value={p.userId} />
      <input type="hidden" name="consultationId" value={p.consultationId} />
      <input type="hidden" name="queue" value={p.queue} />
      <input type="hidden" name="blocked" value={p.blocked ? "no" : "yes"} />
      {p.blocked ? null : (
        <>
          <label htmlFor={`${p.formId}-rule`} className="block font-semibold">
            {t("rule")}
          </label>
          <select id={`${p.formId}-rule`} name="ruleId" defaultValue={state.values.ruleId ?? ""} className={inputClass}>
            <option value="">—</option>
            {p.rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${p.formId}-note`} className="mt-2 block font-semibold">
            {t("note")}
          </label>
          <textarea
            id={`${p.formId}-note`}
            name="note"
            rows={2}
            maxLength={MODERATION_NOTE_MAX}
            defaultValue={state.values.note ?? ""}
            className={`${inputClass} mb-2`}
          />
        </>
      )}
      <SubmitButton label={p.blocked ? t("unblockSubmit") : t("blockSubmit")} pendingLabel={t("sending")} />
    </form>
  );
}
