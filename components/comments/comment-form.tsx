"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, FieldError } from "@/components/ui/field";
import { useErrorText } from "@/components/ui/use-error-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitComment } from "@/lib/actions/comments";
import { CommentBodyField } from "./comment-body-field";
import { LanguageChoice, NameShownChoice } from "./comment-choices";
import { StanceChoice } from "./stance-choice";
import { initialFormState } from "@/lib/actions/form-state";

interface Props {
  consultationSlug: string;
  principleSlug: string;
  formToken: string;
  stamp: string;
  organisations: { id: string; name: string }[];
  parentId?: number;
  /** Distinguishes the ids of several forms on one page. */
  idPrefix: string;
  /** The participant has not commented yet: the name-or-group choice is explained prominently. */
  firstComment?: boolean;
  /**
   * The page this form lives on, unique per form. Sent without JavaScript, the form posts there and React hands
   * the action's answer (errors, the text kept) to the form with the same permalink, wherever the page now
   * renders it: after a session has ended the page around it differs, and only the permalink still matches.
   */
  permalink?: string;
}

export function CommentForm(p: Props) {
  const { consultationSlug, principleSlug, formToken, stamp, organisations, parentId, idPrefix } = p;
  const t = useTranslations("comments");
  const locale = useLocale();
  const te = useTranslations("errors");
  const [state, action] = useActionState(submitComment, initialFormState, p.permalink);
  const v = state.values;
  const id = (name: string) => `${idPrefix}-${name}`;
  const err = useErrorText(state);
  const formMessage = err("form") ?? err("formToken") ?? err("stamp") ?? err("website");
  const summary = [
    ...(formMessage ? [{ field: id("body"), message: formMessage }] : []),
    ...(["body", "stance", "capacity", "show", "language"] as const)
      .filter((f) => state.errors[f])
      .map((f) => ({ field: id(f), message: err(f) ?? "" })),
  ];
  return (
    <form action={action} noValidate className="max-w-2xl" data-testid={parentId ? "reply-form" : "comment-form"}>
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <input type="hidden" name="consultationSlug" value={consultationSlug} />
      <input type="hidden" name="principleSlug" value={principleSlug} />
      <input type="hidden" name="formToken" value={v.formToken ?? formToken} />
      <input type="hidden" name="stamp" value={v.stamp ?? stamp} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <div className="absolute -left-[9999px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor={id("website")}>{t("honeypot")}</label>
        <input id={id("website")} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <div className="mb-4">
        <CommentBodyField id={id("body")} defaultValue={v.body ?? ""} error={err("body")} rows={parentId ? 4 : 7} />
      </div>

      <StanceChoice id={id("stance")} value={v.stance} error={err("stance")} />

      <fieldset
        className="mb-4"
        id={id("capacity")}
        aria-describedby={`${id("capacity")}-hint${err("capacity") ? ` ${id("capacity")}-error` : ""}`}
      >
        <legend className="font-semibold">{t("capacity")}</legend>
        <p id={`${id("capacity")}-hint`} className="text-sm text-slate-700">
          {t("capacityHint")}
        </p>
        <FieldError name={id("capacity")} error={err("capacity")} />
        <div className="mt-1 space-y-1">
          {[
            { id: "personal", label: t("capacityPersonal") },
            ...organisations.map((o) => ({ id: o.id, label: t("capacityOrg", { organisation: o.name }) })),
          ].map((c) => (
            <div key={c.id} className="flex items-center gap-2">
              <input
                type="radio"
                id={`${id("capacity")}-${c.id}`}
                name="capacity"
                value={c.id}
                defaultChecked={(v.capacity ?? "personal") === c.id}
                className="h-6 w-6 accent-blue-800"
              />
              <label htmlFor={`${id("capacity")}-${c.id}`} className="min-h-11 content-center">
                {c.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <NameShownChoice id={id("show")} value={v.show} error={err("show")} first={!!p.firstComment} />
      <LanguageChoice id={id("language")} value={v.language ?? locale} error={err("language")} />
      <p className="mb-4 text-sm text-slate-700">{t("publicNote")}</p>
      <SubmitButton label={parentId ? t("replySubmit") : t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
