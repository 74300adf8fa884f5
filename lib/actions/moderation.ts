"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { appealDecision, blockParticipant, decideAppeal, moderateComment, reportComment, setAutoHideThreshold, setPreModeration } from "@/lib/commands/moderation";
import { auditEvent, auditIfDenied } from "@/lib/auth/audit-events";
import { getCurrentUser } from "@/lib/auth/session";
import {
  appealDecisionFields,
  appealDecisionSchema,
  appealFields,
  appealSchema,
  blockFields,
  blockSchema,
  decisionFields,
  decisionSchema,
  reportFields,
  reportSchema,
  queueSlugSchema,
  thresholdSchema,
} from "@/lib/validation/moderation";
import { fieldErrorKeys, formFields } from "@/lib/validation/form-data";
import type { FormState } from "./form-state";

async function done(path: string): Promise<never> {
  revalidatePath("/", "layout");
  redirect(`/${await getLocale()}${path}`);
}

/** Back to the queue the form was on (staff pages take the consultation from the URL). */
function queuePath(slug: FormDataEntryValue | null): string {
  const parsed = queueSlugSchema.safeParse(slug);
  return parsed.success ? `/moderate?consultation=${parsed.data}` : "/moderate";
}

export async function submitReport(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, reportFields);
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await reportComment(db, user, parsed.data);
  await auditIfDenied(db, user, "submitReport", result, { type: "comment", id: String(parsed.data.commentId) });
  if (!result.ok) return { status: "error", errors: { form: result.error }, values: raw };
  return done(`/comments/${parsed.data.commentId}`);
}

export async function submitDecision(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, decisionFields);
  const parsed = decisionSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const db = await getDb();
  const user = await getCurrentUser();
  const d = parsed.data;
  const result = await moderateComment(db, user, { commentId: d.commentId, action: d.action, ruleId: d.ruleId || null, note: d.note });
  await auditIfDenied(db, user, "submitDecision", result, { type: "comment", id: String(d.commentId) });
  if (!result.ok) return { status: "error", errors: { form: result.error }, values: raw };
  await auditEvent(db, user, "moderation.decision", { type: "comment", id: String(d.commentId) }, { action: d.action, decision: result.decisionId });
  return done(queuePath(formData.get("queue")));
}

export async function submitAppeal(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, appealFields);
  const parsed = appealSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await appealDecision(db, user, parsed.data);
  await auditIfDenied(db, user, "submitAppeal", result, { type: "decision", id: String(parsed.data.decisionId) });
  if (!result.ok) return { status: "error", errors: { form: result.error }, values: raw };
  return done("/notifications");
}

export async function submitAppealDecision(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, appealDecisionFields);
  const parsed = appealDecisionSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await decideAppeal(db, user, parsed.data);
  await auditIfDenied(db, user, "submitAppealDecision", result, { type: "appeal", id: String(parsed.data.appealId) });
  if (!result.ok) return { status: "error", errors: { form: result.error }, values: raw };
  await auditEvent(db, user, "moderation.appeal_decided", { type: "appeal", id: String(parsed.data.appealId) }, { outcome: parsed.data.outcome });
  return done(queuePath(formData.get("queue")));
}

export async function submitBlock(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, blockFields);
  const parsed = blockSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const db = await getDb();
  const user = await getCurrentUser();
  const p = parsed.data;
  const result = await blockParticipant(db, user, {
    userId: p.userId,
    consultationId: p.consultationId,
    blocked: p.blocked === "yes",
    ruleId: p.ruleId || null,
    note: p.note,
  });
  await auditIfDenied(db, user, "submitBlock", result, { type: "user", id: p.userId });
  if (!result.ok) return { status: "error", errors: { form: result.error }, values: raw };
  await auditEvent(db, user, "moderation.decision", { type: "user", id: p.userId }, { action: p.blocked === "yes" ? "block" : "unblock" });
  return done(queuePath(formData.get("queue")));
}

export async function togglePreModeration(formData: FormData): Promise<void> {
  const slug = String(formData.get("consultationSlug") ?? "");
  const on = formData.get("on") === "yes";
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await setPreModeration(db, user, { consultationSlug: slug, on });
  await auditIfDenied(db, user, "togglePreModeration", result, { type: "consultation", id: slug });
  if (result.ok) await auditEvent(db, user, "consultation.settings", { type: "consultation", id: slug }, { preModeration: on });
  await done(queuePath(slug));
}

export async function submitAutoHideThreshold(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formFields(formData, ["consultationSlug", "threshold"]);
  const parsed = thresholdSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", errors: fieldErrorKeys(parsed.error.issues), values: raw };
  const db = await getDb();
  const user = await getCurrentUser();
  const result = await setAutoHideThreshold(db, user, parsed.data);
  await auditIfDenied(db, user, "submitAutoHideThreshold", result, { type: "consultation", id: parsed.data.consultationSlug });
  if (!result.ok) return { status: "error", errors: { threshold: result.error }, values: raw };
  await auditEvent(db, user, "consultation.settings", { type: "consultation", id: parsed.data.consultationSlug }, { autoHideThreshold: parsed.data.threshold });
  return done(queuePath(parsed.data.consultationSlug));
}
