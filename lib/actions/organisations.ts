"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { changeRole, reviewMembership, setSigningAuthority, verifyOrganisation } from "@/lib/commands/organisations";
import { auditEvent, auditIfDenied } from "@/lib/auth/audit-events";
import { getCurrentUser } from "@/lib/auth/session";
import { membershipReviewSchema, organisationVerificationSchema, roleChangeSchema, signingAuthoritySchema } from "@/lib/validation/organisations";
import { fieldErrorKeys } from "@/lib/validation/form-data";
import type { FormState } from "./form-state";

function fields(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
}

async function back(path: string): Promise<never> {
  revalidatePath("/", "layout");
  redirect(`/${await getLocale()}${path}`);
}

export async function submitMembershipReview(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = fields(formData);
  const parsed = membershipReviewSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const db = await getDb();
  const user = await getCurrentUser();
  const p = parsed.data;
  const result = await reviewMembership(db, user, { userId: p.userId, organisationId: p.organisationId, approve: p.decision === "approve", reason: p.reason });
  await auditIfDenied(db, user, "submitMembershipReview", result, { type: "membership", id: `${p.userId}/${p.organisationId}` });
  if (!result.ok) return { status: "error", errors: { form: result.error === "reasonRequired" ? "reasonRequired" : result.error }, values: raw };
  await auditEvent(db, user, p.decision === "approve" ? "membership.verified" : "membership.rejected", { type: "membership", id: `${p.userId}/${p.organisationId}` });
  return back("/moderate/organisations");
}

export async function submitOrganisationVerification(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = fields(formData);
  const parsed = organisationVerificationSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await verifyOrganisation(db, user, { organisationId: parsed.data.organisationId, domain: parsed.data.domain || null });
  await auditIfDenied(db, user, "submitOrganisationVerification", result, { type: "organisation", id: parsed.data.organisationId });
  if (!result.ok) return { status: "error", errors: { form: result.error }, values: raw };
  await auditEvent(db, user, "organisation.verified", { type: "organisation", id: parsed.data.organisationId }, { domain: parsed.data.domain || null });
  return back("/moderate/organisations");
}

export async function submitSigningAuthority(formData: FormData): Promise<void> {
  const parsed = signingAuthoritySchema.safeParse(fields(formData));
  if (parsed.success) {
    const db = await getDb();
    const user = await getCurrentUser();
    const result = await setSigningAuthority(db, user, { ...parsed.data, maySign: parsed.data.maySign === "yes" });
    await auditIfDenied(db, user, "submitSigningAuthority", result, { type: "membership", id: `${parsed.data.userId}/${parsed.data.organisationId}` });
    if (result.ok) await auditEvent(db, user, "authority.changed", { type: "membership", id: `${parsed.data.userId}/${parsed.data.organisationId}` }, { maySign: parsed.data.maySign === "yes" });
  }
  await back("/admin/users");
}

export async function submitRoleChange(formData: FormData): Promise<void> {
  const parsed = roleChangeSchema.safeParse(fields(formData));
  if (parsed.success) {
    const db = await getDb();
    const user = await getCurrentUser();
    const result = await changeRole(db, user, parsed.data);
    await auditIfDenied(db, user, "submitRoleChange", result, { type: "user", id: parsed.data.userId });
    if (result.ok) await auditEvent(db, user, "role.changed", { type: "user", id: parsed.data.userId }, { role: parsed.data.role });
  }
  await back("/admin/users");
}
