"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, inputClass, Notice } from "@/components/ui/field";
import { summarySections, type SummaryContent } from "@/db/schema/summaries";
import { submitSummary, type SummaryFormState } from "@/lib/actions/summaries";

const button = "inline-flex min-h-11 cursor-pointer items-center rounded px-5 py-2 font-semibold";

export function SummaryEditor({ principleId, draft }: { principleId: string; draft: SummaryContent }) {
  const t = useTranslations("summary");
  const te = useTranslations("errors");
  const start: SummaryFormState = { status: "idle", errors: {}, values: { ...draft } as Record<string, string>, problems: [] };
  const [state, action, pending] = useActionState(submitSummary, start);
  const v = state.values;
  const formError = state.errors.form ? te(state.errors.form) : undefined;
  return (
    <form action={action} noValidate data-testid="summary-editor">
      {state.savedAt && !state.errors.form && state.problems.length === 0 ? <Notice tone="success" testId="summary-saved">{t("saved")}</Notice> : null}
      <ErrorSummary title={te("formHasErrors")} errors={formError ? [{ field: "summary-overview", message: formError }] : []} />
      {state.problems.length ? (
        <section aria-labelledby="problems-heading" role="alert" className="mb-6 rounded border-2 border-red-700 bg-red-50 p-4" data-testid="citation-problems">
          <h2 id="problems-heading" className="font-bold text-red-900">{t("problemsHeading")}</h2>
          <ul className="mt-2 list-disc pl-6">
            {state.problems.map((p, i) => (
              <li key={i}>
                <a href={`#summary-${p.section}`} className="text-red-900 underline">
                  {p.kind === "uncitedBlock"
                    ? t("problem.uncitedBlock", { section: t(`sections.${p.section}`), block: p.block, excerpt: p.excerpt })
                    : t(`problem.${p.kind}`, { section: t(`sections.${p.section}`), id: p.commentId })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <input type="hidden" name="principleId" value={principleId} />
      {summarySections.map((s) => (
        <div key={s} className="mb-5">
          <label htmlFor={`summary-${s}`} className="block font-semibold">{t(`sections.${s}`)}</label>
          <p id={`summary-${s}-hint`} className="text-sm text-slate-700">{t("citeHint")}</p>
          <textarea id={`summary-${s}`} name={s} rows={s === "overview" ? 6 : 4} defaultValue={v[s] ?? ""} aria-describedby={`summary-${s}-hint`} className={`${inputClass} font-mono text-sm`} />
        </div>
      ))}
      <div className="flex flex-wrap gap-4">
        <button type="submit" name="intent" value="save" disabled={pending} className={`${button} border-2 border-blue-800 text-blue-900 hover:bg-blue-50`}>{pending ? t("saving") : t("save")}</button>
        <button type="submit" name="intent" value="publish" disabled={pending} className={`${button} bg-blue-800 text-white hover:bg-blue-900`}>{t("publish")}</button>
      </div>
    </form>
  );
}
