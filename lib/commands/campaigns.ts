import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { splitFromCampaign } from "@/db/queries/campaigns";
import { addCosigner, decideCosign, getJointSubmission } from "@/db/queries/cosigners";
import { listMembershipsOfUser } from "@/db/queries/users";
import { COSIGNERS_MAX } from "@/lib/limits";
import { maySpeakFor } from "@/lib/rules/capacity";
import { consultationPhase, mayComment } from "@/lib/rules/consultation-phase";
import { authorise, type Actor, type Denied } from "./actor";

/**
 * A moderator takes a wrongly grouped comment out of its campaign group, for good, with an audit entry, in one
 * transaction. If it was the group's first comment the next earliest member becomes the group's first, so the
 * rest of the group stays together.
 */
export async function splitCampaignMember(
  db: Db,
  actor: Actor,
  p: { commentId: number; address?: string | null },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "notGrouped" }> {
  const allowed = authorise(actor, "staff");
  if (!allowed.ok) return allowed;
  const moderator = allowed.actor;
  return db.transaction(async (tx) => {
    const result = await splitFromCampaign(tx, { commentId: p.commentId, moderatorId: moderator.id, now });
    if (!result.ok) return result;
    await recordAudit(tx, {
      action: "campaign.split",
      actorId: moderator.id,
      actorRole: moderator.role,
      address: p.address ?? null,
      targetType: "comment",
      targetId: String(p.commentId),
      details: { campaignLeadId: result.lead },
    });
    return { ok: true } as const;
  });
}

export type RequestCosigningResult =
  { ok: true; added: boolean } | Denied | { ok: false; error: "cosignerInvalid" | "tooManyCosigners" | "notJointSubmission" };

/**
 * The author of a comment made on behalf of an organisation (who still speaks for it) names another verified
 * organisation as co-signer, while the comment period is open.
 */
export async function requestCosigning(
  db: Db,
  actor: Actor,
  p: { commentId: number; organisationId: string },
  now = new Date(),
): Promise<RequestCosigningResult> {
  const allowed = authorise(actor, "writer");
  if (!allowed.ok) return allowed;
  const author = allowed.actor;
  const joint = await getJointSubmission(db, p.commentId);
  if (!joint || joint.authorId !== author.id) return { ok: false, error: "notFound" };
  if (joint.organisationId === null || joint.parentId !== null) return { ok: false, error: "notJointSubmission" };
  if (joint.state !== "published" && joint.state !== "awaiting_moderation") return { ok: false, error: "notFound" };
  if (!mayComment(consultationPhase(joint.schedule, now), "comment")) return { ok: false, error: "consultationClosed" };
  const memberships = await listMembershipsOfUser(db, author.id);
  if (!maySpeakFor(memberships, joint.organisationId)) return { ok: false, error: "forbidden" };
  return db.transaction((tx) => addCosigner(tx, { commentId: p.commentId, organisationId: p.organisationId, max: COSIGNERS_MAX, now }));
}

/**
 * An authorised representative of the co-signing organisation confirms or declines. The database decides who
 * may (checked in the same statement that changes the row), so a membership revoked meanwhile cannot slip through.
 */
export async function decideCosigning(
  db: Db,
  actor: Actor,
  p: { commentId: number; organisationId: string; decision: "confirmed" | "declined" },
  now = new Date(),
): Promise<{ ok: true; changed: boolean } | Denied | { ok: false; error: "cosignAlreadyDecided" }> {
  const allowed = authorise(actor, "writer");
  if (!allowed.ok) return allowed;
  const result = await db.transaction((tx) => decideCosign(tx, { ...p, userId: allowed.actor.id, now }));
  return result.ok ? { ok: true, changed: result.changed } : result;
}
