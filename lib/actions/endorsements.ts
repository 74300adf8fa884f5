"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { endorse, withdrawEndorsement } from "@/lib/commands/endorsements";
import { auditIfDenied } from "@/lib/auth/audit-events";
import { getCurrentUser } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/rules/safe-redirect";
import { endorsementFields, endorsementSchema, withdrawEndorsementSchema } from "@/lib/validation/comments";
import { fieldErrorKeys, formFields } from "@/lib/validation/form-data";
import type { FormState } from "./form-state";

export async function recordEndorsement(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, [...endorsementFields, "consultationSlug", "returnTo"]);
  const { consultationSlug = "", returnTo, ...fields } = raw;
  const parsed = endorsementSchema.safeParse(fields);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: fields };
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await endorse(db, user, { consultationSlug, input: parsed.data });
  await auditIfDenied(db, user, "recordEndorsement", result, { type: "consultation", id: consultationSlug });
  if (!result.ok && result.error === "rateLimited") {
    return { status: "error", errors: { form: "rateLimitedEndorsement" }, values: fields, retryAt: result.retryAt.toISOString() };
  }
  if (!result.ok) {
    const field = result.error === "capacityInvalid" ? "capacity" : "form";
    return { status: "error", errors: { [field]: result.error }, values: fields };
  }
  revalidatePath("/", "layout");
  redirect(safeRedirectPath(returnTo, `/${await getLocale()}`) + "#endorse");
}

export async function withdrawEndorsementAction(formData: FormData): Promise<void> {
  const raw = formFields(formData, ["endorsementId", "returnTo"]);
  const parsed = withdrawEndorsementSchema.safeParse(raw);
  if (parsed.success) {
    const db = await getDb();
    const user = await getCurrentUser();
    const result = await withdrawEndorsement(db, user, parsed.data);
    await auditIfDenied(db, user, "withdrawEndorsementAction", result, { type: "endorsement", id: String(parsed.data.endorsementId) });
  }
  revalidatePath("/", "layout");
  redirect(safeRedirectPath(raw.returnTo, `/${await getLocale()}`) + "#endorse");
}
