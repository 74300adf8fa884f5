"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createComment, editComment, withdrawComment } from "@/lib/commands/comments";
import { auditIfDenied } from "@/lib/auth/audit-events";
import { authSecret } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";
import { signFormStamp } from "@/lib/rules/form-timing";
import { commentFields, commentSchema, editCommentFields, editCommentSchema, withdrawCommentSchema } from "@/lib/validation/comments";
import { fieldErrorKeys, formFields } from "@/lib/validation/form-data";
import type { FormState } from "./form-state";

/** Every page shows counts and lists that a write changes, so the client's cached pages are dropped. */
async function permalink(id: number): Promise<string> {
  revalidatePath("/", "layout");
  return `/${await getLocale()}/comments/${id}`;
}

/**
 * An expired or foreign form gets a new token and stamp with the text it carried, so sending it again works
 * instead of failing the same way forever.
 */
function renewForm(state: FormState): FormState {
  const expired = Object.values(state.errors).includes("formExpired");
  if (!expired) return state;
  return { ...state, values: { ...state.values, formToken: crypto.randomUUID(), stamp: signFormStamp(Date.now(), authSecret()) } };
}

/** New comment or reply. Success redirects to the comment (PRG); an error re-renders with the text kept. */
export async function submitComment(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, [...commentFields, "consultationSlug", "principleSlug"]);
  const { consultationSlug = "", principleSlug = "", ...fields } = raw;
  const values = { ...fields };
  const parsed = commentSchema.safeParse(fields);
  if (!parsed.success) return renewForm({ status: "error", errors: fieldErrorKeys(parsed.error.issues), values });
  const locale = await getLocale();
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await createComment(db, user, {
    consultationSlug,
    principleSlug,
    input: parsed.data,
    language: locale === "hi" ? "hi" : "en",
    secret: authSecret(),
  });
  if (result.ok) redirect(await permalink(result.id));
  await auditIfDenied(db, user, "submitComment", result, { type: "principle", id: `${consultationSlug}/${principleSlug}` });
  if (result.error === "rateLimited") {
    return { status: "error", errors: { form: "rateLimitedComment" }, values, retryAt: result.retryAt.toISOString() };
  }
  const field = result.error === "capacityInvalid" ? "capacity" : "form";
  return renewForm({ status: "error", errors: { [field]: result.error }, values });
}

export async function saveCommentEdit(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, editCommentFields);
  const parsed = editCommentSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await editComment(db, user, parsed.data);
  await auditIfDenied(db, user, "saveCommentEdit", result, { type: "comment", id: String(parsed.data.commentId) });
  if (!result.ok) return { status: "error", errors: { form: result.error }, values: raw };
  redirect(await permalink(parsed.data.commentId));
}

/** A plain form button: nothing to keep on failure, so failures land on the comment with nothing changed. */
export async function withdrawOwnComment(formData: FormData): Promise<void> {
  const parsed = withdrawCommentSchema.safeParse(formFields(formData, ["commentId"]));
  if (!parsed.success) redirect(`/${await getLocale()}`);
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await withdrawComment(db, user, parsed.data);
  await auditIfDenied(db, user, "withdrawOwnComment", result, { type: "comment", id: String(parsed.data.commentId) });
  redirect(await permalink(parsed.data.commentId));
}
