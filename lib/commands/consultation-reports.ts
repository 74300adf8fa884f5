import type { Db } from "@/db/client";
import { countAwaitingModeration } from "@/db/queries/consultation-admin";
import { getConsultationBySlug } from "@/db/queries/consultations";
import { insertConsultationReport } from "@/db/queries/consultation-reports";
import { consultationPhase } from "@/lib/rules/consultation-phase";
import { authorise, type Actor, type Denied } from "./actor";

/** A closed consultation's report, published once by a moderator or an admin, when no comment awaits moderation. */
export async function publishConsultationReport(
  db: Db,
  actor: Actor,
  p: { consultationSlug: string; introduction: string },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "notClosed" | "alreadyPublished" | "reportAwaitingModeration" }> {
  const allowed = authorise(actor, "staff");
  if (!allowed.ok) return allowed;
  const consultation = await getConsultationBySlug(db, p.consultationSlug);
  if (!consultation || consultation.status === "draft") return { ok: false, error: "notFound" };
  if (consultationPhase(consultation, now) !== "closed") return { ok: false, error: "notClosed" };
  if ((await countAwaitingModeration(db, { consultationId: consultation.id })) > 0) return { ok: false, error: "reportAwaitingModeration" };
  const done = await insertConsultationReport(
    db,
    { consultationId: consultation.id, introduction: p.introduction, publishedByRole: allowed.actor.role },
    now,
  );
  return done ? { ok: true } : { ok: false, error: "alreadyPublished" };
}
