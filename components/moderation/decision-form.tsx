"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, FieldError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/actions/form-state";
import { submitDecision } from "@/lib/actions/moderation";
import type { CommentDecision } from "@/lib/limits";

interface Props {
  commentId: number;
  /** Decisions that apply to the comment's standing (the state machine's answer, not a guess here). */
  actions: readonly CommentDecision[];
  rules: { id: string; label: string }[];
  /** The consultation whose queue to return to. */
  queue: string;
  /** The comment is hidden automatically by reports: a hide under a rule confirms that hide. */
  confirmsAutoHide?: boolean;
}

export function DecisionForm({ commentId, actions, rules, queue, confirmsAutoHide = false }: Props) {
  const t = useTranslations("moderation");
  const te = useTranslations("errors");
  const [state, action] = useActionState(submitDecision, initialFormState);
  const v = state.values;
  const id = (n: string) => `decide-${commentId}-${n}`;
  const err = (f: string) => (state.errors[f] ? te(state.errors[f]) : undefined);
  const summary = ["form", "action", "ruleId", "note"]
    .filter((f) => state.errors[f])
    .map((f) => ({ field: id(f === "form" ? "action" : f), message: err(f) ?? "" }));
  return (
    <form action={action} noValidate data-testid="decision-form" className="mt-3 rounded bg-slate-50 p-3">
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="queue" value={queue} />
      <fieldset id={id("action")}>
        <legend className="font-semibold">{t("decisionLabel")}</legend>
        <FieldError name={id("action")} error={err("action")} />
        {actions.map((a, i) => (
          <div key={a} className="flex items-center gap-2">
            <input
              type="radio"
              id={`${id("action")}-${a}`}
              name="action"
              value={a}
              defaultChecked={v.action ? v.action === a : i === 0}
              className="h-6 w-6 accent-blue-800"
            />
            <label htmlFor={`${id("action")}-${a}`} className="min-h-11 content-center">
              {a === "hide" && confirmsAutoHide ? t("confirmHide") : t(a)}
            </label>
          </div>
        ))}
      </fieldset>
      {actions.includes("hide") ? (
        <div className="mt-2">
          <label htmlFor={id("ruleId")} className="block font-semibold">
            {t("rule")}
          </label>
          <FieldError name={id("ruleId")} error={err("ruleId")} />
          <select
            id={id("ruleId")}
            name="ruleId"
            defaultValue={v.ruleId ?? ""}
            aria-describedby={describedBy(id("ruleId"), { error: !!err("ruleId") })}
            className={inputClass}
          >
            <option value="">—</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <label htmlFor={id("note")} className="mt-2 block font-semibold">
        {t("note")}
      </label>
      <p id={`${id("note")}-hint`} className="text-sm text-slate-700">
        {t("noteHint")}
      </p>
      <textarea
        id={id("note")}
        name="note"
        rows={2}
        maxLength={1000}
        defaultValue={v.note ?? ""}
        aria-describedby={describedBy(id("note"), { hint: true, error: !!err("note") })}
        className={`${inputClass} mb-2`}
      />
      <SubmitButton label={t("submitDecision")} pendingLabel={t("sending")} />
    </form>
  );
}
