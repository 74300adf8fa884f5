"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import type { Stance } from "@/lib/limits";
import { saveCommentEdit } from "@/lib/actions/comments";
import type { FormState } from "@/lib/actions/form-state";
import { CommentBodyField } from "./comment-body-field";
import { StanceChoice } from "./stance-choice";

interface Props {
  commentId: number;
  body: string;
  stance: Stance;
  cancelHref: string;
  /** As CommentForm's: where the form posts without JavaScript, and what ties the answer back to this form. */
  permalink?: string;
}

/** The author's edit: the same limits as a new comment (lib/limits.ts), with the text kept on any refusal. */
export function EditCommentForm({ commentId, body, stance, cancelHref, permalink }: Props) {
  const t = useTranslations("comments");
  const te = useTranslations("errors");
  const start: FormState = { status: "idle", errors: {}, values: { body, stance, commentId: String(commentId) } };
  const [state, action] = useActionState(saveCommentEdit, start, permalink);
  const v = state.values;
  const id = (n: string) => `edit-${commentId}-${n}`;
  const err = useErrorText(state);
  const summary = ["form", "body", "stance"]
    .filter((f) => state.errors[f])
    .map((f) => ({ field: id(f === "stance" ? "stance" : "body"), message: err(f) ?? "" }));
  return (
    <form action={action} noValidate data-testid="edit-form" className="mt-2">
      <h3 className="font-semibold">{t("editHeading")}</h3>
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <input type="hidden" name="commentId" value={commentId} />
      <div className="mt-2">
        <CommentBodyField id={id("body")} defaultValue={v.body ?? ""} error={err("body")} rows={6} />
      </div>
      <div className="mt-3">
        <StanceChoice id={id("stance")} value={v.stance} error={err("stance")} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton label={t("save")} pendingLabel={t("saving")} />
        <a href={cancelHref} className="inline-flex min-h-11 items-center text-blue-900 underline">
          {t("cancel")}
        </a>
      </div>
    </form>
  );
}
