"use server";

import type { Language } from "@/lib/limits";
import { createComment, editComment, withdrawComment } from "@/lib/commands/comments";
import { authSecret } from "@/lib/env";
import { signFormStamp } from "@/lib/rules/form-timing";
import { commentPlaceSchema, editCommentSchema, withdrawCommentSchema } from "@/lib/validation/comments";
import type { FormState } from "./form-state";
import { buttonAction, formAction } from "./kit/form-action";

const permalink = (id: number) => ({ path: `/comments/${id}` });

/**
 * A session that ended while a comment was being written (idle timeout, signed out in another tab) must not
 * cost the text: the answer keeps everything typed (the kit sends the values back) and says to sign in again in
 * a new tab, then press the button again. "Sign in to do this" alone would invite leaving the page.
 */
const SESSION_ENDED = "sessionEndedTextKept";

/**
 * An expired or foreign form gets a new token and stamp with the text it carried, so sending it again works
 * instead of failing the same way forever. So does a form whose session ended while it was being written: the
 * writer signs in again in another tab and presses Post again, perhaps much later, and it must then go through.
 */
function renewForm(state: FormState): FormState {
  const errors = Object.values(state.errors);
  if (!errors.includes("formExpired") && !errors.includes(SESSION_ENDED)) return state;
  return { ...state, values: { ...state.values, formToken: crypto.randomUUID(), stamp: signFormStamp(Date.now(), authSecret()) } };
}

/** New comment or reply. Success redirects to the comment (PRG); an error re-renders with the text kept. */
export const submitComment = formAction({
  name: "submitComment",
  schema: commentPlaceSchema,
  target: (i) => ({ type: "principle", id: `${i.consultationSlug}/${i.principleSlug}` }),
  errorField: { capacityInvalid: "capacity" },
  errorKey: { rateLimited: "rateLimitedComment", unauthenticated: SESSION_ENDED },
  refill: renewForm,
  run: async ({ db, actor, input, locale }) => {
    const { consultationSlug, principleSlug, ...comment } = input;
    const language: Language = locale === "hi" ? "hi" : "en";
    const result = await createComment(db, actor, { consultationSlug, principleSlug, input: comment, language, secret: authSecret() });
    if (!result.ok) return result;
    // The permalink opens the thread with the comment and a confirmation that gives its reference number.
    return { ok: true, done: result.duplicate ? "commentAlreadyPosted" : "commentPosted", goTo: permalink(result.id) };
  },
});

export const saveCommentEdit = formAction({
  name: "saveCommentEdit",
  schema: editCommentSchema,
  target: (i) => ({ type: "comment", id: String(i.commentId) }),
  errorKey: { unauthenticated: SESSION_ENDED },
  run: async ({ db, actor, input }) => {
    const result = await editComment(db, actor, input);
    return result.ok ? { ok: true, done: "commentEdited", goTo: permalink(input.commentId) } : result;
  },
});

/** The confirmed withdrawal (the button on the "withdraw this comment?" step). */
export const withdrawOwnComment = buttonAction({
  name: "withdrawOwnComment",
  schema: withdrawCommentSchema,
  target: (i) => ({ type: "comment", id: String(i.commentId) }),
  back: (raw) => (/^\d{1,10}$/.test(raw.commentId ?? "") ? permalink(Number(raw.commentId)) : { path: "/" }),
  run: async ({ db, actor, input }) => {
    const result = await withdrawComment(db, actor, input);
    return result.ok ? { ok: true, done: "commentWithdrawn" } : result;
  },
});
