import type { Db } from "@/db/client";
import {
  countAwaitingModeration,
  deleteSections,
  getConsultationForAdmin,
  getConsultationIdBySlug,
  insertConsultation,
  insertSection,
  listSectionsForAdmin,
  lockSections,
  markClosed,
  markPublished,
  organisationExists,
  parkSectionPositions,
  sectionsInUse,
  setHindiPendingUntil,
  updateConsultationTexts,
  updateSchedule,
  updateSection,
  type ConsultationTexts,
  type SectionTexts,
} from "@/db/queries/consultation-admin";
import { isUniqueViolation } from "@/db/queries/pg-errors";
import { COMMENT_PERIOD_MIN_DAYS, type Language } from "@/lib/limits";
import { missingHindiTexts, type MissingHindi } from "@/lib/rules/consultation-publication";
import { intakeEndsAt } from "@/lib/rules/consultation-phase";
import { isCommentPeriodShort, placeholderSchedule, scheduleErrors, type ScheduleInput } from "@/lib/rules/schedule";
import { sectionSlug } from "@/lib/rules/section-split";
import type { SectionInput } from "@/lib/validation/consultations";
import { authorise, type Actor, type Denied } from "./actor";

/**
 * Admins create, edit, schedule, publish and close consultations. Every command re-reads nothing of the actor
 * but its role, which the session check has just read from the database (lib/auth/session-check.ts).
 */

export interface ConsultationTextsInput {
  slug: string;
  title: string;
  titleHi: string;
  description: string;
  descriptionHi: string;
  ownerOrganisationId: string;
  hindi: boolean;
  referencePrefix: string;
}

type SaveRefusal = { ok: false; error: "slugTaken" | "organisationMissing" | "sectionInUse" | "consultationClosed" | "hindiRemoved" };

const orNull = (s: string) => (s.trim() ? s : null);

function textsOf(t: ConsultationTextsInput, slug: string): ConsultationTexts {
  const languages: Language[] = t.hindi ? ["en", "hi"] : ["en"];
  return {
    slug,
    title: t.title,
    titleHi: orNull(t.titleHi),
    description: t.description,
    descriptionHi: orNull(t.descriptionHi),
    ownerOrganisationId: t.ownerOrganisationId,
    languages,
    referencePrefix: t.referencePrefix,
  };
}

function sectionTextsOf(s: SectionInput): SectionTexts {
  return {
    title: s.title,
    titleHi: orNull(s.titleHi),
    body: s.body,
    bodyHi: orNull(s.bodyHi),
    explainer: orNull(s.explainer),
    explainerHi: orNull(s.explainerHi),
  };
}

/**
 * The same form sent twice (a double click, a reload) finds the consultation the first one made: same slug, a
 * draft this admin created with the same title. Anyone else's slug is taken.
 */
async function sameSubmission(db: Db, actorId: string, t: ConsultationTextsInput): Promise<string | null> {
  const found = await getConsultationIdBySlug(db, t.slug);
  if (!found) return null;
  return found.createdBy === actorId && found.status === "draft" && found.title === t.title ? found.id : "";
}

/** A new draft with its sections, and a first schedule (from tomorrow, for the minimum period) to set later. */
export async function createConsultation(
  db: Db,
  actor: Actor,
  p: { texts: ConsultationTextsInput; sections: SectionInput[] },
  now = new Date(),
): Promise<{ ok: true; id: string; repeated: boolean } | Denied | SaveRefusal> {
  const allowed = authorise(actor, "admin");
  if (!allowed.ok) return allowed;
  const actorId = allowed.actor.id;
  const earlier = await sameSubmission(db, actorId, p.texts);
  if (earlier) return { ok: true, id: earlier, repeated: true };
  if (earlier === "") return { ok: false, error: "slugTaken" };
  if (!(await organisationExists(db, p.texts.ownerOrganisationId))) return { ok: false, error: "organisationMissing" };
  const kept = p.sections.filter((s) => !s.remove);
  try {
    const id = await db.transaction(async (tx) => {
      const created = await insertConsultation(
        tx,
        { ...textsOf(p.texts, p.texts.slug), ...placeholderSchedule(now, COMMENT_PERIOD_MIN_DAYS), createdBy: actorId },
        now,
      );
      const taken = new Set<string>();
      for (const [i, s] of kept.entries()) {
        const slug = sectionSlug(s.title, i + 1, taken);
        taken.add(slug);
        await insertSection(tx, { ...sectionTextsOf(s), consultationId: created, position: i + 1, slug }, now);
      }
      return created;
    });
    return { ok: true, id, repeated: false };
  } catch (err) {
    if (!isUniqueViolation(err, "consultations_slug_key")) throw err;
    // Two submits at once: the one that lost finds the one that won.
    const winner = await sameSubmission(db, actorId, p.texts);
    return winner ? { ok: true, id: winner, repeated: true } : { ok: false, error: "slugTaken" };
  }
}

/**
 * Edits texts and sections. A published consultation keeps its address (slug); its sections' texts may change
 * (their "last updated" moves), but a section that has comments, endorsements or a summary is never removed.
 * Sections missing from the form (a stale page) are kept, after the others.
 */
export async function updateConsultation(
  db: Db,
  actor: Actor,
  p: { consultationId: string; texts: ConsultationTextsInput; sections: SectionInput[] },
  now = new Date(),
): Promise<{ ok: true; id: string } | Denied | SaveRefusal> {
  const allowed = authorise(actor, "admin");
  if (!allowed.ok) return allowed;
  const current = await getConsultationForAdmin(db, p.consultationId);
  if (!current) return { ok: false, error: "notFound" };
  if (current.status === "closed") return { ok: false, error: "consultationClosed" };
  const slug = current.status === "draft" ? p.texts.slug : current.slug;
  if (slug !== current.slug) {
    const other = await getConsultationIdBySlug(db, slug);
    if (other && other.id !== current.id) return { ok: false, error: "slugTaken" };
  }
  if (!(await organisationExists(db, p.texts.ownerOrganisationId))) return { ok: false, error: "organisationMissing" };
  const existing = await listSectionsForAdmin(db, current.id);
  const byId = new Map(existing.map((s) => [s.id, s]));
  if (p.sections.some((s) => s.id && !byId.has(s.id))) return { ok: false, error: "notFound" };
  const removed = p.sections.filter((s) => s.remove && s.id).map((s) => s.id as string);
  const kept = p.sections.filter((s) => !s.remove);
  const inForm = new Set(p.sections.map((s) => s.id));
  const untouched = existing.filter((s) => !inForm.has(s.id));
  const texts = textsOf(p.texts, slug);
  // Numbers already given to participants stay valid: once published, the prefix no longer changes.
  if (current.status !== "draft") texts.referencePrefix = current.referencePrefix;
  // Once published, the Hindi rule keeps holding: a Hindi text may not be blanked unless the translation is
  // marked pending (and still due); when nothing is missing any more, the "pending" notice goes.
  let hindiPendingUntil = current.hindiPendingUntil;
  if (current.status !== "draft") {
    const missing = missingHindiTexts({
      titleHi: texts.titleHi,
      descriptionHi: texts.descriptionHi,
      sections: [...kept.map((k, i) => ({ position: i + 1, titleHi: orNull(k.titleHi), bodyHi: orNull(k.bodyHi) })), ...untouched],
    });
    const pending = !!hindiPendingUntil && hindiPendingUntil > now;
    if (missing.length > 0 && !pending) return { ok: false, error: "hindiRemoved" };
    if (missing.length === 0) hindiPendingUntil = null;
  }
  try {
    await db.transaction(async (tx) => {
      // Locking the sections to be removed makes a comment being posted on one wait for this transaction (its
      // foreign-key check needs the row), so it is either seen below or refused after; never deleted with it.
      await lockSections(tx, removed);
      if ((await sectionsInUse(tx, removed)).size > 0) throw new SectionInUse();
      await updateConsultationTexts(tx, current.id, texts, now);
      if (hindiPendingUntil !== current.hindiPendingUntil) await setHindiPendingUntil(tx, current.id, hindiPendingUntil);
      await deleteSections(tx, current.id, removed);
      await parkSectionPositions(tx, current.id);
      const taken = new Set(existing.filter((s) => !removed.includes(s.id)).map((s) => s.slug));
      let position = 0;
      for (const s of kept) {
        position += 1;
        const texts = sectionTextsOf(s);
        const before = s.id ? byId.get(s.id) : undefined;
        if (before) {
          const changed = (Object.keys(texts) as (keyof SectionTexts)[]).some((k) => (before[k] ?? null) !== texts[k]);
          await updateSection(tx, before.id, { ...texts, position }, changed, now);
        } else {
          const sectionSlugValue = sectionSlug(s.title, position, taken);
          taken.add(sectionSlugValue);
          await insertSection(tx, { ...texts, consultationId: current.id, position, slug: sectionSlugValue }, now);
        }
      }
      for (const s of untouched) {
        position += 1;
        const { title, titleHi, body, bodyHi, explainer, explainerHi } = s;
        await updateSection(tx, s.id, { title, titleHi, body, bodyHi, explainer, explainerHi, position }, false, now);
      }
    });
  } catch (err) {
    if (err instanceof SectionInUse) return { ok: false, error: "sectionInUse" };
    if (isUniqueViolation(err, "consultations_slug_key")) return { ok: false, error: "slugTaken" };
    throw err;
  }
  return { ok: true, id: current.id };
}

class SectionInUse extends Error {}

/** The dates, in order; a comment period under the minimum needs the admin's acknowledgement. */
export async function scheduleConsultation(
  db: Db,
  actor: Actor,
  p: { consultationId: string; schedule: ScheduleInput; acknowledgeShort: boolean },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: string }> {
  const allowed = authorise(actor, "admin");
  if (!allowed.ok) return allowed;
  const current = await getConsultationForAdmin(db, p.consultationId);
  if (!current) return { ok: false, error: "notFound" };
  if (current.status === "closed") return { ok: false, error: "consultationClosed" };
  const [firstError] = Object.values(scheduleErrors(p.schedule));
  if (firstError) return { ok: false, error: firstError };
  if (isCommentPeriodShort(p.schedule, COMMENT_PERIOD_MIN_DAYS) && !p.acknowledgeShort) return { ok: false, error: "commentPeriodShort" };
  await updateSchedule(db, current.id, p.schedule, now);
  return { ok: true };
}

export type PublishRefusal =
  | { ok: false; error: "hindiMissing"; missing: MissingHindi[] }
  | { ok: false; error: "consultationNotDraft" | "noSections" | "scheduleOver" | "hindiPendingDateRequired" };

/**
 * Draft → open. Refused while an official text lacks its Hindi version, unless the admin marks the translation
 * pending with a date still to come (the pages then say so, with the date).
 */
export async function publishConsultation(
  db: Db,
  actor: Actor,
  p: { consultationId: string; hindiPending: boolean; hindiPendingUntil: Date | null },
  now = new Date(),
): Promise<{ ok: true; slug: string } | Denied | PublishRefusal> {
  const allowed = authorise(actor, "admin");
  if (!allowed.ok) return allowed;
  const current = await getConsultationForAdmin(db, p.consultationId);
  if (!current) return { ok: false, error: "notFound" };
  if (current.status !== "draft") return { ok: false, error: "consultationNotDraft" };
  const sections = await listSectionsForAdmin(db, current.id);
  if (sections.length === 0) return { ok: false, error: "noSections" };
  if (intakeEndsAt(current) <= now) return { ok: false, error: "scheduleOver" };
  const missing = missingHindiTexts({ ...current, sections });
  if (missing.length > 0 && !p.hindiPending) return { ok: false, error: "hindiMissing", missing };
  if (missing.length > 0 && (!p.hindiPendingUntil || p.hindiPendingUntil <= now)) return { ok: false, error: "hindiPendingDateRequired" };
  const done = await markPublished(db, current.id, missing.length > 0 ? p.hindiPendingUntil : null, now);
  return done ? { ok: true, slug: current.slug } : { ok: false, error: "consultationNotDraft" };
}

/** Open → closed; refused while any comment still awaits a moderator's decision. */
export async function closeConsultation(
  db: Db,
  actor: Actor,
  p: { consultationId: string },
  now = new Date(),
): Promise<
  { ok: true } | Denied | { ok: false; error: "consultationNotOpen" } | { ok: false; error: "awaitingModeration"; awaiting: number }
> {
  const allowed = authorise(actor, "admin");
  if (!allowed.ok) return allowed;
  const current = await getConsultationForAdmin(db, p.consultationId);
  if (!current) return { ok: false, error: "notFound" };
  if (current.status !== "open") return { ok: false, error: "consultationNotOpen" };
  return db.transaction(async (tx) => {
    const awaiting = await countAwaitingModeration(tx, { consultationId: current.id });
    if (awaiting > 0) return { ok: false as const, error: "awaitingModeration" as const, awaiting };
    return (await markClosed(tx, current.id, now)) ? { ok: true as const } : { ok: false as const, error: "consultationNotOpen" as const };
  });
}
