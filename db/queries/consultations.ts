import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { consultations, principles } from "../schema";

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
  autoHideThreshold: consultations.autoHideThreshold,
  preModeration: consultations.preModeration,
};

// The open consultation first, then the most recently opened.
const featuredFirst = [desc(sql`${consultations.status} = 'open'`), desc(consultations.opensAt)] as const;

export async function getConsultationBySlug(db: Db, slug: string) {
  const [row] = await db.select(consultationColumns).from(consultations).where(eq(consultations.slug, slug)).limit(1);
  return row;
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

/** A principle as the public reaches it by its URL: undefined when it, or its consultation, is not public. */
export async function getPublicPrinciple(db: Db, consultationSlug: string, principleSlug: string) {
  const consultation = await getConsultationBySlug(db, consultationSlug);
  if (!consultation || consultation.status === "draft") return undefined;
  const principle = await getPrinciple(db, consultation.id, principleSlug);
  return principle ? { consultation, principle } : undefined;
}
