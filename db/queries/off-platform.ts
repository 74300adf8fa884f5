import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { comments, commentVersions, consultations, offPlatformSubmissions, principles } from "../schema";
import type { Language, OffPlatformChannel, Stance, StakeholderGroup } from "@/lib/limits";
import { recordAudit } from "./audit";
import { groupNewComment } from "./campaigns";
import { consultationScheduleColumns } from "./consultations";
import { isUniqueViolation } from "./pg-errors";

/** What entering a submission needs to know of its consultation: its schedule, status and reference prefix. */
export async function getOffPlatformTarget(db: Db, slug: string) {
  const [row] = await db
    .select({ ...consultationScheduleColumns, referencePrefix: consultations.referencePrefix })
    .from(consultations)
    .where(eq(consultations.slug, slug))
    .limit(1);
  return row;
}

/** The sections a submission can be entered against, in order. */
export async function listOffPlatformSections(db: Db, consultationId: string) {
  return db
    .select({ id: principles.id, position: principles.position, title: principles.title, titleHi: principles.titleHi })
    .from(principles)
    .where(eq(principles.consultationId, consultationId))
    .orderBy(asc(principles.position));
}

export interface NewOffPlatformSubmission {
  consultationId: string;
  principleId: string;
  submitterName: string;
  stakeholderGroup: StakeholderGroup;
  channel: OffPlatformChannel;
  receivedAt: Date;
  stance: Stance;
  language: Language;
  body: string;
  formToken: string;
  enteredBy: string;
  enteredByRole: string;
  address?: string | null;
}

export type InsertOffPlatformResult = { ok: true; id: number; duplicate: boolean } | { ok: false; error: "formExpired" };

/** The submission an earlier send of the same form made; only the moderator who sent it may be told it exists. */
async function findByFormToken(db: Db, formToken: string, enteredBy: string): Promise<InsertOffPlatformResult | undefined> {
  const [row] = await db
    .select({ id: comments.id, enteredBy: offPlatformSubmissions.enteredBy })
    .from(comments)
    .leftJoin(offPlatformSubmissions, eq(offPlatformSubmissions.commentId, comments.id))
    .where(eq(comments.formToken, formToken));
  if (!row) return undefined;
  return row.enteredBy === enteredBy ? { ok: true, id: row.id, duplicate: true } : { ok: false, error: "formExpired" };
}

/**
 * A submission received by post, email or at a meeting: the comment (no account behind it, published at once,
 * named as the submission gave the name), its first version, who sent it and how, and the audit entry, in one
 * transaction. The form token under the comments' unique key makes a second send of the same form harmless.
 */
export async function insertOffPlatformSubmission(db: Db, s: NewOffPlatformSubmission, now = new Date()): Promise<InsertOffPlatformResult> {
  const earlier = await findByFormToken(db, s.formToken, s.enteredBy);
  if (earlier) return earlier;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(comments)
        .values({
          consultationId: s.consultationId,
          principleId: s.principleId,
          authorId: null,
          offPlatform: true,
          nameShown: true,
          stakeholderGroup: s.stakeholderGroup,
          stance: s.stance,
          body: s.body,
          language: s.language,
          state: "published",
          formToken: s.formToken,
          createdAt: now,
          publishedAt: now,
        })
        .returning({ id: comments.id });
      if (!row) throw new Error("insert returned no row");
      await tx.insert(commentVersions).values({ commentId: row.id, version: 1, body: s.body, stance: s.stance, createdAt: now });
      await groupNewComment(tx, { commentId: row.id, principleId: s.principleId });
      await tx.insert(offPlatformSubmissions).values({
        commentId: row.id,
        submitterName: s.submitterName,
        channel: s.channel,
        receivedAt: s.receivedAt,
        enteredBy: s.enteredBy,
        createdAt: now,
      });
      await recordAudit(tx, {
        action: "submission.off_platform",
        actorId: s.enteredBy,
        actorRole: s.enteredByRole,
        address: s.address ?? null,
        targetType: "comment",
        targetId: String(row.id),
        details: { channel: s.channel, consultationId: s.consultationId },
      });
      return { ok: true, id: row.id, duplicate: false } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err, "comments_form_token_key")) {
      const again = await findByFormToken(db, s.formToken, s.enteredBy);
      if (again) return again;
    }
    throw err;
  }
}

/** An entered submission as its confirmation shows it (with the consultation's prefix for the reference number). */
export async function getEnteredSubmission(db: Db, p: { commentId: number; consultationId: string }) {
  const [row] = await db
    .select({
      id: comments.id,
      createdAt: comments.createdAt,
      submitterName: offPlatformSubmissions.submitterName,
      channel: offPlatformSubmissions.channel,
      receivedAt: offPlatformSubmissions.receivedAt,
      referencePrefix: consultations.referencePrefix,
    })
    .from(comments)
    .innerJoin(offPlatformSubmissions, eq(offPlatformSubmissions.commentId, comments.id))
    .innerJoin(consultations, eq(consultations.id, comments.consultationId))
    .where(and(eq(comments.id, p.commentId), eq(comments.consultationId, p.consultationId)));
  return row;
}
