import type { Db } from "@/db/client";
import { getCommentForAuthor, getCommentTarget, insertComment, markCommentWithdrawn, updateCommentText } from "@/db/queries/comments";
import { listMembershipsOfUser } from "@/db/queries/users";
import type { Language, Stance } from "@/lib/limits";
import { maySpeakFor } from "@/lib/rules/capacity";
import { consultationPhase, mayComment, mayEdit, mayWithdraw } from "@/lib/rules/consultation-phase";
import { env } from "@/lib/env";
import { checkFormStamp } from "@/lib/rules/form-timing";
import { referenceNumber } from "@/lib/rules/reference-number";
import type { CommentInput } from "@/lib/validation/comments";
import { authorise, isWriteBlocked, type Actor, type Denied } from "./actor";

export type CreateCommentResult =
  /** `reference` is the acknowledgement the author is given at once (PC-2026-000123). */
  | { ok: true; id: number; duplicate: boolean; reference: string }
  | Denied
  | { ok: false; error: "capacityInvalid" | "parentInvalid" | "tooFast" | "formExpired" | "rejected" | "repliesOnly" }
  | { ok: false; error: "rateLimited"; retryAt: Date };

export async function createComment(
  db: Db,
  actor: Actor,
  /** `language` is the page's, for a form that did not say which language the comment is in. */
  p: { consultationSlug: string; principleSlug: string; input: CommentInput; language: Language; secret: string; minFillMs?: number },
  now = new Date(),
): Promise<CreateCommentResult> {
  const allowed = authorise(actor, "writer");
  if (!allowed.ok) return allowed;
  const author = allowed.actor;
  const target = await getCommentTarget(db, p.consultationSlug, p.principleSlug);
  if (!target || target.status === "draft") return { ok: false, error: "notFound" };
  const phase = consultationPhase(target, now);
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
  const inserted = await insertComment(
    db,
    {
      consultationId: target.consultationId,
      principleId: target.principleId,
      authorId: author.id,
      parentId: p.input.parentId ?? null,
      organisationId,
      stakeholderGroup,
      stance: p.input.stance,
      body: p.input.body,
      language: p.input.language ?? p.language,
      // On behalf of an organisation the organisation is always named, whatever the form said.
      nameShown: organisationId !== null || p.input.show !== "group",
      formToken: p.input.formToken,
      held: target.preModeration,
    },
    now,
  );
  if (!inserted.ok) return inserted;
  const { createdAt, ...rest } = inserted;
  return { ...rest, reference: referenceNumber(target.referencePrefix, inserted.id, createdAt) };
}

async function ownOpenComment(db: Db, actor: Actor, commentId: number, change: "edit" | "withdraw", now: Date) {
  const allowed = authorise(actor, "signedIn");
  if (!allowed.ok) return allowed;
  const authorId = allowed.actor.id;
  const comment = await getCommentForAuthor(db, commentId);
  // Someone else's comment is answered as if it did not exist.
  if (!comment || comment.authorId !== authorId) return { ok: false, error: "notFound" } as const;
  const phase = consultationPhase(comment.schedule, now);
  const open = change === "withdraw" ? mayWithdraw(phase) : mayEdit(phase, comment.parentId === null ? "comment" : "reply");
  // In the counter-comment window a top-level comment is settled: say so rather than "closed".
  if (!open) return { ok: false, error: phase === "counter_comments" ? "repliesOnly" : "consultationClosed" } as const;
  return { ok: true, comment, authorId } as const;
}

export async function editComment(
  db: Db,
  actor: Actor,
  p: { commentId: number; body: string; stance: Stance },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "repliesOnly" }> {
  const own = await ownOpenComment(db, actor, p.commentId, "edit", now);
  if (!own.ok) return own;
  if (isWriteBlocked(actor)) return { ok: false, error: "blocked" };
  if (own.comment.state !== "published") return { ok: false, error: "notFound" };
  const done = await updateCommentText(db, { commentId: p.commentId, authorId: own.authorId, body: p.body, stance: p.stance }, now);
  return done ? { ok: true } : { ok: false, error: "notFound" };
}

export async function withdrawComment(
  db: Db,
  actor: Actor,
  p: { commentId: number },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "repliesOnly" }> {
  const own = await ownOpenComment(db, actor, p.commentId, "withdraw", now);
  if (!own.ok) return own;
  const done = await markCommentWithdrawn(db, { commentId: p.commentId, authorId: own.authorId }, now);
  return done ? { ok: true } : { ok: false, error: "notFound" };
}
