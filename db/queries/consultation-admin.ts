import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  comments,
  consultations,
  endorsementEvents,
  organisations,
  principles,
  summaryDrafts,
  summaryVersions,
  type Language,
} from "../schema";
import { consultationScheduleColumns, sectionCount } from "./consultations";
import type { Tx } from "./tx";

// The outer row's id, qualified by hand (drizzle leaves a single-table select's columns bare, and a bare "id"
// inside a subquery would name the subquery's own table).
const principleId = sql`${principles}.${sql.identifier("id")}`;

/** Every consultation, drafts included, for the admins' list: newest first within each status. */
export async function listConsultationsForAdmin(db: Db) {
  return db
    .select({ ...consultationScheduleColumns, sections: sectionCount })
    .from(consultations)
    .orderBy(asc(consultations.status), desc(consultations.createdAt));
}

/** One consultation with every column an admin page shows or edits. */
export async function getConsultationForAdmin(db: Tx, id: string) {
  const [row] = await db
    .select({
      id: consultations.id,
      slug: consultations.slug,
      title: consultations.title,
      titleHi: consultations.titleHi,
      description: consultations.description,
      descriptionHi: consultations.descriptionHi,
      status: consultations.status,
      ownerOrganisationId: consultations.ownerOrganisationId,
      ownerName: organisations.name,
      languages: consultations.languages,
      hindiPendingUntil: consultations.hindiPendingUntil,
      opensAt: consultations.opensAt,
      closesAt: consultations.closesAt,
      counterClosesAt: consultations.counterClosesAt,
      summaryDueAt: consultations.summaryDueAt,
      referencePrefix: consultations.referencePrefix,
      createdBy: consultations.createdBy,
      publishedAt: consultations.publishedAt,
      closedAt: consultations.closedAt,
      updatedAt: consultations.updatedAt,
    })
    .from(consultations)
    .leftJoin(organisations, eq(organisations.id, consultations.ownerOrganisationId))
    .where(eq(consultations.id, id))
    .limit(1);
  return row;
}

export async function getConsultationIdBySlug(db: Tx, slug: string) {
  const [row] = await db
    .select({ id: consultations.id, title: consultations.title, status: consultations.status, createdBy: consultations.createdBy })
    .from(consultations)
    .where(eq(consultations.slug, slug))
    .limit(1);
  return row;
}

/** A consultation's sections with their texts in both languages and how many comments each has. */
export async function listSectionsForAdmin(db: Tx, consultationId: string) {
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
      comments: sql<number>`(select count(*)::int from comments c where c.principle_id = ${principleId})`,
    })
    .from(principles)
    .where(eq(principles.consultationId, consultationId))
    .orderBy(asc(principles.position));
}

export interface ConsultationTexts {
  slug: string;
  title: string;
  titleHi: string | null;
  description: string;
  descriptionHi: string | null;
  ownerOrganisationId: string;
  languages: Language[];
  referencePrefix: string;
}

export interface SectionTexts {
  title: string;
  titleHi: string | null;
  body: string;
  bodyHi: string | null;
  explainer: string | null;
  explainerHi: string | null;
}

export async function insertConsultation(
  tx: Tx,
  c: ConsultationTexts & { opensAt: Date; closesAt: Date; createdBy: string },
  now: Date,
): Promise<string> {
  const [row] = await tx
    .insert(consultations)
    .values({ ...c, status: "draft", createdAt: now, updatedAt: now })
    .returning({ id: consultations.id });
  if (!row) throw new Error("the consultation was not inserted");
  return row.id;
}

export async function updateConsultationTexts(tx: Tx, id: string, c: ConsultationTexts, now: Date): Promise<void> {
  await tx
    .update(consultations)
    .set({ ...c, updatedAt: now })
    .where(eq(consultations.id, id));
}

export async function insertSection(
  tx: Tx,
  s: SectionTexts & { consultationId: string; position: number; slug: string },
  now: Date,
): Promise<void> {
  await tx.insert(principles).values({ ...s, updatedAt: now });
}

/** Changes a section's texts and place; `updatedAt` moves only when a text really changed. */
export async function updateSection(tx: Tx, id: string, s: SectionTexts & { position: number }, textsChanged: boolean, now: Date) {
  await tx
    .update(principles)
    .set({ ...s, ...(textsChanged ? { updatedAt: now } : {}) })
    .where(eq(principles.id, id));
}

/**
 * Moves every section of the consultation out of the way (positions above any in use), so the sections can be
 * renumbered one by one without meeting the unique (consultation, position) key half-way.
 */
export async function parkSectionPositions(tx: Tx, consultationId: string): Promise<void> {
  await tx
    .update(principles)
    .set({ position: sql`${principles.position} + 100000` })
    .where(eq(principles.consultationId, consultationId));
}

/** Sections that something depends on (comments, endorsements, summaries): these are never deleted. */
/** Row locks on sections about to be removed (see updateConsultation). */
export async function lockSections(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.select({ id: principles.id }).from(principles).where(inArray(principles.id, ids)).for("update");
}

export async function setHindiPendingUntil(tx: Tx, id: string, until: Date | null): Promise<void> {
  await tx.update(consultations).set({ hindiPendingUntil: until }).where(eq(consultations.id, id));
}

export async function sectionsInUse(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const used = await tx
    .select({ id: principles.id })
    .from(principles)
    .where(
      and(
        inArray(principles.id, ids),
        sql`(exists (select 1 from ${comments} where ${comments.principleId} = ${principles.id})
          or exists (select 1 from ${endorsementEvents} where ${endorsementEvents.principleId} = ${principles.id})
          or exists (select 1 from ${summaryVersions} where ${summaryVersions.principleId} = ${principles.id})
          or exists (select 1 from ${summaryDrafts} where ${summaryDrafts.principleId} = ${principles.id}))`,
      ),
    );
  return new Set(used.map((r) => r.id));
}

export async function deleteSections(tx: Tx, consultationId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(principles).where(and(eq(principles.consultationId, consultationId), inArray(principles.id, ids)));
}

export async function updateSchedule(
  db: Tx,
  id: string,
  s: { opensAt: Date; closesAt: Date; counterClosesAt: Date | null; summaryDueAt: Date | null },
  now: Date,
): Promise<void> {
  await db
    .update(consultations)
    .set({ ...s, updatedAt: now })
    .where(eq(consultations.id, id));
}

/** Draft → open; false when it was no longer a draft (a second click, or another admin first). */
export async function markPublished(db: Tx, id: string, hindiPendingUntil: Date | null, now: Date): Promise<boolean> {
  const done = await db
    .update(consultations)
    .set({ status: "open", publishedAt: now, hindiPendingUntil, updatedAt: now })
    .where(and(eq(consultations.id, id), eq(consultations.status, "draft")))
    .returning({ id: consultations.id });
  return done.length === 1;
}

/** Open → closed; false when it was not open. */
export async function markClosed(db: Tx, id: string, now: Date): Promise<boolean> {
  const done = await db
    .update(consultations)
    .set({ status: "closed", closedAt: now, updatedAt: now })
    .where(and(eq(consultations.id, id), eq(consultations.status, "open")))
    .returning({ id: consultations.id });
  return done.length === 1;
}

/** Comments of a consultation (or of one of its sections) that a moderator has not yet let through or hidden. */
export async function countAwaitingModeration(db: Tx, p: { consultationId?: string; principleId?: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(comments)
    .where(
      and(
        eq(comments.state, "awaiting_moderation"),
        p.consultationId ? eq(comments.consultationId, p.consultationId) : undefined,
        p.principleId ? eq(comments.principleId, p.principleId) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}

export async function organisationExists(db: Tx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).limit(1);
  return !!row;
}
