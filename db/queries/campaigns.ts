import { and, eq, sql } from "drizzle-orm";
import { comments } from "../schema";
import { CAMPAIGN_SIMILARITY } from "@/lib/limits";
import type { Tx } from "./tx";

/**
 * Campaign grouping: identical or nearly identical top-level comments on one principle share `campaign_lead_id`,
 * the id of the group's first comment (set on that comment too). Every comment still counts in the statistics
 * (they come from principle_comment_counts); grouping only changes how the principle page lists them.
 */

/**
 * Serialises grouping per principle for the rest of the transaction, and sets the similarity threshold of the
 * `%` operator for it. Read committed gives the next statement a fresh snapshot, so a comment committed by
 * whoever held the lock before is seen: two identical comments posted at once cannot both start a group.
 */
async function lockPrinciple(tx: Tx, principleId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`campaign:${principleId}`})),
      set_config('pg_trgm.similarity_threshold', ${String(CAMPAIGN_SIMILARITY)}, true)`,
  );
}

function rows<T>(result: unknown): T[] {
  // postgres-js returns the rows as the result; PGlite wraps them in `rows`.
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/**
 * The group the comment should join: that of the most similar other top-level comment on its principle, with the
 * same stance and language, that a moderator has not split out (the trigram index answers `%`; equality catches
 * texts without trigrams). Opposite views are never one campaign, however alike their words. Not only comments
 * with a smaller id: ids are taken at insert but rows become visible at commit, so a comment with a smaller id may
 * commit (and take the lock) after this one.
 */
async function bestMatch(tx: Tx, p: { commentId: number; principleId: string }): Promise<number | null> {
  // The planner costs `%` like a cheap comparison and would rather walk the principle's btree index and compute
  // the similarity of every comment on it (measured on PostgreSQL, 20,000 comments on one principle: 0.72 s
  // against 0.01 s through the trigram index). So the candidates come from the trigram index (a materialised CTE,
  // sequential scans off for this statement only), narrowed in that same scan to the principle's top-level
  // comments of the same stance and language; the principle is compared as text so that its btree index offers
  // the planner no way round the trigram one.
  await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
  const found = rows<{ lead: number }>(
    await tx.execute(sql`with t as (select normalised_body as b, stance, language from comments where id = ${p.commentId}),
      hits as materialized (select m.id, m.campaign_lead_id, m.normalised_body from comments m, t
        where (m.normalised_body % t.b or m.normalised_body = t.b)
          and m.principle_id::text = ${p.principleId} and m.parent_id is null and m.campaign_split_at is null
          and m.stance = t.stance and m.language = t.language and m.id <> ${p.commentId})
      select coalesce(h.campaign_lead_id, h.id) as lead from hits h, t
      order by similarity(h.normalised_body, t.b) desc, h.id
      limit 1`),
  );
  await tx.execute(sql`select set_config('enable_seqscan', 'on', true)`);
  return found[0] ? Number(found[0].lead) : null;
}

/**
 * Puts the comment in the group keyed by `lead`, the group's first comment (which carries its own id, or none
 * yet if it is starting the group). Usually only the new member changes (and the lead, if it starts the group):
 * a group of thousands is not rewritten for each copy. The key is always the first comment's id, so only a
 * comment older than the group's first re-keys the whole group.
 */
async function join(tx: Tx, commentId: number, lead: number): Promise<void> {
  if (commentId > lead) {
    await tx.execute(sql`update comments set campaign_lead_id = ${lead}
      where id = ${commentId} or (id = ${lead} and campaign_lead_id is null)`);
    return;
  }
  await tx.execute(sql`update comments set campaign_lead_id = ${commentId}
    where id in (${lead}, ${commentId}) or campaign_lead_id = ${lead}`);
}

/**
 * Takes the comment out of its group. A departing first comment hands the group to the next earliest member (so
 * the group's id stays that of its first comment); a member left alone is no longer a group.
 */
async function leave(tx: Tx, commentId: number, lead: number): Promise<void> {
  await tx.update(comments).set({ campaignLeadId: null }).where(eq(comments.id, commentId));
  let key = lead;
  if (commentId === lead) {
    const next = rows<{ id: number | null }>(await tx.execute(sql`select min(id) as id from comments where campaign_lead_id = ${lead}`));
    if (next[0]?.id == null) return;
    key = Number(next[0].id);
    await tx.execute(sql`update comments set campaign_lead_id = ${key} where campaign_lead_id = ${lead}`);
  }
  await tx.execute(sql`update comments set campaign_lead_id = null
    where campaign_lead_id = ${key} and (select count(*) from comments g where g.campaign_lead_id = ${key}) = 1`);
}

/** Called in the transaction that inserts a top-level comment (on the platform or entered off it). */
export async function groupNewComment(tx: Tx, p: { commentId: number; principleId: string }): Promise<number | null> {
  await lockPrinciple(tx, p.principleId);
  const lead = await bestMatch(tx, p);
  if (lead !== null) await join(tx, p.commentId, lead);
  return lead;
}

/**
 * Copies in a campaign group, other than this comment, whose authors signed up after `since` and that were not
 * withdrawn: what the bulk-intake rule counts (lib/rules/intake-limits.ts). Counted under the principle's lock
 * that grouping took, so two copies posted at once are counted one after the other.
 */
export async function newAccountCopies(tx: Tx, p: { lead: number; commentId: number; since: Date }): Promise<number> {
  const found = rows<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from comments c join users u on u.id = c.author_id
      where c.campaign_lead_id = ${p.lead} and c.id <> ${p.commentId} and c.state <> 'withdrawn'
        and u.created_at > ${p.since.toISOString()}`),
  );
  return Number(found[0]?.n ?? 0);
}

/**
 * Called in the transaction that changes a top-level comment's text. It stays in its group while it is still
 * similar to some other member; otherwise it leaves and joins whichever group it now resembles.
 */
export async function regroupEditedComment(tx: Tx, p: { commentId: number; principleId: string }): Promise<void> {
  await lockPrinciple(tx, p.principleId);
  const [c] = await tx
    .select({ lead: comments.campaignLeadId, splitAt: comments.campaignSplitAt, parentId: comments.parentId })
    .from(comments)
    .where(eq(comments.id, p.commentId));
  if (!c || c.splitAt || c.parentId !== null) return;
  if (c.lead !== null) {
    const still = rows<{ id: number }>(
      await tx.execute(sql`select m.id from comments n join comments m on m.campaign_lead_id = n.campaign_lead_id
        where n.id = ${p.commentId} and m.id <> n.id and m.stance = n.stance and m.language = n.language
          and (m.normalised_body % n.normalised_body or m.normalised_body = n.normalised_body) limit 1`),
    );
    if (still.length) return;
    await leave(tx, p.commentId, c.lead);
  }
  const lead = await bestMatch(tx, p);
  if (lead !== null) await join(tx, p.commentId, lead);
}

/**
 * The edit path's first lock, taken before the comment's row is locked: inserting takes the principle's lock and
 * then writes group members' rows, so an edit that locked its row first and waited for the principle's lock
 * could deadlock with it. Replies are never grouped and take no lock.
 */
export async function lockForRegrouping(tx: Tx, commentId: number): Promise<void> {
  const [c] = await tx
    .select({ principleId: comments.principleId, parentId: comments.parentId })
    .from(comments)
    .where(eq(comments.id, commentId));
  if (c && c.parentId === null) await lockPrinciple(tx, c.principleId);
}

export type SplitResult = { ok: true; lead: number } | { ok: false; error: "notFound" | "notGrouped" };

/** A moderator's correction: the comment leaves its group for good (it is never grouped again). */
export async function splitFromCampaign(tx: Tx, p: { commentId: number; moderatorId: string; now: Date }): Promise<SplitResult> {
  const [found] = await tx.select({ principleId: comments.principleId }).from(comments).where(eq(comments.id, p.commentId));
  if (!found) return { ok: false, error: "notFound" };
  await lockPrinciple(tx, found.principleId);
  const [c] = await tx.select({ lead: comments.campaignLeadId }).from(comments).where(eq(comments.id, p.commentId));
  if (!c || c.lead === null) return { ok: false, error: "notGrouped" };
  await leave(tx, p.commentId, c.lead);
  await tx
    .update(comments)
    .set({ campaignSplitAt: p.now, campaignSplitBy: p.moderatorId })
    .where(and(eq(comments.id, p.commentId)));
  return { ok: true, lead: c.lead };
}

// ---- Reading -------------------------------------------------------------------------------------------------

/**
 * The principle page lists a group once, at its earliest published member. Members that are not published keep
 * their own place as before (a placeholder, or a held comment its author sees), and so does the viewer's own
 * member, which is where they edit or withdraw it.
 */
export function campaignEntry(viewerId: string | null) {
  const own = viewerId ? sql`or ${comments.authorId} = ${viewerId}` : sql``;
  return sql`(${comments.campaignLeadId} is null or ${comments.state} <> 'published' ${own}
    or not exists (select 1 from comments e where e.campaign_lead_id = ${comments.campaignLeadId}
      and e.state = 'published' and e.id < ${comments.id}))`;
}

/** One signer of a group as the public sees them (the same rules as a comment's byline). */
export interface CampaignSigner {
  id: number;
  /** Null: only the stakeholder group is shown (the author's choice), or the author's account was erased. */
  name: string | null;
  erased: boolean;
  organisation: string | null;
  group: string;
}

/**
 * For the displayed member of a group, its published members in order, named as their bylines name them: no
 * name where the author chose to show only their group, none for an erased account, the submitter's name for a
 * submission received off the platform. Null for a comment in no group.
 */
export const campaignSigners = sql<unknown>`case when ${comments.campaignLeadId} is not null and ${comments.state} = 'published' then (
  select json_agg(json_build_object('id', m.id,
    'name', case when m.name_shown and u.erased_at is null then coalesce(u.name, op.submitter_name) end,
    'erased', u.erased_at is not null, 'organisation', o.name, 'group', m.stakeholder_group) order by m.id)
  from comments m left join users u on u.id = m.author_id
    left join off_platform_submissions op on op.comment_id = m.id
    left join organisations o on o.id = m.organisation_id
  where m.campaign_lead_id = ${comments.campaignLeadId} and m.state = 'published') end`;

/** The organisations that confirmed co-signing a joint submission; pending and declined ones are nobody's business. */
export const confirmedCosigners = sql<unknown>`(select json_agg(o.name order by cc.decided_at, o.name)
  from comment_cosigners cc join organisations o on o.id = cc.organisation_id
  where cc.comment_id = ${comments.id} and cc.state = 'confirmed')`;

/** The same co-signers with their ids, in the same order, for the open data API: a json list, empty when there are none. */
export const confirmedCosignerOrganisations = sql<unknown>`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name)
    order by cc.decided_at, o.name)
  from comment_cosigners cc join organisations o on o.id = cc.organisation_id
  where cc.comment_id = ${comments.id} and cc.state = 'confirmed'), '[]'::json)`;

/**
 * The id of the group's entry as the principle page shows it: its earliest published member, while the group has
 * at least two published members (one left alone reads as a single comment there). Null otherwise. Members that are
 * not published never count, so the key says nothing about hidden or withdrawn texts.
 */
export const campaignEntryOfGroup = sql<number | null>`(select min(e.id) from comments e
  where e.campaign_lead_id = ${comments.campaignLeadId} and e.state = 'published' having count(*) > 1)`;

/** A json column arrives parsed from postgres-js and PGlite alike; a string is parsed for safety. */
export function parseJsonList<T>(value: unknown): T[] {
  if (value == null) return [];
  return (typeof value === "string" ? JSON.parse(value) : value) as T[];
}
