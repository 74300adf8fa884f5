import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Role } from "@/lib/limits";
import { mayViewConsultation } from "@/lib/rules/consultation-visibility";
import type { Db } from "../client";
import { consultations, organisations, principles } from "../schema";

const consultationColumns = {
  id: consultations.id,
  slug: consultations.slug,
  title: consultations.title,
  titleHi: consultations.titleHi,
  description: consultations.description,
  descriptionHi: consultations.descriptionHi,
  status: consultations.status,
  opensAt: consultations.opensAt,
  closesAt: consultations.closesAt,
  counterClosesAt: consultations.counterClosesAt,
  summaryDueAt: consultations.summaryDueAt,
  closedAt: consultations.closedAt,
  hindiPendingUntil: consultations.hindiPendingUntil,
  ownerOrganisationId: consultations.ownerOrganisationId,
  autoHideThreshold: consultations.autoHideThreshold,
  preModeration: consultations.preModeration,
};

// The open consultation first, then the most recently opened.
const featuredFirst = [desc(sql`${consultations.status} = 'open'`), desc(consultations.opensAt)] as const;

export async function getConsultationBySlug(db: Db, slug: string) {
  const [row] = await db.select(consultationColumns).from(consultations).where(eq(consultations.slug, slug)).limit(1);
  return row;
}

/**
 * The consultation named in a page's address, as this viewer may see it: undefined when there is none or when
 * it is a draft and the viewer is not staff (lib/rules/consultation-visibility).
 */
export async function getConsultationForViewer(db: Db, slug: string, viewerRole: Role | null | undefined) {
  const row = await getConsultationBySlug(db, slug);
  return row && mayViewConsultation(row.status, viewerRole) ? row : undefined;
}

/** The consultation shown on the home page: the most recently opened one that is not a draft. */
export async function getFeaturedConsultation(db: Db) {
  const [row] = await db
    .select(consultationColumns)
    .from(consultations)
    .where(ne(consultations.status, "draft"))
    .orderBy(...featuredFirst)
    .limit(1);
  return row;
}

/** Every consultation that is not a draft, the featured one first: what staff choose between. */
export async function listConsultations(db: Db) {
  return db
    .select({
      id: consultations.id,
      slug: consultations.slug,
      title: consultations.title,
      titleHi: consultations.titleHi,
      status: consultations.status,
    })
    .from(consultations)
    .where(ne(consultations.status, "draft"))
    .orderBy(...featuredFirst);
}

/** The consultation a staff page works on: the one named in its URL, else the featured one. */
export async function getStaffConsultation(db: Db, slug: string | undefined) {
  return slug ? getConsultationBySlug(db, slug) : getFeaturedConsultation(db);
}

export async function listPrinciples(db: Db, consultationId: string) {
  return db
    .select({
      id: principles.id,
      position: principles.position,
      slug: principles.slug,
      title: principles.title,
      titleHi: principles.titleHi,
    })
    .from(principles)
    .where(eq(principles.consultationId, consultationId))
    .orderBy(asc(principles.position));
}

export async function getPrinciple(db: Db, consultationId: string, slug: string) {
  const [row] = await db
    .select()
    .from(principles)
    .where(and(eq(principles.consultationId, consultationId), eq(principles.slug, slug)))
    .limit(1);
  return row;
}

export async function getConsultationById(db: Db, id: string) {
  const [row] = await db.select(consultationColumns).from(consultations).where(eq(consultations.id, id)).limit(1);
  return row;
}

export async function getPrincipleById(db: Db, id: string) {
  const [row] = await db.select().from(principles).where(eq(principles.id, id)).limit(1);
  return row;
}

/**
 * A principle and its consultation by their addresses, drafts included: the caller applies the visibility rule
 * (lib/auth/consultation-access), so that staff can read a draft's pages too.
 */
export async function getPrincipleOfConsultation(db: Db, consultationSlug: string, principleSlug: string) {
  const consultation = await getConsultationBySlug(db, consultationSlug);
  if (!consultation) return undefined;
  const principle = await getPrinciple(db, consultation.id, principleSlug);
  return principle ? { consultation, principle } : undefined;
}

/** A principle as the public reaches it by its URL: undefined when it, or its consultation, is not public. */
export async function getPublicPrinciple(db: Db, consultationSlug: string, principleSlug: string) {
  const consultation = await getConsultationBySlug(db, consultationSlug);
  if (!consultation || consultation.status === "draft") return undefined;
  const principle = await getPrinciple(db, consultation.id, principleSlug);
  return principle ? { consultation, principle } : undefined;
}

/**
 * When a consultation's public content last changed: its own texts and schedule, its sections' texts, the newest
 * published summary version, its consultation report, the newest comment still published and the newest
 * moderation decision (an approval, hide or restore changes what readers see, and the ledger). Each part reads an
 * index (comments by principle and number, decisions by consultation and number), so the cost does not grow with
 * the number of comments. A comment's later edit is not counted: only its first publication.
 */
const contentUpdatedAt = sql`greatest(
  ${consultations.updatedAt},
  (select max(p.updated_at) from principles p where p.consultation_id = ${consultations.id}),
  (select max(v.published_at) from summary_versions v join principles p on p.id = v.principle_id
    where p.consultation_id = ${consultations.id}),
  (select r.published_at from consultation_reports r where r.consultation_id = ${consultations.id}),
  (select max(latest.published_at) from principles p cross join lateral (select cm.published_at from comments cm
    where cm.principle_id = p.id and cm.state = 'published' order by cm.id desc limit 1) latest
    where p.consultation_id = ${consultations.id}),
  (select d.created_at from moderation_decisions d where d.consultation_id = ${consultations.id} order by d.id desc limit 1)
)`.mapWith(consultations.updatedAt);

/**
 * A consultation's number of sections, as a column of a query over `consultations`. The outer id is qualified by
 * hand: drizzle leaves a single-table select's columns bare, and a bare "id" in the subquery would be the section's.
 */
export const sectionCount = sql<number>`(select count(*)::int from principles p
  where p.consultation_id = ${consultations}.${sql.identifier("id")})`.mapWith(Number);

/** What every list of consultations names and dates them by: its address, titles, status and schedule. */
export const consultationScheduleColumns = {
  id: consultations.id,
  slug: consultations.slug,
  title: consultations.title,
  titleHi: consultations.titleHi,
  status: consultations.status,
  opensAt: consultations.opensAt,
  closesAt: consultations.closesAt,
  counterClosesAt: consultations.counterClosesAt,
};

/**
 * Every public consultation for the home page, with its owner, schedule, number of sections and last change.
 * Ordered by schedule; the page groups them by phase (open, upcoming, closed), which depends on the time.
 */
export async function listPublicConsultations(db: Db) {
  return db
    .select({
      ...consultationScheduleColumns,
      summaryDueAt: consultations.summaryDueAt,
      closedAt: consultations.closedAt,
      hindiPendingUntil: consultations.hindiPendingUntil,
      ownerName: organisations.name,
      sectionCount,
      updatedAt: contentUpdatedAt,
    })
    .from(consultations)
    .leftJoin(organisations, eq(organisations.id, consultations.ownerOrganisationId))
    .where(ne(consultations.status, "draft"))
    .orderBy(asc(consultations.closesAt), asc(consultations.slug));
}

/** What a consultation's pages say about it besides its own row: its owner's name and when its content last changed. */
export async function getConsultationFacts(db: Db, consultationId: string) {
  const [row] = await db
    .select({ ownerName: organisations.name, updatedAt: contentUpdatedAt })
    .from(consultations)
    .leftJoin(organisations, eq(organisations.id, consultations.ownerOrganisationId))
    .where(eq(consultations.id, consultationId))
    .limit(1);
  return row ?? { ownerName: null, updatedAt: null };
}
