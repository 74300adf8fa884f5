import { z } from "zod";
import {
  COMMENT_PERIOD_MIN_DAYS,
  CONSULTATION_INTRO_MAX,
  CONSULTATION_TITLE_MAX,
  REFERENCE_PREFIX_PATTERN,
  SECTION_TEXT_MAX,
  SECTION_TITLE_MAX,
  SECTIONS_MAX,
} from "@/lib/limits";
import { isCommentPeriodShort, parseIndiaDate, parseIndiaDateTime, scheduleErrors } from "@/lib/rules/schedule";
import { normaliseLineBreaks } from "./text";

/** A pasted draft is split into at most SECTIONS_MAX sections of at most SECTION_TEXT_MAX characters each. */
const PASTE_MAX = 200_000;

const line = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).default("");
const long = (max: number, tooLong: string) =>
  z
    .string()
    .transform((s) => normaliseLineBreaks(s).trim())
    .pipe(z.string().max(max, tooLong))
    .default("");

/** The fields of one section in the form, named `s<index>_<field>`; `key` is always sent, so a blank section counts. */
export const SECTION_FIELDS = ["key", "id", "title", "titleHi", "body", "bodyHi", "explainer", "explainerHi", "remove"] as const;
export type SectionField = (typeof SECTION_FIELDS)[number];
export const sectionFieldName = (index: number, field: SectionField) => `s${index}_${field}`;

export interface SectionInput {
  /** Its place in the form (for error messages). */
  index: number;
  /** The section's id when it is already saved. */
  id: string | null;
  title: string;
  titleHi: string;
  body: string;
  bodyHi: string;
  explainer: string;
  explainerHi: string;
  remove: boolean;
}

const sectionSchema = z.object({
  id: z.union([z.literal(""), z.uuid("actionInvalid")]).default(""),
  title: line(SECTION_TITLE_MAX, "sectionTitleTooLong"),
  titleHi: line(SECTION_TITLE_MAX, "sectionTitleTooLong"),
  body: long(SECTION_TEXT_MAX, "sectionTextTooLong"),
  bodyHi: long(SECTION_TEXT_MAX, "sectionTextTooLong"),
  explainer: long(SECTION_TEXT_MAX, "sectionTextTooLong"),
  explainerHi: long(SECTION_TEXT_MAX, "sectionTextTooLong"),
  remove: z.string().default(""),
});

/**
 * The sections a form sent, in form order, each checked; `issues` name the exact field (`s3_title`). With
 * `required`, a kept section needs its English title and official text; a wholly blank new section is dropped.
 */
export function readSections(raw: Record<string, unknown>, required: boolean) {
  const sections: SectionInput[] = [];
  const issues: { field: string; message: string }[] = [];
  for (let index = 0; index < SECTIONS_MAX; index++) {
    if (typeof raw[sectionFieldName(index, "key")] !== "string") continue;
    const fields = Object.fromEntries(SECTION_FIELDS.map((f) => [f, raw[sectionFieldName(index, f)] ?? undefined]));
    const parsed = sectionSchema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ field: sectionFieldName(index, String(issue.path[0]) as SectionField), message: issue.message });
      continue;
    }
    const s = { ...parsed.data, index, id: parsed.data.id || null, remove: parsed.data.remove === "yes" };
    const blank = !s.id && [s.title, s.titleHi, s.body, s.bodyHi, s.explainer, s.explainerHi].every((v) => v === "");
    if (required && (blank || (s.remove && !s.id))) continue;
    if (required && !s.remove) {
      if (!s.title) issues.push({ field: sectionFieldName(index, "title"), message: "sectionTitleRequired" });
      if (!s.body) issues.push({ field: sectionFieldName(index, "body"), message: "sectionTextRequired" });
    }
    sections.push(s);
  }
  return { sections, issues };
}

/** Every field name the form may send: the action reads these and nothing else. */
export const CONSULTATION_FORM_FIELDS: readonly string[] = [
  "intent",
  "consultationId",
  "slug",
  "title",
  "titleHi",
  "description",
  "descriptionHi",
  "ownerOrganisationId",
  "hindi",
  "referencePrefix",
  "pasted",
  ...Array.from({ length: SECTIONS_MAX }, (_, i) => SECTION_FIELDS.map((f) => sectionFieldName(i, f))).flat(),
];

/**
 * Create or edit a consultation's texts and sections. "split" turns the pasted text into sections for review
 * and "addSection" adds an empty one: neither saves, so only "save" holds the texts to what saving needs.
 * Loose, so the section fields (`s<i>_…`) stay in the output for `readSections`.
 */
export const consultationFormSchema = z
  .looseObject({
    intent: z.enum(["save", "split", "addSection"]).default("save"),
    consultationId: z.union([z.literal(""), z.uuid()]).default(""),
    slug: z.string().trim().toLowerCase().max(80, "slugInvalid").default(""),
    title: line(CONSULTATION_TITLE_MAX, "consultationTitleTooLong"),
    titleHi: line(CONSULTATION_TITLE_MAX, "consultationTitleTooLong"),
    description: long(CONSULTATION_INTRO_MAX, "consultationIntroTooLong"),
    descriptionHi: long(CONSULTATION_INTRO_MAX, "consultationIntroTooLong"),
    ownerOrganisationId: z.string().default(""),
    hindi: z.string().default(""),
    referencePrefix: z.string().trim().toUpperCase().default(""),
    pasted: long(PASTE_MAX, "pastedTooLong"),
  })
  .superRefine((v, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    if (v.intent === "split" && !v.pasted) issue("pasted", "pastedEmpty");
    if (v.intent !== "save") return;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.slug)) issue("slug", "slugInvalid");
    if (!v.title) issue("title", "consultationTitleRequired");
    if (!v.description) issue("description", "consultationIntroRequired");
    if (!z.uuid().safeParse(v.ownerOrganisationId).success) issue("ownerOrganisationId", "ownerRequired");
    if (!new RegExp(REFERENCE_PREFIX_PATTERN).test(v.referencePrefix)) issue("referencePrefix", "referencePrefixInvalid");
    for (const i of readSections(v, true).issues) issue(i.field, i.message);
  });
export type ConsultationFormInput = z.output<typeof consultationFormSchema>;

const when = (parse: (s: string) => Date | null, invalid: string) =>
  z.string().transform((s, ctx) => {
    const d = parse(s);
    if (d) return d;
    ctx.addIssue({ code: "custom", message: invalid });
    return z.NEVER;
  });
const maybe = (parse: (s: string) => Date | null, invalid: string) =>
  z
    .string()
    .default("")
    .transform((s, ctx) => {
      if (!s.trim()) return null;
      const d = parse(s);
      if (!d) ctx.addIssue({ code: "custom", message: invalid });
      return d;
    });

/** The schedule, entered in India time; the order rules and the 30-day warning come from lib/rules/schedule. */
export const scheduleFormSchema = z
  .object({
    consultationId: z.uuid(),
    opensAt: when(parseIndiaDateTime, "dateTimeInvalid"),
    closesAt: when(parseIndiaDateTime, "dateTimeInvalid"),
    counterClosesAt: maybe(parseIndiaDateTime, "dateTimeInvalid"),
    summaryDueAt: maybe(parseIndiaDate, "dateInvalid"),
    acknowledgeShort: z.string().default(""),
  })
  .superRefine((v, ctx) => {
    const errors = scheduleErrors(v);
    for (const [field, message] of Object.entries(errors)) ctx.addIssue({ code: "custom", path: [field], message });
    // A period that ends before it starts is an error already, not a short one.
    if (!errors.closesAt && isCommentPeriodShort(v, COMMENT_PERIOD_MIN_DAYS) && v.acknowledgeShort !== "yes")
      ctx.addIssue({ code: "custom", path: ["acknowledgeShort"], message: "commentPeriodShort" });
  });

export const publishFormSchema = z.object({
  consultationId: z.uuid(),
  hindiPending: z.string().default(""),
  hindiPendingUntil: maybe(parseIndiaDate, "dateInvalid"),
});

export const closeFormSchema = z.object({ consultationId: z.uuid() });
