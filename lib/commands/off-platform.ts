import type { Db } from "@/db/client";
import { getOffPlatformTarget, insertOffPlatformSubmission, listOffPlatformSections } from "@/db/queries/off-platform";
import type { Schedule } from "@/lib/rules/consultation-phase";
import { referenceNumber } from "@/lib/rules/reference-number";
import type { OffPlatformInput } from "@/lib/validation/off-platform";
import { authorise, type Actor, type Denied } from "./actor";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a submission received on a given day (its start in India) counts as received: that day must overlap the
 * intake period (opens ≤ received < the last window's end) and must not be after today. A letter that came on
 * the opening day counts from the opening itself, so the stored time always lies inside the intake period.
 */
export function receivedTime(
  schedule: Schedule,
  dayStart: Date,
  now: Date,
): { ok: true; receivedAt: Date } | { ok: false; error: "receivedInFuture" | "receivedOutsideIntake" } {
  if (dayStart.getTime() > now.getTime()) return { ok: false, error: "receivedInFuture" };
  const dayEnd = dayStart.getTime() + DAY_MS;
  // A submission stands as a new comment, which only the comment period takes (the counter-comment window is
  // for replies), so it must have been received by the end of that period.
  if (dayEnd <= schedule.opensAt.getTime() || dayStart.getTime() >= schedule.closesAt.getTime()) {
    return { ok: false, error: "receivedOutsideIntake" };
  }
  const receivedAt = new Date(Math.max(dayStart.getTime(), schedule.opensAt.getTime()));
  // Today, before a consultation that opens later today: it was received before the intake began.
  if (receivedAt.getTime() > now.getTime()) return { ok: false, error: "receivedOutsideIntake" };
  return { ok: true, receivedAt };
}

export type EnterOffPlatformResult =
  | { ok: true; id: number; duplicate: boolean; reference: string }
  | Denied
  | { ok: false; error: "receivedInFuture" | "receivedOutsideIntake" | "sectionInvalid" | "formExpired" };

/**
 * A moderator or an admin enters a submission that reached them by post, email or at a meeting. It is taken
 * until the consultation's status is closed: letters posted in time may arrive after the last window ends, and
 * Civis-style practice keeps a round open while responses are still being entered and reviewed.
 */
export async function enterOffPlatformSubmission(
  db: Db,
  actor: Actor,
  p: { input: OffPlatformInput; address?: string | null },
  now = new Date(),
): Promise<EnterOffPlatformResult> {
  const allowed = authorise(actor, "staff");
  if (!allowed.ok) return allowed;
  const consultation = await getOffPlatformTarget(db, p.input.consultationSlug);
  if (!consultation || consultation.status === "draft") return { ok: false, error: "notFound" };
  if (consultation.status === "closed") return { ok: false, error: "consultationClosed" };
  const sections = await listOffPlatformSections(db, consultation.id);
  if (!sections.some((s) => s.id === p.input.principleId)) return { ok: false, error: "sectionInvalid" };
  const received = receivedTime(consultation, p.input.receivedOn, now);
  if (!received.ok) return received;
  const result = await insertOffPlatformSubmission(
    db,
    {
      consultationId: consultation.id,
      principleId: p.input.principleId,
      submitterName: p.input.submitterName,
      stakeholderGroup: p.input.stakeholderGroup,
      channel: p.input.channel,
      receivedAt: received.receivedAt,
      stance: p.input.stance,
      language: p.input.language,
      body: p.input.body,
      formToken: p.input.formToken,
      enteredBy: allowed.actor.id,
      enteredByRole: allowed.actor.role,
      address: p.address ?? null,
    },
    now,
  );
  if (!result.ok) return result;
  return { ...result, reference: referenceNumber(consultation.referencePrefix, result.id, now) };
}
