import { and, asc, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { comments, consultations, organisations, principles, summaryVersions } from "../schema";

/**
 * Full-text search with PostgreSQL's 'simple' configuration on both engines: there is no Hindi stemmer, and
 * 'simple' keeps Devanagari words whole, so one expression serves English and Hindi alike. The query is read with
 * websearch_to_tsquery, which never fails on what a person types ("quoted phrases", or, -excluded).
 *
 * Only what the public may read is ever matched: sections and summaries of consultations that are not drafts,
 * and published comments (never held, hidden or withdrawn ones, whose text must not leak through a result).
 */

const query = (q: string) => sql`websearch_to_tsquery('simple', ${q})`;
const publicConsultation = ne(consultations.status, "draft");

/** A page of a group: `limit` rows after `offset`, and whether there are more. */
export interface SearchPage<T> {
  rows: T[];
  more: boolean;
}
export interface SearchWindow {
  limit: number;
  offset: number;
}

function page<T>(rows: T[], w: SearchWindow): SearchPage<T> {
  return { rows: rows.slice(0, w.limit), more: rows.length > w.limit };
}

const consultationColumns = {
  consultationSlug: consultations.slug,
  consultationTitle: consultations.title,
  consultationTitleHi: consultations.titleHi,
};

const sectionDocument = sql`to_tsvector('simple', concat_ws(' ', ${principles.title}, ${principles.titleHi}, ${principles.body}, ${principles.bodyHi}, ${principles.explainer}, ${principles.explainerHi}))`;

/** Sections (principles) whose title, official text or explainer match, in either language; best match first. */
export async function searchPrinciples(db: Db, q: string, w: SearchWindow) {
  const rows = await db
    .select({
      ...consultationColumns,
      slug: principles.slug,
      position: principles.position,
      title: principles.title,
      titleHi: principles.titleHi,
      body: principles.body,
      bodyHi: principles.bodyHi,
      explainer: principles.explainer,
      explainerHi: principles.explainerHi,
    })
    .from(principles)
    .innerJoin(consultations, eq(consultations.id, principles.consultationId))
    .where(and(publicConsultation, sql`${sectionDocument} @@ ${query(q)}`))
    .orderBy(desc(sql`ts_rank(${sectionDocument}, ${query(q)})`), desc(consultations.opensAt), asc(principles.position))
    .limit(w.limit + 1)
    .offset(w.offset);
  return page(rows, w);
}

const commentColumns = {
  ...consultationColumns,
  referencePrefix: consultations.referencePrefix,
  principleSlug: principles.slug,
  principleTitle: principles.title,
  principleTitleHi: principles.titleHi,
  id: comments.id,
  body: comments.body,
  language: comments.language,
  stakeholderGroup: comments.stakeholderGroup,
  organisationName: organisations.name,
  offPlatform: comments.offPlatform,
  createdAt: comments.createdAt,
  publishedAt: comments.publishedAt,
};

function visibleComments(db: Db, where: SQL) {
  return db
    .select(commentColumns)
    .from(comments)
    .innerJoin(consultations, eq(consultations.id, comments.consultationId))
    .innerJoin(principles, eq(principles.id, comments.principleId))
    .leftJoin(organisations, eq(organisations.id, comments.organisationId))
    .where(and(eq(comments.state, "published"), publicConsultation, where));
}

/**
 * Published comments whose text matches, newest first. The expression is exactly the one of the GIN index
 * comments_body_search_idx (migration 0012), so the index finds the matches; newest first (rather than by rank)
 * lets PostgreSQL stop after one page instead of ranking every match of a common word.
 */
export function commentSearchQuery(db: Db, q: string, w: SearchWindow) {
  return visibleComments(db, sql`to_tsvector('simple', ${comments.body}) @@ ${query(q)}`)
    .orderBy(desc(comments.id))
    .limit(w.limit + 1)
    .offset(w.offset);
}

export async function searchComments(db: Db, q: string, w: SearchWindow) {
  return page(await commentSearchQuery(db, q, w), w);
}

/** A published comment by its number, when the consultation's reference prefix is the one given. */
export async function getVisibleCommentByNumber(db: Db, p: { prefix: string; id: number }) {
  const [row] = await visibleComments(db, and(eq(comments.id, p.id), eq(consultations.referencePrefix, p.prefix)) ?? sql`false`).limit(1);
  return row;
}

export type CommentSearchRow = Awaited<ReturnType<typeof searchComments>>["rows"][number];

/**
 * Published summaries whose latest version matches (an earlier version's wording is history, not the summary);
 * most recently published first.
 */
export async function searchSummaries(db: Db, q: string, w: SearchWindow) {
  const rows = await db
    .select({
      ...consultationColumns,
      principleSlug: principles.slug,
      principleTitle: principles.title,
      principleTitleHi: principles.titleHi,
      version: summaryVersions.version,
      sections: summaryVersions.sections,
      publishedAt: summaryVersions.publishedAt,
    })
    .from(summaryVersions)
    .innerJoin(principles, eq(principles.id, summaryVersions.principleId))
    .innerJoin(consultations, eq(consultations.id, principles.consultationId))
    .where(
      and(
        publicConsultation,
        sql`${summaryVersions.version} = (select max(latest.version) from summary_versions latest where latest.principle_id = ${summaryVersions.principleId})`,
        sql`to_tsvector('simple', ${summaryVersions.sections}) @@ ${query(q)}`,
      ),
    )
    .orderBy(desc(summaryVersions.publishedAt), desc(summaryVersions.id))
    .limit(w.limit + 1)
    .offset(w.offset);
  return page(rows, w);
}

/** Organisations by name (every name is already public: the sign-up form lists them). */
export async function searchOrganisations(db: Db, q: string, w: SearchWindow) {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      stakeholderGroup: organisations.stakeholderGroup,
      verified: sql<boolean>`${organisations.verifiedAt} is not null`,
    })
    .from(organisations)
    .where(sql`to_tsvector('simple', ${organisations.name}) @@ ${query(q)}`)
    .orderBy(asc(sql`lower(${organisations.name})`))
    .limit(w.limit + 1)
    .offset(w.offset);
  return page(rows, w);
}
