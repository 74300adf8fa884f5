"use server";

import { auditEvent } from "@/lib/auth/audit-events";
import { authorise } from "@/lib/commands/actor";
import {
  closeConsultation,
  createConsultation,
  publishConsultation,
  scheduleConsultation,
  updateConsultation,
} from "@/lib/commands/consultations";
import { splitSections } from "@/lib/rules/section-split";
import {
  CONSULTATION_FORM_FIELDS,
  SECTION_FIELDS,
  closeFormSchema,
  consultationFormSchema,
  publishFormSchema,
  readSections,
  scheduleFormSchema,
  sectionFieldName,
  type ConsultationFormInput,
} from "@/lib/validation/consultations";
import { buttonAction, formAction } from "./kit/form-action";

const consultation = (i: { consultationId: string }) => ({ type: "consultation", id: i.consultationId });

/**
 * The form again with the pasted text split into sections after the ones already there (blank new ones dropped),
 * renumbered from 0, for the admin to review: nothing is saved until they press Save.
 */
function withSplitSections(input: ConsultationFormInput, values: Record<string, string>): Record<string, string> | null {
  const split = splitSections(input.pasted);
  if (split.sections.length === 0) return null;
  const kept = readSections(input, true).sections;
  const out: Record<string, string> = Object.fromEntries(Object.entries(values).filter(([k]) => !/^s\d+_/.test(k)));
  out.pasted = "";
  // Text before the first heading is usually the draft's preamble: it becomes the introduction if there is none.
  if (!out.description?.trim() && split.preamble) out.description = split.preamble;
  kept.forEach((s, i) => {
    for (const f of SECTION_FIELDS) {
      const v = f === "key" ? "1" : f === "remove" ? (s.remove ? "yes" : "") : f === "id" ? (s.id ?? "") : s[f];
      if (v) out[sectionFieldName(i, f)] = v;
    }
  });
  split.sections.forEach((s, j) => {
    const i = kept.length + j;
    Object.assign(out, {
      [sectionFieldName(i, "key")]: "1",
      [sectionFieldName(i, "title")]: s.title,
      [sectionFieldName(i, "body")]: s.body,
    });
  });
  return out;
}

/** One more empty section at the end of the form (without JavaScript, a button is the way to get one). */
function withEmptySection(values: Record<string, string>): Record<string, string> {
  let next = 0;
  while (values[sectionFieldName(next, "key")] !== undefined) next++;
  return { ...values, [sectionFieldName(next, "key")]: "1" };
}

/** Create or edit a consultation's texts and sections; "split" and "addSection" only redraw the form. */
export const saveConsultation = formAction({
  name: "saveConsultation",
  schema: consultationFormSchema,
  fields: CONSULTATION_FORM_FIELDS,
  target: (i) => (i.consultationId ? { type: "consultation", id: i.consultationId } : null),
  errorField: { slugTaken: "slug", organisationMissing: "ownerOrganisationId", pastedNoHeadings: "pasted" },
  run: async ({ db, actor, input, values }) => {
    if (input.intent !== "save") {
      // Nothing is written, but the form is an admin's: a refusal here says so as early as saving would.
      const allowed = authorise(actor, "admin");
      if (!allowed.ok) return allowed;
      if (input.intent === "addSection") return { ok: true, done: null, values: withEmptySection(values) };
      const split = withSplitSections(input, values);
      return split ? { ok: true, done: "sectionsSplit", values: split } : { ok: false, error: "pastedNoHeadings" };
    }
    const texts = {
      slug: input.slug,
      title: input.title,
      titleHi: input.titleHi,
      description: input.description,
      descriptionHi: input.descriptionHi,
      ownerOrganisationId: input.ownerOrganisationId,
      hindi: input.hindi === "yes",
      referencePrefix: input.referencePrefix,
    };
    const { sections } = readSections(input, true);
    if (!input.consultationId) {
      const created = await createConsultation(db, actor, { texts, sections });
      if (!created.ok) return created;
      if (!created.repeated)
        await auditEvent(db, actor, "consultation.created", { type: "consultation", id: created.id }, { slug: input.slug });
      return { ok: true, done: "consultationCreated", goTo: { path: `/admin/consultations/${created.id}` } };
    }
    const saved = await updateConsultation(db, actor, { consultationId: input.consultationId, texts, sections });
    if (!saved.ok) return saved;
    return { ok: true, done: "consultationSaved", goTo: { path: `/admin/consultations/${saved.id}` } };
  },
});

export const saveSchedule = formAction({
  name: "saveSchedule",
  schema: scheduleFormSchema,
  target: consultation,
  errorField: {
    closesBeforeOpens: "closesAt",
    counterBeforeClose: "counterClosesAt",
    summaryBeforeClose: "summaryDueAt",
    commentPeriodShort: "acknowledgeShort",
  },
  run: async ({ db, actor, input }) => {
    const { consultationId, acknowledgeShort, ...schedule } = input;
    const result = await scheduleConsultation(db, actor, { consultationId, schedule, acknowledgeShort: acknowledgeShort === "yes" });
    if (!result.ok) return result;
    return { ok: true, done: "scheduleSaved", goTo: { path: `/admin/consultations/${consultationId}/schedule` } };
  },
});

export const submitPublication = formAction({
  name: "submitPublication",
  schema: publishFormSchema,
  target: consultation,
  errorField: { hindiPendingDateRequired: "hindiPendingUntil" },
  run: async ({ db, actor, input }) => {
    const result = await publishConsultation(db, actor, {
      consultationId: input.consultationId,
      hindiPending: input.hindiPending === "yes",
      hindiPendingUntil: input.hindiPendingUntil,
    });
    if (!result.ok) return { ok: false, error: result.error };
    await auditEvent(db, actor, "consultation.published", consultation(input), {
      slug: result.slug,
      hindiPending: input.hindiPending === "yes",
    });
    return { ok: true, done: "consultationPublished", goTo: { path: `/admin/consultations/${input.consultationId}` } };
  },
});

export const submitClosure = buttonAction({
  name: "submitClosure",
  schema: closeFormSchema,
  target: consultation,
  back: (raw) => ({ path: `/admin/consultations/${/^[0-9a-f-]{36}$/.test(raw.consultationId ?? "") ? raw.consultationId : ""}/close` }),
  run: async ({ db, actor, input }) => {
    const result = await closeConsultation(db, actor, input);
    if (!result.ok) return { ok: false, error: result.error };
    await auditEvent(db, actor, "consultation.closed", consultation(input));
    return { ok: true, done: "consultationClosedConfirmed", goTo: { path: `/admin/consultations/${input.consultationId}` } };
  },
});
