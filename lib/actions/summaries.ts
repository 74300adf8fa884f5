"use server";

import { getConsultationById, getPrincipleById } from "@/db/queries/consultations";
import { SUMMARY_SECTIONS, type SummaryContent } from "@/lib/limits";
import { publishConsultationReport } from "@/lib/commands/consultation-reports";
import { publishSummary, saveSummary } from "@/lib/commands/summaries";
import type { CitationProblem } from "@/lib/rules/citations";
import { consultationReportFormSchema, summaryFormSchema } from "@/lib/validation/summaries";
import type { FormState } from "./form-state";
import { formAction } from "./kit/form-action";

export type SummaryFormState = FormState & { problems: CitationProblem[] };

/** Save always keeps the text; publish first saves, then publishes only if every citation holds. */
export const submitSummary = formAction(
  {
    name: "submitSummary",
    schema: summaryFormSchema,
    target: (i) => ({ type: "principle", id: i.principleId }),
    run: async ({ db, actor, input }) => {
      const sections: SummaryContent = Object.fromEntries(SUMMARY_SECTIONS.map((s) => [s, input[s]]));
      const saved = await saveSummary(db, actor, { principleId: input.principleId, sections });
      if (!saved.ok) return saved;
      if (input.intent === "save") return { ok: true, done: "summarySaved", extra: { problems: saved.problems } };
      const published = await publishSummary(db, actor, { principleId: input.principleId });
      if (!published.ok) return { ...published, extra: { problems: published.error === "citationProblems" ? published.problems : [] } };
      const principle = await getPrincipleById(db, input.principleId);
      const consultation = principle ? await getConsultationById(db, principle.consultationId) : undefined;
      const which = consultation ? `consultation=${consultation.slug}&` : "";
      return { ok: true, done: "summaryPublished", goTo: { path: `/moderate/summaries?${which}published=${published.version}` } };
    },
  },
  { problems: [] as CitationProblem[] },
);

export const submitConsultationReport = formAction({
  name: "submitConsultationReport",
  schema: consultationReportFormSchema,
  target: (i) => ({ type: "consultation", id: i.consultationSlug }),
  run: async ({ db, actor, input }) => {
    const result = await publishConsultationReport(db, actor, input);
    return result.ok
      ? { ok: true, done: "consultationReportPublished", goTo: { path: `/consultations/${input.consultationSlug}/report` } }
      : result;
  },
});
