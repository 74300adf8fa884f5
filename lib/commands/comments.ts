import type { Db } from "@/db/client";
import { getCommentForAuthor, insertComment, markCommentWithdrawn, updateCommentText } from "@/db/queries/comments";
import { getConsultationById, getConsultationBySlug, getPrinciple } from "@/db/queries/consultations";
import { listMembershipsOfUser } from "@/db/queries/users";
import type { Language, Stance } from "@/lib/limits";
import { maySpeakFor } from "@/lib/rules/capacity";
import { consultationPhase, mayComment, mayEdit, mayWithdraw } from "@/lib/rules/consultation-phase";
import { env } from "@/lib/env";
import { checkFormStamp } from "@/lib/rules/form-timing";
import type { CommentInput } from "@/lib/validation/comments";
import { authorise, isWriteBlocked, type Actor, type Denied } from "./actor";

export type CreateCommentResult =
  | { ok: true; id: number; duplicate: boolean }
  | Denied
  | { ok: false; error: "capacityInvalid" | "parentInvalid" | "tooFast" | "formExpired" | "rejected" | "repliesOnly" }
  | { ok: false; error: "rateLimited"; retryAt: Date };

export async function createComment(
  db: Db,
  actor: Actor,
  p: { consultationSlug: string; principleSlug: string; input: CommentInput; language: Language; secret: string; minFillMs?: number },
  now = new Date(),
): Promise<CreateCommentResult> {
  const allowed = authorise(actor, "writer");
  if (!allowed.ok) return allowed;
  const author = allowed.actor;
  const consultation = await getConsultationBySlug(db, p.consultationSlug);
  if (!consultation || consultation.status === "draft") return { ok: false, error: "notFound" };
  const principle = await getPrinciple(db, consultation.id, p.principleSlug);
  if (!principle) return { ok: false, error: "notFound" };
  const phase = consultationPhase(consultation, now);
  if (!mayComment(phase, p.input.parentId ? "reply" : "comment")) {
    return { ok: false, error: phase === "counter_comments" ? "repliesOnly" : "consultationClosed" };
  }
  // A filled honeypot gets a vague refusal: nothing to learn for the bot.
  if (p.input.website !== "") return { ok: false, error: "rejected" };
  const stamp = checkFormStamp(p.input.stamp, p.secret, now.getTime(), p.minFillMs ?? env().SAMVAD_MIN_FILL_MS);
  if (stamp !== "ok") return { ok: false, error: stamp === "tooFast" ? "tooFast" : "formExpired" };

  let organisationId: string | null = null;
  let stakeholderGroup = author.stakeholderGroup;
  if (p.input.capacity !== "personal") {
    const memberships = await listMembershipsOfUser(db, author.id);
    const org = memberships.find((m) => m.organisationId === p.input.capacity);
    if (!org || !maySpeakFor(memberships, org.organisationId)) return { ok: false, error: "capacityInvalid" };
    organisationId = org.organisationId;
    stakeholderGroup = org.stakeholderGroup;
  }
  return insertComment(
    db,
    {
      consultationId: consultation.id,
      principleId: principle.id,
      authorId: author.id,
      parentId: p.input.parentId ?? null,
      organisationId,
      stakeholderGroup,
      stance: p.input.stance,
      body: p.input.body,
      language: p.language,
      formToken: p.input.formToken,
      held: consultation.preModeration,
    },
    now,
  );
}

async function ownOpenComment(db: Db, actor: Actor, commentId: number, change: "edit" | "withdraw", now: Date) {
  const allowed = authorise(actor, "signedIn");
  if (!allowed.ok) return allowed;
  const authorId = allowed.actor.id;
  const comment = await getCommentForAuthor(db, commentId);
  // Someone else's comment is answered as if it did not exist.
  if (!comment || comment.authorId !== authorId) return { ok: false, error: "notFound" } as const;
  const consultation = await getConsultationById(db, comment.consultationId);
  const phase = consultation ? consultationPhase(consultation, now) : "closed";
  const open = change === "withdraw" ? mayWithdraw(phase) : mayEdit(phase, comment.parentId === null ? "comment" : "reply");
  if (!open) return { ok: false, error: "consultationClosed" } as const;
  return { ok: true, comment, authorId } as const;
}

export async function editComment(
  db: Db,
  actor: Actor,
  p: { commentId: number; body: string; stance: Stance },
  now = new Date(),
): Promise<{ ok: true } | Denied> {
  const own = await ownOpenComment(db, actor, p.commentId, "edit", now);
  if (!own.ok) return own;
  if (isWriteBlocked(actor)) return { ok: false, error: "blocked" };
  if (own.comment.state !== "published") return { ok: false, error: "notFound" };
  const done = await updateCommentText(db, { commentId: p.commentId, authorId: own.authorId, body: p.body, stance: p.stance }, now);
  return done ? { ok: true } : { ok: false, error: "notFound" };
}

export async function withdrawComment(db: Db, actor: Actor, p: { commentId: number }, now = new Date()): Promise<{ ok: true } | Denied> {
  const own = await ownOpenComment(db, actor, p.commentId, "withdraw", now);
  if (!own.ok) return own;
  const done = await markCommentWithdrawn(db, { commentId: p.commentId, authorId: own.authorId }, now);
  return done ? { ok: true } : { ok: false, error: "notFound" };
}
