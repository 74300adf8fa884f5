"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getConsultationById, getPrincipleById } from "@/db/queries/consultations";
import { summarySections, type SummaryContent } from "@/db/schema/summaries";
import { publishReport } from "@/lib/commands/reports";
import { publishSummary, saveSummary } from "@/lib/commands/summaries";
import { auditIfDenied } from "@/lib/auth/audit-events";
import { getCurrentUser } from "@/lib/auth/session";
import type { CitationProblem } from "@/lib/rules/citations";
import { reportFormSchema, summaryFormSchema } from "@/lib/validation/summaries";
import { fieldErrorKeys, formFields } from "@/lib/validation/form-data";
import type { FormState } from "./form-state";

export interface SummaryFormState extends FormState {
  problems: CitationProblem[];
  savedAt?: string;
}

/** Save always keeps the text; publish first saves, then publishes only if every citation holds. */
export async function submitSummary(_prev: SummaryFormState, formData: FormData): Promise<SummaryFormState> {
  const raw = formFields(formData, ["principleId", "intent", ...summarySections]);
  const parsed = summaryFormSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw, problems: [] };
  const db = await getDb();
  const user = await getCurrentUser();
  const sections: SummaryContent = Object.fromEntries(summarySections.map((s) => [s, parsed.data[s]]));
  const saved = await saveSummary(db, user, { principleId: parsed.data.principleId, sections });
  await auditIfDenied(db, user, "submitSummary", saved, { type: "principle", id: parsed.data.principleId });
  if (!saved.ok) return { status: "error", errors: { form: saved.error }, values: raw, problems: [] };
  if (parsed.data.intent === "save") {
    return { status: saved.problems.length ? "error" : "ok", errors: {}, values: raw, problems: saved.problems, savedAt: new Date().toISOString() };
  }
  const published = await publishSummary(db, user, { principleId: parsed.data.principleId });
  if (!published.ok) {
    return {
      status: "error",
      errors: { form: published.error },
      values: raw,
      problems: published.error === "citationProblems" ? published.problems : [],
      savedAt: new Date().toISOString(),
    };
  }
  revalidatePath("/", "layout");
  const principle = await getPrincipleById(db, parsed.data.principleId);
  const consultation = principle ? await getConsultationById(db, principle.consultationId) : undefined;
  const which = consultation ? `consultation=${consultation.slug}&` : "";
  redirect(`/${await getLocale()}/moderate/summaries?${which}published=${published.version}`);
}

export async function submitConsultationReport(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, ["consultationSlug", "introduction"]);
  const parsed = reportFormSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await publishReport(db, user, parsed.data);
  await auditIfDenied(db, user, "submitConsultationReport", result, { type: "consultation", id: parsed.data.consultationSlug });
  if (!result.ok) return { status: "error", errors: { form: result.error }, values: raw };
  revalidatePath("/", "layout");
  redirect(`/${await getLocale()}/consultations/${parsed.data.consultationSlug}/report`);
}
