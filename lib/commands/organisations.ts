import type { Db } from "@/db/client";
import { hasStakeInOrganisation, reviewMembershipRecord, setMaySign, verifyOrganisationRecord } from "@/db/queries/organisations";
import { setRole } from "@/db/queries/users";
import type { Role } from "@/lib/limits";
import { authorise, type Actor, type Denied } from "./actor";

export async function reviewMembership(
  db: Db,
  actor: Actor,
  p: { userId: string; organisationId: string; approve: boolean; reason: string },
): Promise<{ ok: true } | Denied | { ok: false; error: "reasonRequired" }> {
  const allowed = authorise(actor, "staff");
  if (!allowed.ok) return allowed;
  // Nobody verifies their own membership.
  if (allowed.actor.id === p.userId) return { ok: false, error: "forbidden" };
  if (!p.approve && p.reason.trim().length === 0) return { ok: false, error: "reasonRequired" };
  const done = await reviewMembershipRecord(db, { ...p, reviewerId: allowed.actor.id });
  return done ? { ok: true } : { ok: false, error: "notFound" };
}

export async function verifyOrganisation(
  db: Db,
  actor: Actor,
  p: { organisationId: string; domain: string | null },
): Promise<{ ok: true } | Denied> {
  const allowed = authorise(actor, "staff");
  if (!allowed.ok) return allowed;
  // Nobody verifies an organisation they named or belong to: its domain would then verify their own membership.
  if (await hasStakeInOrganisation(db, allowed.actor.id, p.organisationId)) return { ok: false, error: "forbidden" };
  const done = await verifyOrganisationRecord(db, { ...p, verifierId: allowed.actor.id });
  return done ? { ok: true } : { ok: false, error: "notFound" };
}

/** Admins only: who may sign for an organisation. */
export async function setSigningAuthority(
  db: Db,
  actor: Actor,
  p: { userId: string; organisationId: string; maySign: boolean },
): Promise<{ ok: true } | Denied> {
  const allowed = authorise(actor, "admin");
  if (!allowed.ok) return allowed;
  // Like a role, the authority to sign is never granted to oneself.
  if (allowed.actor.id === p.userId) return { ok: false, error: "forbidden" };
  const done = await setMaySign(db, p);
  return done ? { ok: true } : { ok: false, error: "notFound" };
}

/** Admins only, and never their own role (an admin cannot lock the platform out by demoting themselves). */
export async function changeRole(db: Db, actor: Actor, p: { userId: string; role: Role }): Promise<{ ok: true } | Denied> {
  const allowed = authorise(actor, "admin");
  if (!allowed.ok) return allowed;
  if (allowed.actor.id === p.userId) return { ok: false, error: "forbidden" };
  const done = await setRole(db, p.userId, p.role);
  return done ? { ok: true } : { ok: false, error: "notFound" };
}
