"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, FieldError, inputClass } from "@/components/ui/field";
import { KeptTextarea } from "@/components/ui/kept-textarea";
import { useErrorText } from "@/components/ui/use-error-text";
import type { FormState } from "@/lib/actions/form-state";
import { saveConsultation } from "@/lib/actions/consultations";
import { SECTIONS_MAX } from "@/lib/limits";
import { sectionFieldName } from "@/lib/validation/consultations";
import { SectionFields } from "./section-fields";

export interface OrganisationGroup {
  label: string;
  options: { id: string; name: string }[];
}

const secondary =
  "inline-flex min-h-11 cursor-pointer items-center rounded border-2 border-blue-800 px-4 font-semibold text-blue-900 hover:bg-blue-50";
const primary = "inline-flex min-h-11 cursor-pointer items-center rounded bg-blue-800 px-5 py-2 font-semibold text-white hover:bg-blue-900";

/** The section indexes present in the form's values, in order. */
function sectionIndexes(values: Record<string, string>): number[] {
  const out: number[] = [];
  for (let i = 0; i < SECTIONS_MAX; i++) if (values[sectionFieldName(i, "key")] !== undefined) out.push(i);
  return out;
}

/**
 * A consultation's texts and sections, new or saved. Pasted text is split into sections shown below as fields to
 * review; nothing is saved until Save. Every button is a plain submit, so it all works without JavaScript.
 */
export function ConsultationForm({
  consultationId,
  published,
  initial,
  organisations,
  sectionComments,
}: {
  consultationId: string | null;
  /** Once published, the address (slug) no longer changes. */
  published: boolean;
  initial: Record<string, string>;
  organisations: OrganisationGroup[];
  sectionComments: Record<string, number>;
}) {
  const t = useTranslations("consultationAdmin");
  const te = useTranslations("errors");
  const td = useTranslations("done");
  const tf = useTranslations("form");
  const start: FormState = { status: "idle", errors: {}, values: initial };
  const [state, action, pending] = useActionState(saveConsultation, start);
  const v = state.values;
  const err = useErrorText(state);
  const indexes = sectionIndexes(v);
  const errors = Object.keys(state.errors).map((field) => ({
    field: field === "form" ? "title" : field,
    message: err(field) ?? "",
  }));
  const done = state.status === "ok" && state.message ? td(state.message) : null;

  const text = (name: string, label: string, opts: { hint?: string; hi?: boolean; readOnly?: boolean; optional?: boolean } = {}) => {
    const error = err(name);
    return (
      <div className="mb-5">
        <label htmlFor={name} className="block font-semibold">
          {label}
          {opts.optional ? <span className="font-normal text-slate-700"> ({tf("optional")})</span> : null}
        </label>
        {opts.hint ? (
          <p id={`${name}-hint`} className="text-sm text-slate-700">
            {opts.hint}
          </p>
        ) : null}
        <FieldError name={name} error={error} />
        <input
          id={name}
          name={name}
          type="text"
          lang={opts.hi ? "hi" : undefined}
          readOnly={opts.readOnly}
          defaultValue={v[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, { error: !!error, hint: !!opts.hint })}
          className={`${inputClass} read-only:bg-slate-100`}
        />
      </div>
    );
  };
  const area = (name: string, label: string, opts: { hint?: string; hi?: boolean; rows?: number } = {}) => {
    const error = err(name);
    return (
      <div className="mb-5">
        <label htmlFor={name} className="block font-semibold">
          {label}
        </label>
        {opts.hint ? (
          <p id={`${name}-hint`} className="text-sm text-slate-700">
            {opts.hint}
          </p>
        ) : null}
        <FieldError name={name} error={error} />
        <KeptTextarea
          id={name}
          name={name}
          rows={opts.rows ?? 5}
          lang={opts.hi ? "hi" : undefined}
          defaultValue={v[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, { error: !!error, hint: !!opts.hint })}
          className={inputClass}
        />
      </div>
    );
  };

  const ownerError = err("ownerOrganisationId");
  return (
    <form action={action} noValidate data-testid="consultation-form">
      {/* Enter in a text field saves: the first submit button of a form is the one Enter presses. */}
      <button type="submit" name="intent" value="save" className="hidden" tabIndex={-1} aria-hidden="true" />
      <div role="status" data-testid="consultation-form-status">
        {done ? <p className="mb-6 rounded border-2 border-green-700 bg-green-50 p-4 text-green-900">{done}</p> : null}
      </div>
      <ErrorSummary title={te("formHasErrors")} errors={errors} />
      <input type="hidden" name="consultationId" value={consultationId ?? ""} />

      <div className="grid gap-x-6 md:grid-cols-2">
        {text("title", t("title"))}
        {text("titleHi", t("titleHi"), { hi: true })}
      </div>
      {text("slug", t("slug"), { hint: published ? t("slugFixed") : t("slugHint"), readOnly: published })}
      <div className="grid gap-x-6 md:grid-cols-2">
        {area("description", t("introduction"), { rows: 6 })}
        {area("descriptionHi", t("introductionHi"), { hi: true, rows: 6 })}
      </div>

      <div className="mb-5">
        <label htmlFor="ownerOrganisationId" className="block font-semibold">
          {t("owner")}
        </label>
        <FieldError name="ownerOrganisationId" error={ownerError} />
        <select
          id="ownerOrganisationId"
          name="ownerOrganisationId"
          defaultValue={v.ownerOrganisationId ?? ""}
          aria-invalid={ownerError ? true : undefined}
          aria-describedby={describedBy("ownerOrganisationId", { error: !!ownerError })}
          className={`${inputClass} min-h-11`}
        >
          <option value="">{t("ownerChoose")}</option>
          {organisations.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>

      <fieldset className="mb-5">
        <legend className="font-semibold">{t("languages")}</legend>
        <p className="text-sm text-slate-700">{t("languagesHint")}</p>
        <div className="flex min-h-11 items-center gap-2">
          <input id="language-en" type="checkbox" checked disabled className="h-5 w-5" />
          <label htmlFor="language-en">{t("english")}</label>
        </div>
        <div className="flex min-h-11 items-center gap-2">
          <input id="hindi" name="hindi" type="checkbox" value="yes" defaultChecked={v.hindi === "yes"} className="h-5 w-5" />
          <label htmlFor="hindi">{t("hindi")}</label>
        </div>
      </fieldset>

      {text("referencePrefix", t("referencePrefix"), { hint: t("referencePrefixHint") })}

      <h2 className="mt-8 text-2xl font-bold">{t("sectionsHeading")}</h2>
      <p className="mt-1 max-w-prose">{t("sectionsIntro")}</p>
      <section aria-labelledby="paste-heading" className="mt-4 rounded border-2 border-blue-700 bg-blue-50 p-4">
        <h3 id="paste-heading" className="text-lg font-bold">
          {t("pasteHeading")}
        </h3>
        {area("pasted", t("pasteLabel"), { hint: t("pasteHint"), rows: 8 })}
        <button type="submit" name="intent" value="split" disabled={pending} className={secondary}>
          {t("split")}
        </button>
      </section>

      {indexes.length === 0 ? <p className="mt-4">{t("noSections")}</p> : null}
      {indexes.map((index, i) => (
        <SectionFields
          key={`${index}:${v[sectionFieldName(index, "id")] ?? ""}:${v[sectionFieldName(index, "title")] ?? ""}`}
          index={index}
          position={i + 1}
          values={v}
          error={err}
          comments={sectionComments[v[sectionFieldName(index, "id")] ?? ""] ?? 0}
        />
      ))}
      <div className="mt-4">
        <button type="submit" name="intent" value="addSection" disabled={pending || indexes.length >= SECTIONS_MAX} className={secondary}>
          {t("addSection")}
        </button>
      </div>

      <div className="mt-8 border-t-2 border-slate-300 pt-4">
        <p className="mb-3 max-w-prose">{consultationId ? t("saveHint") : t("createHint")}</p>
        <button type="submit" name="intent" value="save" disabled={pending} className={primary}>
          {pending ? t("saving") : consultationId ? t("save") : t("create")}
        </button>
      </div>
    </form>
  );
}
