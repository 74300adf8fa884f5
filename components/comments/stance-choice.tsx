"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field";
import { STANCES } from "@/lib/limits";

/** The five STANCES as radio buttons: used by the comment form and the edit form alike. */
export function StanceChoice({ id, value, error }: { id: string; value: string | undefined; error?: string }) {
  const t = useTranslations("comments");
  const ts = useTranslations("stances");
  return (
    <fieldset className="mb-4" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-semibold">{t("stance")}</legend>
      <FieldError name={id} error={error} />
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {STANCES.map((s) => (
          <div key={s} className="flex items-center gap-2">
            <input
              type="radio"
              id={`${id}-${s}`}
              name="stance"
              value={s}
              defaultChecked={value === s}
              className="h-6 w-6 accent-blue-800"
            />
            <label htmlFor={`${id}-${s}`} className="min-h-11 content-center">
              {ts(s)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
