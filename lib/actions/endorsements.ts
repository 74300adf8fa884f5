"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { endorse, withdrawEndorsement } from "@/lib/commands/endorsements";
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
  const result = await endorse(await getDb(), await getCurrentUser(), { consultationSlug, input: parsed.data });
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
  if (parsed.success) await withdrawEndorsement(await getDb(), await getCurrentUser(), parsed.data);
  revalidatePath("/", "layout");
  redirect(safeRedirectPath(raw.returnTo, `/${await getLocale()}`) + "#endorse");
}
