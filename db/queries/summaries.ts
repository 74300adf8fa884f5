import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { comments, offPlatformSubmissions, summaryCitations, summaryDrafts, summaryVersions, users, type SummaryContent } from "../schema";
import { authorErased, authorNameForPublic } from "./comment-author";
import { notifyCitations } from "./notifications";
import { MAX_ID } from "@/lib/limits";
import type { CitedComment } from "@/lib/rules/citations";
import type { Tx } from "./tx";

export async function getSummaryDraft(db: Db, principleId: string) {
  const [row] = await db.select().from(summaryDrafts).where(eq(summaryDrafts.principleId, principleId));
  return row;
}

export async function saveSummaryDraft(db: Db, p: { principleId: string; sections: SummaryContent; userId: string }, now = new Date()) {
  await db
    .insert(summaryDrafts)
    .values({ principleId: p.principleId, sections: p.sections, updatedAt: now, updatedBy: p.userId })
    .onConflictDoUpdate({ target: summaryDrafts.principleId, set: { sections: p.sections, updatedAt: now, updatedBy: p.userId } });
}

/** What the citation rules need to know of each cited comment. */
export async function getCitedComments(db: Tx, ids: number[], lock = false): Promise<Map<number, CitedComment>> {
  const safe = ids.filter((id) => id > 0 && id <= MAX_ID);
  if (safe.length === 0) return new Map();
  const query = db
    .select({ id: comments.id, principleId: comments.principleId, state: comments.state, stakeholderGroup: comments.stakeholderGroup })
    .from(comments)
    .where(inArray(comments.id, safe));
  // Inside a publish, the cited comments are locked so a hide cannot slip in between the check and the version.
  const rows = lock ? await query.for("share") : await query;
  return new Map(rows.map((r) => [r.id, r]));
}

/** A new numbered version with its citations, in one transaction; versions of a principle are numbered in turn. */
export async function insertSummaryVersion(
  db: Db,
  p: { principleId: string; sections: SummaryContent; publishedByRole: string; citations: { commentId: number; section: string }[] },
  now = new Date(),
  /** Runs under the lock before anything is written; returning false writes nothing. */
  stillValid: (tx: Tx) => Promise<boolean> = async () => true,
): Promise<number | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"summary:" + p.principleId}))`);
    if (!(await stillValid(tx))) return null;
    const [last] = await tx
      .select({ v: sql<number>`coalesce(max(${summaryVersions.version}), 0)::int` })
      .from(summaryVersions)
      .where(eq(summaryVersions.principleId, p.principleId));
    const version = Number(last?.v ?? 0) + 1;
    const [row] = await tx
      .insert(summaryVersions)
      .values({ principleId: p.principleId, version, sections: p.sections, publishedAt: now, publishedByRole: p.publishedByRole })
      .returning({ id: summaryVersions.id });
    if (!row) throw new Error("insert returned no row");
    if (p.citations.length) await tx.insert(summaryCitations).values(p.citations.map((c) => ({ ...c, versionId: row.id })));
    await notifyCitations(tx, { versionId: row.id, commentIds: p.citations.map((c) => c.commentId) }, now);
    return version;
  });
}

export async function listSummaryVersions(db: Db, principleId: string) {
  return db
    .select({
      id: summaryVersions.id,
      version: summaryVersions.version,
      publishedAt: summaryVersions.publishedAt,
      publishedByRole: summaryVersions.publishedByRole,
    })
    .from(summaryVersions)
    .where(eq(summaryVersions.principleId, principleId))
    .orderBy(desc(summaryVersions.version));
}

export async function getSummaryVersion(db: Db, principleId: string, version?: number) {
  const [row] = await db
    .select()
    .from(summaryVersions)
    .where(and(eq(summaryVersions.principleId, principleId), version ? eq(summaryVersions.version, version) : undefined))
    .orderBy(desc(summaryVersions.version))
    .limit(1);
  return row;
}

/** The comments a version cites, with what the reader needs and their state today. */
export async function listVersionCitations(db: Db, versionId: number) {
  return db
    .selectDistinctOn([comments.id], {
      id: comments.id,
      state: comments.state,
      stakeholderGroup: comments.stakeholderGroup,
      stance: comments.stance,
      authorName: authorNameForPublic,
      // Shown as "a former participant" where a name would have been.
      authorErased: sql<boolean>`${authorErased} and ${comments.nameShown} and ${comments.state} not in ('hidden', 'withdrawn')`.mapWith(
        Boolean,
      ),
      excerpt: sql<string | null>`case when ${comments.state} = 'published' then left(${comments.body}, 240) end`,
    })
    .from(summaryCitations)
    .innerJoin(comments, eq(comments.id, summaryCitations.commentId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(offPlatformSubmissions, eq(offPlatformSubmissions.commentId, comments.id))
    .where(eq(summaryCitations.versionId, versionId))
    .orderBy(asc(comments.id));
}

/** Per stakeholder group: published comments received on the principle, and how many of them the version cites. */
export async function summaryCoverage(db: Db, principleId: string, versionId: number) {
  const rows = await db
    .select({
      stakeholderGroup: comments.stakeholderGroup,
      received: sql<number>`count(*)::int`,
      cited: sql<number>`count(*) filter (where exists (select 1 from ${summaryCitations} sc where sc.version_id = ${versionId} and sc.comment_id = ${comments.id}))::int`,
    })
    .from(comments)
    .where(and(eq(comments.principleId, principleId), eq(comments.state, "published")))
    .groupBy(comments.stakeholderGroup);
  return rows.map((r) => ({ ...r, received: Number(r.received), cited: Number(r.cited) }));
}
