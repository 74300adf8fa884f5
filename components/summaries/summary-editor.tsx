"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CharacterCount } from "@/components/ui/character-count";
import { describedBy, ErrorSummary, FieldError, inputClass } from "@/components/ui/field";
import { useErrorText } from "@/components/ui/use-error-text";
import { SUMMARY_SECTION_MAX, SUMMARY_SECTIONS, type SummaryContent, type SummarySection } from "@/lib/limits";
import { submitSummary, type SummaryFormState } from "@/lib/actions/summaries";
import { CitationProblems } from "./citation-problems";
import { KeptTextarea } from "@/components/ui/kept-textarea";

const button = "inline-flex min-h-11 cursor-pointer items-center rounded px-5 py-2 font-semibold";
const fieldId = (s: SummarySection) => `summary-${s}`;

/**
 * A principle's summary, part by part. Saving keeps the draft even with citation problems (listed, to fix before
 * publishing); a refusal (a part too long, an empty summary) names each part to fix, keeps what was typed, and is
 * announced; a save is confirmed in a status message. Works without JavaScript (useActionState re-renders).
 */
export function SummaryEditor({ principleId, draft }: { principleId: string; draft: SummaryContent }) {
  const t = useTranslations("summary");
  const te = useTranslations("errors");
  const td = useTranslations("done");
  const start: SummaryFormState = { status: "idle", errors: {}, values: { ...draft } as Record<string, string>, problems: [] };
  const [state, action, pending] = useActionState(submitSummary, start);
  const v = state.values;
  const err = useErrorText(state);
  const formError = err("form") ?? err("principleId") ?? err("intent");
  const refused = SUMMARY_SECTIONS.filter((s) => state.errors[s]);
  const errors = [
    ...(formError ? [{ field: state.problems.length ? "problems-heading" : fieldId("overview"), message: formError }] : []),
    ...refused.map((s) => ({ field: fieldId(s), message: `${t(`sections.${s}`)}: ${err(s) ?? ""}` })),
  ];
  const saved = state.status === "ok" && state.message ? td(state.message) : null;
  return (
    <form action={action} noValidate data-testid="summary-editor">
      {/* Always present, so that the message put into it is announced (a region added with its text may not be). */}
      <div role="status" data-testid="summary-status">
        {saved ? (
          <p className="mb-6 rounded border-2 border-green-700 bg-green-50 p-4 text-green-900" data-testid="summary-saved">
            {saved}
          </p>
        ) : null}
      </div>
      <ErrorSummary title={te("formHasErrors")} errors={errors} />
      <CitationProblems problems={state.problems} alert={!formError} />
      <input type="hidden" name="principleId" value={principleId} />
      {SUMMARY_SECTIONS.map((s) => {
        const id = fieldId(s);
        const error = err(s);
        return (
          <div key={s} className="mb-5">
            <label htmlFor={id} className="block font-semibold">
              {t(`sections.${s}`)}
            </label>
            <p id={`${id}-hint`} className="text-sm text-slate-700">
              {t("citeHint", { max: SUMMARY_SECTION_MAX })}
            </p>
            <FieldError name={id} error={error} />
            {/* No maxLength: a long paste would be cut silently; the count shows the excess and the server refuses it. */}
            <KeptTextarea
              id={id}
              name={s}
              rows={s === "overview" ? 6 : 4}
              defaultValue={v[s] ?? ""}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, { hint: true, error: !!error, count: true })}
              className={`${inputClass} font-mono text-sm`}
            />
            <CharacterCount fieldId={id} max={SUMMARY_SECTION_MAX} />
          </div>
        );
      })}
      <div className="flex flex-wrap gap-4">
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={pending}
          className={`${button} border-2 border-blue-800 text-blue-900 hover:bg-blue-50`}
        >
          {pending ? t("saving") : t("save")}
        </button>
        <button
          type="submit"
          name="intent"
          value="publish"
          disabled={pending}
          className={`${button} bg-blue-800 text-white hover:bg-blue-900`}
        >
          {t("publish")}
        </button>
      </div>
    </form>
  );
}
