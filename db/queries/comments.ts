import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import {
  comments,
  commentVersions,
  consultations,
  offPlatformSubmissions,
  organisations,
  principles,
  users,
  type NewComment,
} from "../schema";
import { mayReplyTo } from "@/lib/rules/comments";
import { commentRate } from "@/lib/rules/token-bucket";
import { env } from "@/lib/env";
import { settleReports } from "./moderation-decisions";
import { isUniqueViolation } from "./pg-errors";
import { authorErased, authorNameForStaff } from "./comment-author";
import { takeRateToken } from "./rate-limits";
import { notifyReply } from "./notifications";
import {
  campaignEntry,
  campaignSigners,
  confirmedCosigners,
  groupNewComment,
  lockForRegrouping,
  newAccountCopies,
  regroupEditedComment,
} from "./campaigns";
import { holdCampaignCopy, isNewAccount } from "@/lib/rules/intake-limits";
import { NEW_ACCOUNT_HOURS } from "@/lib/limits";
import { reopenCosigns } from "./cosigners";
import type { CommentSort } from "@/lib/limits";

export type InsertCommentResult =
  | { ok: true; id: number; duplicate: boolean; createdAt: Date }
  | { ok: false; error: "rateLimited"; retryAt: Date }
  | { ok: false; error: "parentInvalid" | "formExpired" };

class Refused extends Error {
  constructor(readonly result: Exclude<InsertCommentResult, { ok: true }>) {
    super(result.error);
  }
}

/** Only the author's own earlier submission counts as a duplicate; a token used by someone else is refused. */
async function findByFormToken(db: Db, formToken: string) {
  const [row] = await db
    .select({ id: comments.id, authorId: comments.authorId, createdAt: comments.createdAt })
    .from(comments)
    .where(eq(comments.formToken, formToken));
  return row;
}

/**
 * Where a new comment goes, in one statement: the consultation's schedule (with its counter-comment window), its
 * reference prefix and moderation setting, and the principle. Null for an unknown or draft consultation.
 */
export async function getCommentTarget(db: Db, consultationSlug: string, principleSlug: string) {
  const [row] = await db
    .select({
      consultationId: consultations.id,
      status: consultations.status,
      opensAt: consultations.opensAt,
      closesAt: consultations.closesAt,
      counterClosesAt: consultations.counterClosesAt,
      referencePrefix: consultations.referencePrefix,
      preModeration: consultations.preModeration,
      principleId: principles.id,
    })
    .from(principles)
    .innerJoin(consultations, eq(consultations.id, principles.consultationId))
    .where(and(eq(consultations.slug, consultationSlug), eq(principles.slug, principleSlug)))
    .limit(1);
  return row;
}

/**
 * A comment and its first version in one transaction, after the author's rate limit. The form token makes a
 * resubmitted form (double click, retry, back-and-resubmit) return the comment it already created.
 */
export async function insertComment(
  db: Db,
  input: Omit<NewComment, "id" | "rootId" | "depth" | "threadReplyCount" | "state" | "createdAt" | "publishedAt"> & {
    parentId?: number | null;
    /** Pre-moderation holds new comments until a moderator approves them. */
    held?: boolean;
  },
  now = new Date(),
): Promise<InsertCommentResult> {
  const existing = await findByFormToken(db, input.formToken);
  if (existing) {
    return existing.authorId === input.authorId
      ? { ok: true, id: existing.id, duplicate: true, createdAt: existing.createdAt }
      : { ok: false, error: "formExpired" };
  }
  try {
    return await db.transaction(async (tx) => {
      let depth = 0;
      let rootId: number | null = null;
      if (input.parentId) {
        const [parent] = await tx
          .select({
            id: comments.id,
            depth: comments.depth,
            rootId: comments.rootId,
            principleId: comments.principleId,
            state: comments.state,
          })
          .from(comments)
          .where(eq(comments.id, input.parentId));
        if (!parent || parent.principleId !== input.principleId || !mayReplyTo(parent)) {
          throw new Refused({ ok: false, error: "parentInvalid" });
        }
        depth = parent.depth + 1;
        rootId = parent.rootId ?? parent.id;
      }
      const rate = await takeRateToken(tx, `comment:${input.authorId}`, commentRate(env().SAMVAD_COMMENT_BURST), now);
      if (!rate.ok) throw new Refused({ ok: false, error: "rateLimited", retryAt: rate.retryAt });
      // Bulk intake (lib/rules/intake-limits.ts): an account made beyond its address's sign-up limit is held.
      const [author] = input.authorId
        ? await tx.select({ heldAt: users.heldAt, createdAt: users.createdAt }).from(users).where(eq(users.id, input.authorId))
        : [];
      let held = !!input.held || !!author?.heldAt;
      const [row] = await tx
        .insert(comments)
        .values({
          ...input,
          parentId: input.parentId ?? null,
          depth,
          rootId,
          createdAt: now,
          state: held ? "awaiting_moderation" : "published",
          publishedAt: held ? null : now,
        })
        .returning({ id: comments.id, createdAt: comments.createdAt });
      if (!row) throw new Error("insert returned no row");
      await tx.insert(commentVersions).values({ commentId: row.id, version: 1, body: input.body, stance: input.stance, createdAt: now });
      if (rootId !== null) {
        await tx
          .update(comments)
          .set({ threadReplyCount: sql`${comments.threadReplyCount} + 1` })
          .where(eq(comments.id, rootId));
      } else {
        const lead = await groupNewComment(tx, { commentId: row.id, principleId: input.principleId });
        // One text from many new accounts: past the documented number of copies, the next waits for a moderator.
        const authorIsNew = !!author && isNewAccount(author.createdAt, now);
        if (!held && lead !== null && authorIsNew) {
          const since = new Date(now.getTime() - NEW_ACCOUNT_HOURS * 3_600_000);
          if (holdCampaignCopy({ authorIsNew, newAccountCopies: await newAccountCopies(tx, { lead, commentId: row.id, since }) })) {
            held = true;
            await tx.update(comments).set({ state: "awaiting_moderation", publishedAt: null }).where(eq(comments.id, row.id));
          }
        }
      }
      // A held reply is not visible yet, so nobody is told of it yet.
      if (input.parentId && input.authorId && !held) {
        await notifyReply(tx, { replyId: row.id, parentId: input.parentId, authorId: input.authorId }, now);
      }
      return { ok: true, id: row.id, duplicate: false, createdAt: row.createdAt } as const;
    });
  } catch (err) {
    if (err instanceof Refused) return err.result;
    if (isUniqueViolation(err, "comments_form_token_key")) {
      const again = await findByFormToken(db, input.formToken);
      if (again)
        return again.authorId === input.authorId
          ? { ok: true, id: again.id, duplicate: true, createdAt: again.createdAt }
          : { ok: false, error: "formExpired" };
    }
    throw err;
  }
}

/** The author's edit: the new text becomes the next version; every earlier one is kept. */
export async function updateCommentText(
  db: Db,
  p: { commentId: number; authorId: string; body: string; stance: NewComment["stance"] },
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockForRegrouping(tx, p.commentId);
    const [current] = await tx
      .select({ id: comments.id, body: comments.body, stance: comments.stance, principleId: comments.principleId })
      .from(comments)
      .where(and(eq(comments.id, p.commentId), eq(comments.authorId, p.authorId), eq(comments.state, "published")))
      .for("update");
    if (!current) return false;
    if (current.body === p.body && current.stance === p.stance) return true;
    const [last] = await tx
      .select({ version: sql<number>`max(${commentVersions.version})` })
      .from(commentVersions)
      .where(eq(commentVersions.commentId, p.commentId));
    await tx.insert(commentVersions).values({
      commentId: p.commentId,
      version: Number(last?.version ?? 0) + 1,
      body: p.body,
      stance: p.stance,
      createdAt: now,
    });
    await tx.update(comments).set({ body: p.body, stance: p.stance, editedAt: now }).where(eq(comments.id, p.commentId));
    await regroupEditedComment(tx, { commentId: p.commentId, principleId: current.principleId });
    await reopenCosigns(tx, p.commentId);
    return true;
  });
}

/**
 * Withdrawal by the author: the comment stays in its thread as "withdrawn", its replies stay visible. Its open
 * reports are settled in the same transaction: there is nothing left for a moderator to decide, so it leaves
 * the queue (and a report can no longer count towards an automatic hide).
 */
export async function markCommentWithdrawn(db: Db, p: { commentId: number; authorId: string }, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(comments)
      .set({ state: "withdrawn", withdrawnAt: now })
      .where(
        and(eq(comments.id, p.commentId), eq(comments.authorId, p.authorId), inArray(comments.state, ["published", "awaiting_moderation"])),
      )
      .returning({ id: comments.id });
    if (rows.length !== 1) return false;
    await settleReports(tx, p.commentId, now);
    return true;
  });
}

/** A comment with its consultation's schedule, for the author's edit or withdrawal (the phase decides). */
export async function getCommentForAuthor(db: Db, commentId: number) {
  const [row] = await db
    .select({
      id: comments.id,
      authorId: comments.authorId,
      parentId: comments.parentId,
      state: comments.state,
      consultationId: comments.consultationId,
      principleId: comments.principleId,
      schedule: {
        status: consultations.status,
        opensAt: consultations.opensAt,
        closesAt: consultations.closesAt,
        counterClosesAt: consultations.counterClosesAt,
      },
    })
    .from(comments)
    .innerJoin(consultations, eq(consultations.id, comments.consultationId))
    .where(eq(comments.id, commentId));
  return row;
}

/** Whether someone has ever commented: the comment form explains the name-or-group choice before the first. */
export async function hasCommented(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: comments.id }).from(comments).where(eq(comments.authorId, userId)).limit(1);
  return !!row;
}

/** Where a comment lives, for its permalink. */
export async function getCommentLocation(db: Db, commentId: number) {
  const [row] = await db
    .select({
      id: comments.id,
      rootId: comments.rootId,
      authorId: comments.authorId,
      publishedAt: comments.publishedAt,
      consultationSlug: consultations.slug,
      principleSlug: principles.slug,
      // A published member of a campaign group is shown inside its group's entry: the earliest published member.
      campaignEntryId: sql<number | null>`case when ${comments.campaignLeadId} is not null and ${comments.state} = 'published' then
        (select min(e.id) from comments e where e.campaign_lead_id = ${comments.campaignLeadId} and e.state = 'published') end`.mapWith(
        (v: unknown) => (v === null ? null : Number(v)),
      ),
    })
    .from(comments)
    .innerJoin(principles, eq(principles.id, comments.principleId))
    .innerJoin(consultations, eq(consultations.id, comments.consultationId))
    .where(eq(comments.id, commentId));
  return row;
}

export async function listCommentVersions(db: Db, commentId: number) {
  return db
    .select({
      version: commentVersions.version,
      body: commentVersions.body,
      stance: commentVersions.stance,
      createdAt: commentVersions.createdAt,
    })
    .from(commentVersions)
    .where(eq(commentVersions.commentId, commentId))
    .orderBy(asc(commentVersions.version));
}

// ---- Reading threads -------------------------------------------------------------------------------------

export const COMMENT_PAGE_SIZE = 50;

/** Position in the list: strictly after a cursor, or starting at a comment (for permalinks). */
export type PageStart = { after?: string; from?: number };

function commentColumns(viewerId: string | null) {
  // Only a published comment's text goes to everyone; a withdrawn one's only to its author.
  const visibleBody = viewerId
    ? sql<string | null>`case when ${comments.state} = 'published' or ${comments.authorId} = ${viewerId} then ${comments.body} end`
    : sql<string | null>`case when ${comments.state} = 'published' then ${comments.body} end`;
  // A hidden or withdrawn comment keeps its place in the thread but names nobody: tying a named person to a
  // removal in public is itself a harm. Only the stakeholder group stays.
  const named = sql`${comments.state} not in ('hidden', 'withdrawn')`;
  // A participant who chose to show only their group is named to nobody, and their id (which would link the
  // comment to their named ones) goes only to themselves.
  const personNamed = sql`${named} and ${comments.nameShown}`;
  const own = viewerId ? sql`${comments.authorId} = ${viewerId}` : sql`false`;
  return {
    id: comments.id,
    parentId: comments.parentId,
    rootId: comments.rootId,
    depth: comments.depth,
    authorId: sql<string | null>`case when ${comments.nameShown} or ${own} then ${comments.authorId} end`,
    authorName: sql<string | null>`case when ${personNamed} then ${authorNameForStaff} end`,
    authorErased,
    authorDesignation: sql<string | null>`case when ${personNamed} then ${users.designation} end`,
    nameShown: comments.nameShown,
    offPlatformChannel: offPlatformSubmissions.channel,
    receivedAt: offPlatformSubmissions.receivedAt,
    stakeholderGroup: comments.stakeholderGroup,
    organisationId: sql<string | null>`case when ${named} then ${comments.organisationId} end`,
    organisationName: sql<string | null>`case when ${named} then ${organisations.name} end`,
    organisationVerified: sql<boolean>`${named} and ${organisations.verifiedAt} is not null`,
    stance: comments.stance,
    body: visibleBody,
    language: comments.language,
    state: comments.state,
    threadReplyCount: comments.threadReplyCount,
    createdAt: comments.createdAt,
    editedAt: comments.editedAt,
    withdrawnAt: comments.withdrawnAt,
    // The latest published summary version citing this comment, for the mark "cited in the summary".
    citedInVersion: sql<number | null>`(select max(v.version) from summary_citations sc
      join summary_versions v on v.id = sc.version_id where sc.comment_id = ${comments.id})`,
    // The rule of the latest hide, for the placeholder "hidden under rule N" (null: hidden automatically).
    hiddenRule: sql<number | null>`case when ${comments.state} = 'hidden' then (
      select r.number from moderation_decisions d left join moderation_rules r on r.id = d.rule_id
      where d.comment_id = ${comments.id} and d.action in ('hide', 'auto_hide') order by d.id desc limit 1) end`,
    // Campaign grouping and joint submissions (db/queries/campaigns.ts): json lists, null when there are none.
    campaignSigners,
    cosignedBy: confirmedCosigners,
  };
}

function visibleTo(viewerId: string | null): SQL | undefined {
  // Held comments show only to their author; so do ones withdrawn before they were ever published.
  const publicStates = and(inArray(comments.state, ["published", "withdrawn", "hidden"]), isNotNull(comments.publishedAt));
  return viewerId ? or(publicStates, eq(comments.authorId, viewerId)) : publicStates;
}

function pageCondition(sort: CommentSort, start: PageStart): SQL | undefined {
  if (start.from !== undefined) {
    if (sort === "oldest") return sql`${comments.id} >= ${start.from}`;
    if (sort === "newest") return lte(comments.id, start.from);
    return sql`(${comments.threadReplyCount}, ${comments.id}) <= (select thread_reply_count, id from comments where id = ${start.from})`;
  }
  if (!start.after) return undefined;
  if (sort === "replies") {
    const [count, id] = start.after.split(".").map(Number);
    if (!Number.isInteger(count) || !Number.isInteger(id)) return undefined;
    return sql`(${comments.threadReplyCount}, ${comments.id}) < (${count}, ${id})`;
  }
  const id = Number(start.after);
  if (!Number.isInteger(id)) return undefined;
  return sort === "oldest" ? gt(comments.id, id) : lt(comments.id, id);
}

export type ThreadComment = Awaited<ReturnType<typeof selectComments>>[number];

function selectComments(db: Db, viewerId: string | null) {
  return db
    .select(commentColumns(viewerId))
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(offPlatformSubmissions, eq(offPlatformSubmissions.commentId, comments.id))
    .leftJoin(organisations, eq(organisations.id, comments.organisationId));
}

/**
 * One page of top-level threads with all their replies: two statements whatever the number of comments.
 */
export async function listCommentThreads(
  db: Db,
  p: { principleId: string; viewerId: string | null; sort: CommentSort; start: PageStart; pageSize?: number },
) {
  const size = p.pageSize ?? COMMENT_PAGE_SIZE;
  const order =
    p.sort === "oldest"
      ? [asc(comments.id)]
      : p.sort === "newest"
        ? [desc(comments.id)]
        : [desc(comments.threadReplyCount), desc(comments.id)];
  const tops = await selectComments(db, p.viewerId)
    .where(
      and(
        eq(comments.principleId, p.principleId),
        isNull(comments.parentId),
        visibleTo(p.viewerId),
        campaignEntry(p.viewerId),
        pageCondition(p.sort, p.start),
      ),
    )
    .orderBy(...order)
    .limit(size + 1);
  const page = tops.slice(0, size);
  const last = page[page.length - 1];
  const nextCursor = tops.length > size && last ? (p.sort === "replies" ? `${last.threadReplyCount}.${last.id}` : String(last.id)) : null;
  const replies = page.length
    ? await selectComments(db, p.viewerId)
        .where(
          and(
            inArray(
              comments.rootId,
              page.map((c) => c.id),
            ),
            visibleTo(p.viewerId),
          ),
        )
        .orderBy(asc(comments.id))
    : [];
  return { threads: page, replies, nextCursor };
}
