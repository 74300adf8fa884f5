import { and, asc, eq, gt, inArray, ne, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  comments,
  consultations,
  endorsementEvents,
  endorsements,
  offPlatformSubmissions,
  organisations,
  principleCommentCounts,
  principles,
  summaryCitations,
  summaryVersions,
  users,
  type StakeholderGroup,
} from "../schema";
import { campaignEntryOfGroup, confirmedCosignerOrganisations, parseJsonList } from "./campaigns";
import { authorNameForStaff } from "./comment-author";
import { getConsultationBySlug, getConsultationFacts, listPublicConsultations, sectionCount } from "./consultations";
import { ledgerTotals, listLedger } from "./ledger";

/**
 * What the open data API (/api/v1) and the CSV downloads read. Everything here is public: drafts do not exist,
 * a comment's text, stance and author go out only while it is published, nobody is named who chose to show only
 * their group or who erased their account, and no email address or account id is ever selected.
 */

/** A timestamp computed in SQL arrives as a string from postgres-js and as a Date from PGlite. */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

// ---- Consultations and principles ---------------------------------------------------------------------------

/** Every public consultation with its description, owner, number of principles and last change. */
export async function listOpenConsultations(db: Db) {
  const [rows, texts] = await Promise.all([
    listPublicConsultations(db),
    db
      .select({ id: consultations.id, description: consultations.description, descriptionHi: consultations.descriptionHi })
      .from(consultations)
      .where(ne(consultations.status, "draft")),
  ]);
  const byId = new Map(texts.map((t) => [t.id, t]));
  return rows.map((r) => ({
    ...r,
    description: byId.get(r.id)?.description ?? "",
    descriptionHi: byId.get(r.id)?.descriptionHi ?? null,
  }));
}
export type OpenConsultationRow = Omit<Awaited<ReturnType<typeof listOpenConsultations>>[number], "updatedAt"> & {
  updatedAt: Date | null;
};

/** A public consultation by its slug, or undefined for an unknown one and for a draft (to everyone: this is open data). */
export async function getOpenConsultation(db: Db, slug: string): Promise<OpenConsultationRow | undefined> {
  const row = await getConsultationBySlug(db, slug);
  if (!row || row.status === "draft") return undefined;
  const [facts, [count]] = await Promise.all([
    getConsultationFacts(db, row.id),
    db.select({ n: sectionCount }).from(consultations).where(eq(consultations.id, row.id)),
  ]);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    titleHi: row.titleHi,
    description: row.description,
    descriptionHi: row.descriptionHi,
    status: row.status,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    counterClosesAt: row.counterClosesAt,
    summaryDueAt: row.summaryDueAt,
    closedAt: row.closedAt,
    hindiPendingUntil: row.hindiPendingUntil,
    ownerName: facts.ownerName,
    sectionCount: Number(count?.n ?? 0),
    updatedAt: toDate(facts.updatedAt),
  };
}

export async function listOpenPrinciples(db: Db, consultationId: string) {
  return db
    .select({
      id: principles.id,
      position: principles.position,
      slug: principles.slug,
      title: principles.title,
      titleHi: principles.titleHi,
      body: principles.body,
      bodyHi: principles.bodyHi,
      explainer: principles.explainer,
      explainerHi: principles.explainerHi,
      updatedAt: principles.updatedAt,
      // Qualified by hand: drizzle leaves a single-table select's columns bare, and a bare "id" would be the version's.
      latestSummaryVersion: sql<number | null>`(select max(v.version) from summary_versions v
        where v.principle_id = ${principles}.${sql.identifier("id")})`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(principles)
    .where(eq(principles.consultationId, consultationId))
    .orderBy(asc(principles.position));
}

export async function getOpenPrinciple(db: Db, consultationId: string, slug: string) {
  const [row] = await db
    .select({ id: principles.id })
    .from(principles)
    .where(and(eq(principles.consultationId, consultationId), eq(principles.slug, slug)))
    .limit(1);
  return row;
}

// ---- Comments -----------------------------------------------------------------------------------------------

const published = sql`${comments.state} = 'published'`;
const erased = sql`${users.erasedAt} is not null`;
// A name goes out only on a published comment whose author chose to be named and still has an account here.
const named = sql`${published} and ${comments.nameShown} and not coalesce(${erased}, false)`;

const openCommentColumns = {
  id: comments.id,
  principleId: comments.principleId,
  principleSlug: principles.slug,
  principlePosition: principles.position,
  parentId: comments.parentId,
  rootId: comments.rootId,
  depth: comments.depth,
  state: comments.state,
  stakeholderGroup: comments.stakeholderGroup,
  stance: sql<string | null>`case when ${published} then ${comments.stance}::text end`,
  language: sql<string | null>`case when ${published} then ${comments.language}::text end`,
  body: sql<string | null>`case when ${published} then ${comments.body} end`,
  authorName: sql<string | null>`case when ${named} then ${authorNameForStaff} end`,
  authorDesignation: sql<string | null>`case when ${named} then nullif(${users.designation}, '') end`,
  formerParticipant: sql<boolean>`coalesce(${erased}, false)`.mapWith(Boolean),
  organisationId: sql<string | null>`case when ${published} then ${comments.organisationId} end`,
  organisationName: sql<string | null>`case when ${published} then ${organisations.name} end`,
  organisationVerified: sql<boolean>`${organisations.verifiedAt} is not null`.mapWith(Boolean),
  offPlatformChannel: offPlatformSubmissions.channel,
  createdAt: comments.createdAt,
  publishedAt: comments.publishedAt,
  editedAt: sql<Date | null>`case when ${published} then ${comments.editedAt} end`.mapWith(toDate),
  withdrawnAt: comments.withdrawnAt,
  hiddenUnderRule: sql<number | null>`case when ${comments.state} = 'hidden' then (
      select r.number from moderation_decisions d left join moderation_rules r on r.id = d.rule_id
      where d.comment_id = ${comments.id} and d.action in ('hide', 'auto_hide') order by d.id desc limit 1) end`.mapWith((v) =>
    v === null ? null : Number(v),
  ),
  citedInSummaryVersion: sql<number | null>`(select max(v.version) from summary_citations sc
      join summary_versions v on v.id = sc.version_id where sc.comment_id = ${comments.id})`.mapWith((v) =>
    v === null ? null : Number(v),
  ),
  // Campaign grouping and co-signers as the principle page shows them (db/queries/campaigns.ts), published only.
  campaignLeadId: sql<number | null>`case when ${published} then ${campaignEntryOfGroup} end`.mapWith((v) =>
    v === null ? null : Number(v),
  ),
  cosigners: sql<unknown>`case when ${published} then ${confirmedCosignerOrganisations} end`.mapWith((v) =>
    v === null ? null : parseJsonList<{ id: string; name: string }>(v),
  ),
};

function selectOpenComments(db: Db) {
  return db
    .select(openCommentColumns)
    .from(comments)
    .innerJoin(principles, eq(principles.id, comments.principleId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(offPlatformSubmissions, eq(offPlatformSubmissions.commentId, comments.id))
    .leftJoin(organisations, eq(organisations.id, comments.organisationId));
}
export type OpenCommentRow = Awaited<ReturnType<ReturnType<typeof selectOpenComments>["execute"]>>[number];

export interface Page {
  after?: number;
  limit: number;
}

/** Keeps `limit` rows of `limit + 1` and says where the next page starts. */
function paged<T extends { id: number }>(rows: T[], limit: number): { rows: T[]; nextCursor: number | null } {
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/**
 * Every comment of a consultation in the order they were made (by reference number), whatever their state:
 * one page after the cursor, optionally of one principle. Held, hidden and withdrawn ones keep their place.
 */
export async function listOpenComments(db: Db, p: { consultationId: string; principleId?: string } & Page) {
  const rows = await selectOpenComments(db)
    .where(
      and(
        eq(comments.consultationId, p.consultationId),
        p.principleId ? eq(comments.principleId, p.principleId) : undefined,
        p.after ? gt(comments.id, p.after) : undefined,
      ),
    )
    .orderBy(asc(comments.id))
    .limit(p.limit + 1);
  return paged(rows, p.limit);
}

/** Every comment of a consultation (optionally of one principle), for the CSV download. */
export async function listAllOpenComments(db: Db, consultationId: string, f: { principleId?: string } = {}) {
  return selectOpenComments(db)
    .where(and(eq(comments.consultationId, consultationId), f.principleId ? eq(comments.principleId, f.principleId) : undefined))
    .orderBy(asc(comments.id));
}

export async function getOpenComment(db: Db, consultationId: string, id: number) {
  const [row] = await selectOpenComments(db)
    .where(and(eq(comments.consultationId, consultationId), eq(comments.id, id)))
    .limit(1);
  return row;
}

// ---- Endorsements -------------------------------------------------------------------------------------------

const selectOpenEndorsements = (db: Db) =>
  db
    .select({
      id: endorsements.id,
      targetKey: endorsements.targetKey,
      principlePosition: principles.position,
      stakeholderGroup: endorsements.stakeholderGroup,
      // The registry names who endorsed, as its page does, but never someone who erased their account.
      name: sql<string | null>`case when ${users.erasedAt} is null then ${users.name} end`,
      designation: sql<string | null>`case when ${users.erasedAt} is null then nullif(${users.designation}, '') end`,
      formerParticipant: sql<boolean>`${users.erasedAt} is not null`.mapWith(Boolean),
      organisationId: endorsements.organisationId,
      organisationName: organisations.name,
      statement: endorsements.statement,
      endorsedAt: endorsements.endorsedAt,
      withdrawnAt: endorsements.withdrawnAt,
    })
    .from(endorsements)
    .innerJoin(users, eq(users.id, endorsements.endorserId))
    .leftJoin(organisations, eq(organisations.id, endorsements.organisationId))
    .leftJoin(principles, eq(principles.id, endorsements.principleId));
export type OpenEndorsementRow = Awaited<ReturnType<ReturnType<typeof selectOpenEndorsements>["execute"]>>[number];

export interface EndorsementFilter {
  group?: StakeholderGroup;
  /** "consultation" or a principle's id. */
  target?: string;
}

function endorsementWhere(consultationId: string, f: EndorsementFilter) {
  return and(
    eq(endorsements.consultationId, consultationId),
    f.group ? eq(endorsements.stakeholderGroup, f.group) : undefined,
    f.target ? eq(endorsements.targetKey, f.target) : undefined,
  );
}

/** The registry in the order entries were made, withdrawn ones included: one page after the cursor. */
export async function listOpenEndorsements(db: Db, p: { consultationId: string } & EndorsementFilter & Page) {
  const rows = await selectOpenEndorsements(db)
    .where(and(endorsementWhere(p.consultationId, p), p.after ? gt(endorsements.id, p.after) : undefined))
    .orderBy(asc(endorsements.id))
    .limit(p.limit + 1);
  return paged(rows, p.limit);
}

export async function listAllOpenEndorsements(db: Db, consultationId: string, f: EndorsementFilter = {}) {
  return selectOpenEndorsements(db).where(endorsementWhere(consultationId, f)).orderBy(asc(endorsements.id));
}

/**
 * The registry's history: every endorse and withdraw event, with the entry it opened or closed. Who acted is left
 * out (the entry names the endorser; a representative who withdrew for an organisation is not public).
 */
export async function listOpenEndorsementEvents(db: Db, p: { consultationId: string } & Page) {
  const rows = await db
    .select({
      id: endorsementEvents.id,
      endorsementId: endorsements.id,
      action: endorsementEvents.action,
      targetKey: endorsementEvents.targetKey,
      principlePosition: principles.position,
      stakeholderGroup: endorsements.stakeholderGroup,
      organisational: sql<boolean>`${endorsementEvents.organisationId} is not null`.mapWith(Boolean),
      at: endorsementEvents.createdAt,
    })
    .from(endorsementEvents)
    .innerJoin(
      endorsements,
      or(eq(endorsements.endorsedEventId, endorsementEvents.id), eq(endorsements.withdrawnEventId, endorsementEvents.id)),
    )
    .leftJoin(principles, eq(principles.id, endorsementEvents.principleId))
    .where(and(eq(endorsementEvents.consultationId, p.consultationId), p.after ? gt(endorsementEvents.id, p.after) : undefined))
    .orderBy(asc(endorsementEvents.id))
    .limit(p.limit + 1);
  return paged(rows, p.limit);
}

// ---- Summaries, ledger, statistics --------------------------------------------------------------------------

/**
 * The published summary versions of the consultation (or of one principle) in the order they were published, one
 * page after the cursor, each with the comments it cites.
 */
export async function listOpenSummaries(db: Db, p: { consultationId: string; principleId?: string } & Page) {
  const found = await db
    .select({
      id: summaryVersions.id,
      principleId: summaryVersions.principleId,
      principleSlug: principles.slug,
      principlePosition: principles.position,
      version: summaryVersions.version,
      publishedAt: summaryVersions.publishedAt,
      publishedByRole: summaryVersions.publishedByRole,
      sections: summaryVersions.sections,
    })
    .from(summaryVersions)
    .innerJoin(principles, eq(principles.id, summaryVersions.principleId))
    .where(
      and(
        eq(principles.consultationId, p.consultationId),
        p.principleId ? eq(principles.id, p.principleId) : undefined,
        p.after ? gt(summaryVersions.id, p.after) : undefined,
      ),
    )
    .orderBy(asc(summaryVersions.id))
    .limit(p.limit + 1);
  const { rows: versions, nextCursor } = paged(found, p.limit);
  const citations = versions.length
    ? await db
        .select({
          versionId: summaryCitations.versionId,
          commentId: summaryCitations.commentId,
          section: summaryCitations.section,
          state: comments.state,
        })
        .from(summaryCitations)
        .innerJoin(comments, eq(comments.id, summaryCitations.commentId))
        .where(
          inArray(
            summaryCitations.versionId,
            versions.map((v) => v.id),
          ),
        )
        .orderBy(asc(summaryCitations.commentId), asc(summaryCitations.section))
    : [];
  return { rows: versions.map((v) => ({ ...v, citations: citations.filter((c) => c.versionId === v.id) })), nextCursor };
}

/** The whole ledger, newest first, for the CSV download. */
export const listOpenLedger = (db: Db, consultationId: string) => listLedger(db, consultationId);
export type OpenLedgerRow = Awaited<ReturnType<typeof listOpenLedger>>[number];

/** The ledger newest first, one page after the cursor: the entries older than it. */
export async function listOpenLedgerPage(db: Db, p: { consultationId: string } & Page) {
  return paged(await listLedger(db, p.consultationId, { before: p.after, limit: p.limit + 1 }), p.limit);
}

/** Comments and endorsements by stakeholder group, per principle and in all, and hidden comments by group. */
export async function openStatistics(db: Db, consultationId: string) {
  const organisational = sql<boolean>`${endorsements.organisationId} is not null`.mapWith(Boolean);
  const [commentRows, endorsementRows, totals, list] = await Promise.all([
    db
      .select({
        principleId: principleCommentCounts.principleId,
        stakeholderGroup: principleCommentCounts.stakeholderGroup,
        stance: principleCommentCounts.stance,
        n: principleCommentCounts.n,
      })
      .from(principleCommentCounts)
      .where(and(eq(principleCommentCounts.consultationId, consultationId), gt(principleCommentCounts.n, 0))),
    db
      .select({
        targetKey: endorsements.targetKey,
        stakeholderGroup: endorsements.stakeholderGroup,
        organisational,
        n: sql<number>`count(*)::int`.mapWith(Number),
      })
      .from(endorsements)
      .where(and(eq(endorsements.consultationId, consultationId), sql`${endorsements.withdrawnAt} is null`))
      .groupBy(endorsements.targetKey, endorsements.stakeholderGroup, organisational),
    ledgerTotals(db, consultationId),
    db
      .select({ id: principles.id, position: principles.position, slug: principles.slug })
      .from(principles)
      .where(eq(principles.consultationId, consultationId))
      .orderBy(asc(principles.position)),
  ]);
  return { commentRows, endorsementRows, hiddenByGroup: totals.byGroup, principles: list };
}
