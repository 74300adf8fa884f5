"use client";

import { useTranslations } from "next-intl";
import { CharacterCount } from "@/components/ui/character-count";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { COMMENT_BODY_MAX, COMMENT_BODY_MIN } from "@/lib/limits";
import { KeptTextarea } from "@/components/ui/kept-textarea";

/**
 * A comment's text box, the same for a new comment, a reply and an edit: label, the limits as a hint, the error,
 * the browser's limits from lib/limits.ts and a live count where JavaScript runs. Written once so that no form
 * can leave a limit out.
 */
export function CommentBodyField({ id, defaultValue, error, rows }: { id: string; defaultValue: string; error?: string; rows: number }) {
  const t = useTranslations("comments");
  return (
    <>
      <label htmlFor={id} className="block font-semibold">
        {t("body")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {t("bodyHint", { min: COMMENT_BODY_MIN, max: COMMENT_BODY_MAX })}
      </p>
      <FieldError name={id} error={error} />
      <KeptTextarea
        id={id}
        name="body"
        rows={rows}
        required
        minLength={COMMENT_BODY_MIN}
        maxLength={COMMENT_BODY_MAX}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: true, error: !!error, count: true })}
        className={inputClass}
      />
      <CharacterCount fieldId={id} min={COMMENT_BODY_MIN} max={COMMENT_BODY_MAX} trim />
    </>
  );
}
