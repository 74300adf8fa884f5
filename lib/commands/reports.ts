import type { Db } from "@/db/client";
import { getConsultationBySlug } from "@/db/queries/consultations";
import { insertConsultationReport } from "@/db/queries/reports";
import { consultationPhase } from "@/lib/rules/consultation-phase";
import { isModerator, type Actor, type Denied } from "./actor";

/** A closed consultation's report, published once by a moderator or an admin. */
export async function publishReport(
  db: Db,
  actor: Actor,
  p: { consultationSlug: string; introduction: string },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "notClosed" | "alreadyPublished" }> {
  if (!actor) return { ok: false, error: "unauthenticated" };
  if (!isModerator(actor)) return { ok: false, error: "forbidden" };
  const consultation = await getConsultationBySlug(db, p.consultationSlug);
  if (!consultation || consultation.status === "draft") return { ok: false, error: "notFound" };
  if (consultationPhase(consultation, now) !== "closed") return { ok: false, error: "notClosed" };
  const done = await insertConsultationReport(db, { consultationId: consultation.id, introduction: p.introduction, publishedByRole: actor.role }, now);
  return done ? { ok: true } : { ok: false, error: "alreadyPublished" };
}
