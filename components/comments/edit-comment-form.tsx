"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, FieldError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { stances, type Stance } from "@/db/schema/enums";
import { saveCommentEdit } from "@/lib/actions/comments";
import type { FormState } from "@/lib/actions/form-state";

export function EditCommentForm({ commentId, body, stance, cancelHref }: { commentId: number; body: string; stance: Stance; cancelHref: string }) {
  const t = useTranslations("comments");
  const ts = useTranslations("stances");
  const te = useTranslations("errors");
  const start: FormState = { status: "idle", errors: {}, values: { body, stance, commentId: String(commentId) } };
  const [state, action] = useActionState(saveCommentEdit, start);
  const v = state.values;
  const id = (n: string) => `edit-${commentId}-${n}`;
  const err = (f: string) => (state.errors[f] ? te(state.errors[f]) : undefined);
  const summary = ["form", "body", "stance"].filter((f) => state.errors[f]).map((f) => ({ field: id("body"), message: err(f) ?? "" }));
  return (
    <form action={action} noValidate data-testid="edit-form" className="mt-2">
      <h3 className="font-semibold">{t("editHeading")}</h3>
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <input type="hidden" name="commentId" value={commentId} />
      <label htmlFor={id("body")} className="mt-2 block font-semibold">{t("body")}</label>
      <p id={`${id("body")}-hint`} className="text-sm text-slate-700">{t("bodyHint")}</p>
      <FieldError name={id("body")} error={err("body")} />
      <textarea id={id("body")} name="body" rows={6} defaultValue={v.body ?? ""} aria-invalid={err("body") ? true : undefined}
        aria-describedby={describedBy(id("body"), { hint: true, error: !!err("body") })} className={inputClass} />
      <fieldset className="mt-3 mb-3">
        <legend className="font-semibold">{t("stance")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {stances.map((s) => (
            <div key={s} className="flex items-center gap-2">
              <input type="radio" id={`${id("stance")}-${s}`} name="stance" value={s} defaultChecked={v.stance === s} className="h-6 w-6 accent-blue-800" />
              <label htmlFor={`${id("stance")}-${s}`} className="min-h-11 content-center">{ts(s)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton label={t("save")} pendingLabel={t("saving")} />
        <a href={cancelHref} className="inline-flex min-h-11 items-center text-blue-900 underline">{t("cancel")}</a>
      </div>
    </form>
  );
}
