import type { Db } from "@/db/client";
import { getConsultationById, getConsultationBySlug, getPrincipleById } from "@/db/queries/consultations";
import { getEndorsement, recordEndorsement as recordEndorsementQuery, withdrawEndorsementRecord } from "@/db/queries/endorsements";
import { listMembershipsOfUser } from "@/db/queries/users";
import { maySignFor } from "@/lib/rules/capacity";
import { consultationPhase, mayEndorse, mayWithdraw as intakeOpen } from "@/lib/rules/consultation-phase";
import { ENDORSEMENT_RATE, type BucketPolicy } from "@/lib/rules/token-bucket";
import type { EndorsementInput } from "@/lib/validation/comments";
import { authorise, type Actor, type Denied } from "./actor";

export type EndorseCommandResult =
  | { ok: true; id: number; alreadyActive: boolean }
  | Denied
  | { ok: false; error: "capacityInvalid" | "targetInvalid" }
  | { ok: false; error: "rateLimited"; retryAt: Date };

export async function endorse(
  db: Db,
  actor: Actor,
  p: { consultationSlug: string; input: EndorsementInput },
  now = new Date(),
  /** Tests of concurrency pass a wider bucket so the limit does not decide their outcome. */
  rate: BucketPolicy = ENDORSEMENT_RATE,
): Promise<EndorseCommandResult> {
  const allowed = authorise(actor, "writer");
  if (!allowed.ok) return allowed;
  const endorser = allowed.actor;
  const consultation = await getConsultationBySlug(db, p.consultationSlug);
  if (!consultation || consultation.status === "draft") return { ok: false, error: "notFound" };
  if (!mayEndorse(consultationPhase(consultation, now))) return { ok: false, error: "consultationClosed" };
  let principleId: string | null = null;
  if (p.input.target !== "consultation") {
    const principle = await getPrincipleById(db, p.input.target);
    if (!principle || principle.consultationId !== consultation.id) return { ok: false, error: "targetInvalid" };
    principleId = principle.id;
  }
  let organisationId: string | null = null;
  let stakeholderGroup = endorser.stakeholderGroup;
  if (p.input.capacity !== "personal") {
    const memberships = await listMembershipsOfUser(db, endorser.id);
    const org = memberships.find((m) => m.organisationId === p.input.capacity);
    if (!org || !maySignFor(memberships, org.organisationId)) return { ok: false, error: "capacityInvalid" };
    organisationId = org.organisationId;
    stakeholderGroup = org.stakeholderGroup;
  }
  return recordEndorsementQuery(
    db,
    {
      consultationId: consultation.id,
      principleId,
      actorId: endorser.id,
      organisationId,
      stakeholderGroup,
      statement: p.input.statement || null,
    },
    rate,
    now,
  );
}

/** A person withdraws their own endorsement; any representative with authority to sign withdraws the organisation's. */
export async function withdrawEndorsement(
  db: Db,
  actor: Actor,
  p: { endorsementId: number },
  now = new Date(),
): Promise<{ ok: true } | Denied> {
  const allowed = authorise(actor, "signedIn");
  if (!allowed.ok) return allowed;
  const me = allowed.actor;
  const e = await getEndorsement(db, p.endorsementId);
  if (!e || e.withdrawnAt) return { ok: false, error: "notFound" };
  const mayWithdraw = e.organisationId ? maySignFor(await listMembershipsOfUser(db, me.id), e.organisationId) : e.endorserId === me.id;
  if (!mayWithdraw) return { ok: false, error: "forbidden" };
  const consultation = await getConsultationById(db, e.consultationId);
  if (!consultation || !intakeOpen(consultationPhase(consultation, now))) return { ok: false, error: "consultationClosed" };
  const done = await withdrawEndorsementRecord(db, { endorsementId: e.id, actorId: me.id }, now);
  return done ? { ok: true } : { ok: false, error: "notFound" };
}
