"use client";

import { useTranslations } from "next-intl";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { KeptTextarea } from "@/components/ui/kept-textarea";
import { sectionFieldName, type SectionField } from "@/lib/validation/consultations";

/** One section of the form: its title, official text and explainer, in English and Hindi, and "remove". */
export function SectionFields({
  index,
  position,
  values,
  error,
  comments,
}: {
  index: number;
  /** Its number as shown (1-based, in form order). */
  position: number;
  values: Record<string, string>;
  error: (field: string) => string | undefined;
  /** How many comments the saved section has; a section with any cannot be removed. */
  comments: number;
}) {
  const t = useTranslations("consultationAdmin");
  const name = (f: SectionField) => sectionFieldName(index, f);
  const id = values[name("id")] ?? "";
  const headingId = `${name("key")}-heading`;
  const line = (f: "title" | "titleHi", label: string) => {
    const err = error(name(f));
    return (
      <div className="mb-4">
        <label htmlFor={name(f)} className="block font-semibold">
          {label}
        </label>
        <FieldError name={name(f)} error={err} />
        <input
          id={name(f)}
          name={name(f)}
          type="text"
          lang={f === "titleHi" ? "hi" : undefined}
          defaultValue={values[name(f)] ?? ""}
          aria-invalid={err ? true : undefined}
          aria-describedby={describedBy(name(f), { error: !!err })}
          className={inputClass}
        />
      </div>
    );
  };
  const text = (f: "body" | "bodyHi" | "explainer" | "explainerHi", label: string) => {
    const err = error(name(f));
    return (
      <div className="mb-4">
        <label htmlFor={name(f)} className="block font-semibold">
          {label}
        </label>
        <FieldError name={name(f)} error={err} />
        <KeptTextarea
          id={name(f)}
          name={name(f)}
          rows={f.startsWith("body") ? 6 : 3}
          lang={f.endsWith("Hi") ? "hi" : undefined}
          defaultValue={values[name(f)] ?? ""}
          aria-invalid={err ? true : undefined}
          aria-describedby={describedBy(name(f), { error: !!err })}
          className={inputClass}
        />
      </div>
    );
  };
  return (
    <section aria-labelledby={headingId} className="mt-4 rounded border-2 border-slate-300 p-4" data-testid="section-fields">
      <h3 id={headingId} className="text-lg font-bold">
        {t("sectionHeading", { n: position })}
      </h3>
      <input type="hidden" name={name("key")} value="1" />
      <input type="hidden" name={name("id")} value={id} />
      <div className="mt-3 grid gap-x-6 md:grid-cols-2">
        {line("title", t("sectionTitle"))}
        {line("titleHi", t("sectionTitleHi"))}
        {text("body", t("sectionBody"))}
        {text("bodyHi", t("sectionBodyHi"))}
        {text("explainer", t("sectionExplainer"))}
        {text("explainerHi", t("sectionExplainerHi"))}
      </div>
      {comments > 0 ? (
        <p className="text-sm text-slate-700">{t("sectionHasComments", { count: comments })}</p>
      ) : (
        <div className="flex min-h-11 items-center gap-2">
          <input
            id={name("remove")}
            name={name("remove")}
            type="checkbox"
            value="yes"
            defaultChecked={values[name("remove")] === "yes"}
            className="h-5 w-5"
          />
          <label htmlFor={name("remove")}>{t("sectionRemove", { n: position })}</label>
        </div>
      )}
    </section>
  );
}
