import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { commentCosigners, comments, consultations, memberships, organisations, principles } from "../schema";
import { notifyCosignRequest } from "./notifications";
import type { Tx } from "./tx";

/**
 * Joint submissions: a comment made on behalf of an organisation names other verified organisations as
 * co-signers; each shows publicly only once an authorised representative of it (a verified member with
 * may_sign, of a verified organisation) confirmed.
 */

/** The joint submission as its author manages it: the comment, its consultation's schedule, and its co-signers. */
export async function getJointSubmission(db: Db, commentId: number) {
  const [comment] = await db
    .select({
      id: comments.id,
      authorId: comments.authorId,
      organisationId: comments.organisationId,
      organisationName: organisations.name,
      parentId: comments.parentId,
      state: comments.state,
      body: comments.body,
      language: comments.language,
      consultationSlug: consultations.slug,
      principleSlug: principles.slug,
      principleTitle: principles.title,
      principleTitleHi: principles.titleHi,
      schedule: {
        status: consultations.status,
        opensAt: consultations.opensAt,
        closesAt: consultations.closesAt,
        counterClosesAt: consultations.counterClosesAt,
      },
    })
    .from(comments)
    .innerJoin(consultations, eq(consultations.id, comments.consultationId))
    .innerJoin(principles, eq(principles.id, comments.principleId))
    .leftJoin(organisations, eq(organisations.id, comments.organisationId))
    .where(eq(comments.id, commentId));
  if (!comment) return undefined;
  const cosigners = await db
    .select({ organisationId: commentCosigners.organisationId, name: organisations.name, state: commentCosigners.state })
    .from(commentCosigners)
    .innerJoin(organisations, eq(organisations.id, commentCosigners.organisationId))
    .where(eq(commentCosigners.commentId, commentId))
    .orderBy(asc(commentCosigners.requestedAt), asc(organisations.name));
  return { ...comment, cosigners };
}

/** Verified organisations a joint submission may name, besides the one it is made on behalf of. */
export async function listCosignableOrganisations(db: Db, ownOrganisationId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, stakeholderGroup: organisations.stakeholderGroup })
    .from(organisations)
    .where(and(isNotNull(organisations.verifiedAt), ne(organisations.id, ownOrganisationId)))
    .orderBy(asc(sql`lower(${organisations.name})`));
}

export type RequestCosignResult = { ok: true; added: boolean } | { ok: false; error: "cosignerInvalid" | "tooManyCosigners" };

/**
 * Names one more co-signer, pending. Only a verified organisation other than the comment's own; naming one twice
 * is harmless (the primary key keeps one row, whatever its state). The comment row is locked so that two requests
 * at once cannot pass the limit together. A new request tells the organisation's authorised representatives.
 */
export async function addCosigner(
  tx: Tx,
  p: { commentId: number; organisationId: string; max: number; now: Date },
): Promise<RequestCosignResult> {
  const [c] = await tx
    .select({ organisationId: comments.organisationId, authorId: comments.authorId })
    .from(comments)
    .where(eq(comments.id, p.commentId))
    .for("update");
  if (!c || c.organisationId === null || c.organisationId === p.organisationId) return { ok: false, error: "cosignerInvalid" };
  const [org] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, p.organisationId), isNotNull(organisations.verifiedAt)));
  if (!org) return { ok: false, error: "cosignerInvalid" };
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(commentCosigners)
    .where(eq(commentCosigners.commentId, p.commentId));
  const existing = await tx
    .select({ state: commentCosigners.state })
    .from(commentCosigners)
    .where(and(eq(commentCosigners.commentId, p.commentId), eq(commentCosigners.organisationId, p.organisationId)));
  if (existing.length) return { ok: true, added: false };
  if (Number(count?.n ?? 0) >= p.max) return { ok: false, error: "tooManyCosigners" };
  const inserted = await tx
    .insert(commentCosigners)
    .values({ commentId: p.commentId, organisationId: p.organisationId, state: "pending", requestedAt: p.now })
    .onConflictDoNothing()
    .returning({ id: commentCosigners.commentId });
  if (inserted.length === 1)
    await notifyCosignRequest(tx, { commentId: p.commentId, organisationId: p.organisationId, authorId: c.authorId }, p.now);
  return { ok: true, added: inserted.length === 1 };
}

/** The requests waiting for an organisation this person may sign for (verified member with may_sign, verified organisation). */
export async function listPendingCosignRequests(db: Db, userId: string) {
  return (
    db
      .select({
        commentId: commentCosigners.commentId,
        organisationId: commentCosigners.organisationId,
        organisationName: organisations.name,
        requestedAt: commentCosigners.requestedAt,
        body: comments.body,
        language: comments.language,
        commentState: comments.state,
        byOrganisation: sql<string | null>`(select o2.name from organisations o2 where o2.id = ${comments.organisationId})`,
        consultationSlug: consultations.slug,
        principleTitle: principles.title,
        principleTitleHi: principles.titleHi,
        principlePosition: principles.position,
      })
      .from(commentCosigners)
      .innerJoin(organisations, eq(organisations.id, commentCosigners.organisationId))
      .innerJoin(
        memberships,
        and(
          eq(memberships.organisationId, commentCosigners.organisationId),
          eq(memberships.userId, userId),
          isNotNull(memberships.verifiedAt),
          eq(memberships.maySign, true),
        ),
      )
      .innerJoin(comments, eq(comments.id, commentCosigners.commentId))
      .innerJoin(consultations, eq(consultations.id, comments.consultationId))
      .innerJoin(principles, eq(principles.id, comments.principleId))
      // A comment hidden or withdrawn meanwhile is no longer put to anyone.
      .where(
        and(
          eq(commentCosigners.state, "pending"),
          isNotNull(organisations.verifiedAt),
          inArray(comments.state, ["published", "awaiting_moderation"]),
        ),
      )
      .orderBy(asc(commentCosigners.requestedAt))
  );
}

export type DecideCosignResult =
  { ok: true; changed: boolean; state: "confirmed" | "declined" } | { ok: false; error: "notFound" | "forbidden" | "cosignAlreadyDecided" };

/**
 * A representative's answer. The update changes a row only while it is pending and only for someone who may sign
 * for the organisation, so two answers at once decide it once; the same answer again is harmless, a different
 * one after the decision is refused.
 */
export async function decideCosign(
  tx: Tx,
  p: { commentId: number; organisationId: string; userId: string; decision: "confirmed" | "declined"; now: Date },
): Promise<DecideCosignResult> {
  const authorised = sql`exists (select 1 from memberships m join organisations o on o.id = m.organisation_id
    where m.user_id = ${p.userId} and m.organisation_id = ${commentCosigners.organisationId}
      and m.verified_at is not null and m.may_sign and o.verified_at is not null)`;
  // Only a comment still up for answers: visible or awaiting a moderator (as the list of requests shows them),
  // in a consultation that has not closed. Checked in the same statement, so a withdrawal cannot slip between.
  const live = sql`exists (select 1 from comments c join consultations k on k.id = c.consultation_id
    where c.id = ${commentCosigners.commentId} and c.state in ('published', 'awaiting_moderation')
      and k.status <> 'closed' and ${p.now.toISOString()}::timestamptz < coalesce(k.counter_closes_at, k.closes_at))`;
  const changed = await tx
    .update(commentCosigners)
    .set({ state: p.decision, decidedBy: p.userId, decidedAt: p.now })
    .where(
      and(
        eq(commentCosigners.commentId, p.commentId),
        eq(commentCosigners.organisationId, p.organisationId),
        eq(commentCosigners.state, "pending"),
        authorised,
        live,
      ),
    )
    .returning({ state: commentCosigners.state });
  if (changed.length === 1) return { ok: true, changed: true, state: p.decision };
  const [row] = await tx
    .select({ state: commentCosigners.state, authorised: sql<boolean>`${authorised}`, live: sql<boolean>`${live}` })
    .from(commentCosigners)
    .where(and(eq(commentCosigners.commentId, p.commentId), eq(commentCosigners.organisationId, p.organisationId)));
  if (!row || !row.live) return { ok: false, error: "notFound" };
  if (!row.authorised) return { ok: false, error: "forbidden" };
  if (row.state === p.decision) return { ok: true, changed: false, state: p.decision };
  return { ok: false, error: "cosignAlreadyDecided" };
}

/**
 * The author changed the text or stance of a joint submission: what the co-signers confirmed (or declined) is no
 * longer what it says, so every answer is asked again and "co-signed by" shows nobody until they confirm anew.
 * Called in the edit's transaction, with the comment's row locked.
 */
export async function reopenCosigns(tx: Tx, commentId: number): Promise<void> {
  await tx
    .update(commentCosigners)
    .set({ state: "pending", decidedBy: null, decidedAt: null })
    .where(and(eq(commentCosigners.commentId, commentId), ne(commentCosigners.state, "pending")));
}

/** How many requests wait for this person's answer, for the link on the profile. */
export async function countPendingCosignRequests(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(commentCosigners)
    .innerJoin(organisations, eq(organisations.id, commentCosigners.organisationId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.organisationId, commentCosigners.organisationId),
        eq(memberships.userId, userId),
        isNotNull(memberships.verifiedAt),
        eq(memberships.maySign, true),
      ),
    )
    .where(and(eq(commentCosigners.state, "pending"), isNotNull(organisations.verifiedAt)));
  return Number(row?.n ?? 0);
}
