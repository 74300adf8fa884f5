"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FieldError } from "@/components/ui/field";
import { LOCALES } from "@/lib/limits";

/** A group of radio buttons with a legend, a hint above them and the error; the comment form's choices. */
function RadioGroup(p: {
  id: string;
  name: string;
  legend: string;
  hint: ReactNode;
  options: { value: string; label: string; lang?: string }[];
  value: string;
  error?: string;
  className?: string;
}) {
  const hintId = `${p.id}-hint`;
  return (
    <fieldset className={p.className ?? "mb-4"} id={p.id} aria-describedby={`${hintId}${p.error ? ` ${p.id}-error` : ""}`}>
      <legend className="font-semibold">{p.legend}</legend>
      <div id={hintId} className="text-sm text-slate-700">
        {p.hint}
      </div>
      <FieldError name={p.id} error={p.error} />
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {p.options.map((o) => (
          <div key={o.value} className="flex items-center gap-2">
            <input
              type="radio"
              id={`${p.id}-${o.value}`}
              name={p.name}
              value={o.value}
              defaultChecked={p.value === o.value}
              className="h-6 w-6 accent-blue-800"
            />
            <label htmlFor={`${p.id}-${o.value}`} className="min-h-11 content-center" lang={o.lang}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Whether a personal comment shows its author's name or only their stakeholder group. Explained above the
 * choice; before someone's first comment the explanation stands out, since the choice is theirs to make each time.
 */
export function NameShownChoice({ id, value, error, first }: { id: string; value: string | undefined; error?: string; first: boolean }) {
  const t = useTranslations("comments");
  const hint = (
    <>
      {first ? <p className="font-semibold text-blue-950">{t("showFirstTime")}</p> : null}
      <p>{t("showExplain")}</p>
      <p>{t("showOrganisation")}</p>
    </>
  );
  return (
    <RadioGroup
      id={id}
      name="show"
      legend={t("showLegend")}
      hint={hint}
      options={[
        { value: "name", label: t("showName") },
        { value: "group", label: t("showGroup") },
      ]}
      value={value ?? "name"}
      error={error}
      className={first ? "mb-4 rounded border-2 border-blue-800 bg-blue-50 p-3" : "mb-4"}
    />
  );
}

/** The language the comment is written in (default: the page's), recorded and shown on the comment. */
export function LanguageChoice({ id, value, error }: { id: string; value: string; error?: string }) {
  const t = useTranslations("comments");
  return (
    <RadioGroup
      id={id}
      name="language"
      legend={t("languageLegend")}
      hint={<p>{t("languageHint")}</p>}
      options={LOCALES.map((l) => ({ value: l, label: t(`languageName.${l}`) }))}
      value={value}
      error={error}
    />
  );
}
