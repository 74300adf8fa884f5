import type { Db } from "@/db/client";
import { getCommentForAuthor } from "@/db/queries/comments";
import { getConsultationById, getConsultationBySlug } from "@/db/queries/consultations";
import { fileAppeal, getAppeal, hasHiddenComment, settleAppeal } from "@/db/queries/appeals";
import { decideOnComment, fileReport, setWriteBlock } from "@/db/queries/moderation";
import { getDecision } from "@/db/queries/moderation-decisions";
import {
  setAutoHideThreshold as setAutoHideThresholdQuery,
  setPreModeration as setPreModerationQuery,
} from "@/db/queries/consultation-settings";
import { listModerationRules } from "@/db/queries/moderation-rules";
import { getSessionUser } from "@/db/queries/users";
import { AUTO_HIDE_MAX, type AppealOutcome, type CommentDecision, type ReportReason } from "@/lib/limits";
import { isAppealableAction } from "@/lib/rules/moderation";
import { authorise, type Actor, type Denied } from "./actor";

export async function reportComment(
  db: Db,
  actor: Actor,
  p: { commentId: number; reason: ReportReason; details: string },
  now = new Date(),
): Promise<{ ok: true; autoHidden: boolean } | Denied | { ok: false; error: "alreadyReported" | "ownComment" }> {
  const a = authorise(actor, "writer");
  if (!a.ok) return a;
  const comment = await getCommentForAuthor(db, p.commentId);
  if (!comment || comment.state !== "published") return { ok: false, error: "notFound" };
  if (comment.authorId === a.actor.id) return { ok: false, error: "ownComment" };
  return fileReport(db, { commentId: p.commentId, reporterId: a.actor.id, reason: p.reason, details: p.details }, now);
}

export async function moderateComment(
  db: Db,
  actor: Actor,
  p: { commentId: number; action: CommentDecision; ruleId: string | null; note: string },
  now = new Date(),
): Promise<{ ok: true; decisionId: number } | Denied | { ok: false; error: "invalidTransition" | "ruleInvalid" | "ownCommentDecision" }> {
  const a = authorise(actor, "staff");
  if (!a.ok) return a;
  // Nobody moderates their own words: another moderator decides on a moderator's comment.
  const comment = await getCommentForAuthor(db, p.commentId);
  if (comment?.authorId === a.actor.id) return { ok: false, error: "ownCommentDecision" };
  return decideOnComment(db, { ...p, actorId: a.actor.id, actorRole: a.actor.role }, now);
}

/**
 * The author's one appeal against a hide or a block of theirs, while it is in force: once the comment has been
 * restored (or the block lifted) there is nothing left to appeal, whatever an old page still shows.
 */
export async function appealDecision(
  db: Db,
  actor: Actor,
  p: { decisionId: number; statement: string },
  now = new Date(),
): Promise<{ ok: true; id: number } | Denied | { ok: false; error: "alreadyAppealed" | "decisionSuperseded" }> {
  // A blocked participant may still appeal: the block itself is appealable.
  const a = authorise(actor, "signedIn");
  if (!a.ok) return a;
  const decision = await getDecision(db, p.decisionId);
  if (!decision || decision.subjectUserId !== a.actor.id || !isAppealableAction(decision.action)) {
    return { ok: false, error: "notFound" };
  }
  // Checked again under the subject's lock in fileAppeal; this answers at once in the common case.
  if (!decision.inForce) return { ok: false, error: "decisionSuperseded" };
  return fileAppeal(db, { decisionId: decision.id, appellantId: a.actor.id, statement: p.statement }, now);
}

/** Decided by a different moderator or an admin, never by the one who made the contested decision. */
export async function decideAppeal(
  db: Db,
  actor: Actor,
  p: { appealId: number; outcome: AppealOutcome; note: string },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "alreadyDecided" | "decisionSuperseded" | "ownDecision" }> {
  const a = authorise(actor, "staff");
  if (!a.ok) return a;
  const appeal = await getAppeal(db, p.appealId);
  if (!appeal) return { ok: false, error: "notFound" };
  // Whoever made the contested decision, hid the comment at any point, or filed the appeal has a stake in it.
  if (appeal.decisionActorId === a.actor.id || appeal.appellantId === a.actor.id) return { ok: false, error: "ownDecision" };
  if (appeal.commentId && (await hasHiddenComment(db, appeal.commentId, a.actor.id))) return { ok: false, error: "ownDecision" };
  return settleAppeal(db, { ...p, actorId: a.actor.id, actorRole: a.actor.role }, now);
}

export async function blockParticipant(
  db: Db,
  actor: Actor,
  p: { userId: string; consultationId: string; blocked: boolean; ruleId: string | null; note: string },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "ruleRequired" | "ruleInvalid" | "unchanged" }> {
  const a = authorise(actor, "staff");
  if (!a.ok) return a;
  if (p.userId === a.actor.id) return { ok: false, error: "forbidden" };
  if (p.blocked && !p.ruleId) return { ok: false, error: "ruleRequired" };
  // Staff are demoted by an admin, not blocked: a blocked moderator would still hold the moderator's rights.
  const subject = await getSessionUser(db, p.userId);
  if (!subject) return { ok: false, error: "notFound" };
  if (subject.role !== "participant") return { ok: false, error: "forbidden" };
  const consultation = await getConsultationById(db, p.consultationId);
  if (!consultation) return { ok: false, error: "notFound" };
  if (p.ruleId && !(await listModerationRules(db, consultation.id)).some((r) => r.id === p.ruleId))
    return { ok: false, error: "ruleInvalid" };
  const changed = await setWriteBlock(db, { ...p, actorId: a.actor.id, actorRole: a.actor.role }, now);
  return changed ? { ok: true } : { ok: false, error: "unchanged" };
}

export async function setPreModeration(db: Db, actor: Actor, p: { consultationSlug: string; on: boolean }): Promise<{ ok: true } | Denied> {
  const a = authorise(actor, "staff");
  if (!a.ok) return a;
  const consultation = await getConsultationBySlug(db, p.consultationSlug);
  if (!consultation) return { ok: false, error: "notFound" };
  await setPreModerationQuery(db, consultation.id, p.on);
  return { ok: true };
}

/** How many distinct participants' reports hide a comment pending review in this consultation. */
export async function setAutoHideThreshold(
  db: Db,
  actor: Actor,
  p: { consultationSlug: string; threshold: number },
): Promise<{ ok: true } | Denied | { ok: false; error: "thresholdInvalid" }> {
  const a = authorise(actor, "staff");
  if (!a.ok) return a;
  if (!Number.isInteger(p.threshold) || p.threshold < 1 || p.threshold > AUTO_HIDE_MAX) return { ok: false, error: "thresholdInvalid" };
  const consultation = await getConsultationBySlug(db, p.consultationSlug);
  if (!consultation) return { ok: false, error: "notFound" };
  await setAutoHideThresholdQuery(db, consultation.id, p.threshold);
  return { ok: true };
}
