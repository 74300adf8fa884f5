import type { Db } from "@/db/client";
import { getCommentForAuthor } from "@/db/queries/comments";
import { getConsultationById, getConsultationBySlug } from "@/db/queries/consultations";
import {
  decideOnComment,
  fileAppeal,
  fileReport,
  getAppeal,
  getDecision,
  hasHiddenComment,
  setWriteBlock,
  settleAppeal,
  type CommentDecision,
} from "@/db/queries/moderation";
import { setAutoHideThreshold as setAutoHideThresholdQuery, setPreModeration as setPreModerationQuery } from "@/db/queries/consultation-settings";
import { listModerationRules } from "@/db/queries/moderation-rules";
import { getSessionUser } from "@/db/queries/users";
import type { ReportReason } from "@/db/schema/enums";
import { isModerator, isWriteBlocked, type Actor, type Denied } from "./actor";

export async function reportComment(
  db: Db,
  actor: Actor,
  p: { commentId: number; reason: ReportReason; details: string },
  now = new Date(),
): Promise<{ ok: true; autoHidden: boolean } | Denied | { ok: false; error: "alreadyReported" | "ownComment" }> {
  if (!actor) return { ok: false, error: "unauthenticated" };
  if (isWriteBlocked(actor)) return { ok: false, error: "blocked" };
  const comment = await getCommentForAuthor(db, p.commentId);
  if (!comment || comment.state !== "published") return { ok: false, error: "notFound" };
  if (comment.authorId === actor.id) return { ok: false, error: "ownComment" };
  return fileReport(db, { commentId: p.commentId, reporterId: actor.id, reason: p.reason, details: p.details }, now);
}

export async function moderateComment(
  db: Db,
  actor: Actor,
  p: { commentId: number; action: CommentDecision; ruleId: string | null; note: string },
  now = new Date(),
): Promise<{ ok: true; decisionId: number } | Denied | { ok: false; error: "invalidTransition" | "ruleInvalid" | "ownCommentDecision" }> {
  if (!actor) return { ok: false, error: "unauthenticated" };
  if (!isModerator(actor)) return { ok: false, error: "forbidden" };
  // Nobody moderates their own words: another moderator decides on a moderator's comment.
  const comment = await getCommentForAuthor(db, p.commentId);
  if (comment?.authorId === actor.id) return { ok: false, error: "ownCommentDecision" };
  return decideOnComment(db, { ...p, actorId: actor.id, actorRole: actor.role }, now);
}

/** The author of the hidden comment, once per decision. */
export async function appealDecision(
  db: Db,
  actor: Actor,
  p: { decisionId: number; statement: string },
  now = new Date(),
): Promise<{ ok: true; id: number } | Denied | { ok: false; error: "alreadyAppealed" }> {
  if (!actor) return { ok: false, error: "unauthenticated" };
  const decision = await getDecision(db, p.decisionId);
  if (!decision || decision.subjectUserId !== actor.id || !["hide", "auto_hide", "block"].includes(decision.action)) {
    return { ok: false, error: "notFound" };
  }
  return fileAppeal(db, { decisionId: decision.id, appellantId: actor.id, statement: p.statement }, now);
}

/** Decided by a different moderator or an admin, never by the one who made the contested decision. */
export async function decideAppeal(
  db: Db,
  actor: Actor,
  p: { appealId: number; outcome: "upheld" | "reversed"; note: string },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "alreadyDecided" | "invalidTransition" | "ownDecision" }> {
  if (!actor) return { ok: false, error: "unauthenticated" };
  if (!isModerator(actor)) return { ok: false, error: "forbidden" };
  const appeal = await getAppeal(db, p.appealId);
  if (!appeal) return { ok: false, error: "notFound" };
  // Whoever made the contested decision, hid the comment at any point, or filed the appeal has a stake in it.
  if (appeal.decisionActorId === actor.id || appeal.appellantId === actor.id) return { ok: false, error: "ownDecision" };
  if (appeal.commentId && (await hasHiddenComment(db, appeal.commentId, actor.id))) return { ok: false, error: "ownDecision" };
  return settleAppeal(db, { ...p, actorId: actor.id, actorRole: actor.role }, now);
}

export async function blockParticipant(
  db: Db,
  actor: Actor,
  p: { userId: string; consultationId: string; blocked: boolean; ruleId: string | null; note: string },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "ruleRequired" | "ruleInvalid" | "unchanged" }> {
  if (!actor) return { ok: false, error: "unauthenticated" };
  if (!isModerator(actor)) return { ok: false, error: "forbidden" };
  if (p.userId === actor.id) return { ok: false, error: "forbidden" };
  if (p.blocked && !p.ruleId) return { ok: false, error: "ruleRequired" };
  // Staff are demoted by an admin, not blocked: a blocked moderator would still hold the moderator's rights.
  const subject = await getSessionUser(db, p.userId);
  if (!subject) return { ok: false, error: "notFound" };
  if (subject.role !== "participant") return { ok: false, error: "forbidden" };
  const consultation = await getConsultationById(db, p.consultationId);
  if (!consultation) return { ok: false, error: "notFound" };
  if (p.ruleId && !(await listModerationRules(db, consultation.id)).some((r) => r.id === p.ruleId)) return { ok: false, error: "ruleInvalid" };
  const changed = await setWriteBlock(db, { ...p, actorId: actor.id, actorRole: actor.role }, now);
  return changed ? { ok: true } : { ok: false, error: "unchanged" };
}

export async function setPreModeration(
  db: Db,
  actor: Actor,
  p: { consultationSlug: string; on: boolean },
): Promise<{ ok: true } | Denied> {
  if (!actor) return { ok: false, error: "unauthenticated" };
  if (!isModerator(actor)) return { ok: false, error: "forbidden" };
  const consultation = await getConsultationBySlug(db, p.consultationSlug);
  if (!consultation) return { ok: false, error: "notFound" };
  await setPreModerationQuery(db, consultation.id, p.on);
  return { ok: true };
}

export const AUTO_HIDE_MAX = 50;

/** How many distinct participants' reports hide a comment pending review in this consultation. */
export async function setAutoHideThreshold(
  db: Db,
  actor: Actor,
  p: { consultationSlug: string; threshold: number },
): Promise<{ ok: true } | Denied | { ok: false; error: "thresholdInvalid" }> {
  if (!actor) return { ok: false, error: "unauthenticated" };
  if (!isModerator(actor)) return { ok: false, error: "forbidden" };
  if (!Number.isInteger(p.threshold) || p.threshold < 1 || p.threshold > AUTO_HIDE_MAX) return { ok: false, error: "thresholdInvalid" };
  const consultation = await getConsultationBySlug(db, p.consultationSlug);
  if (!consultation) return { ok: false, error: "notFound" };
  await setAutoHideThresholdQuery(db, consultation.id, p.threshold);
  return { ok: true };
}
