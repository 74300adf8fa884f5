import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { memberships, organisations, users, type StakeholderGroup } from "../schema";
import type { Tx } from "./tx";

export type OrganisationChoice = { kind: "none" } | { kind: "listed"; id: string } | { kind: "new"; name: string };

export async function listOrganisations(db: Db) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      stakeholderGroup: organisations.stakeholderGroup,
      verified: sql<boolean>`${organisations.verifiedAt} is not null`,
    })
    .from(organisations)
    .orderBy(asc(organisations.stakeholderGroup), asc(sql`lower(${organisations.name})`));
}

/**
 * The organisation id for a sign-up or profile choice. A newly named organisation is created unverified; a
 * name that already exists (in any letter case) resolves to the existing one rather than a near-duplicate.
 */
export async function resolveOrganisationChoice(
  tx: Tx,
  choice: OrganisationChoice,
  userId: string,
  group: StakeholderGroup,
): Promise<string | null | "missing"> {
  if (choice.kind === "none") return null;
  if (choice.kind === "listed") {
    const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, choice.id));
    return row?.id ?? "missing";
  }
  await tx.insert(organisations).values({ name: choice.name, stakeholderGroup: group, createdBy: userId }).onConflictDoNothing();
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`lower(${organisations.name}) = lower(${choice.name})`);
  return row?.id ?? "missing";
}

/** True when the email's domain is the organisation's verified domain (or a subdomain of it). */
export function emailMatchesDomain(email: string, domain: string | null): boolean {
  if (!domain) return false;
  const at = email.lastIndexOf("@");
  const host = email.slice(at + 1).toLowerCase();
  const d = domain.toLowerCase().replace(/^\.+/, "");
  return at > 0 && d.length > 0 && (host === d || host.endsWith(`.${d}`));
}

/**
 * Adds a membership unless the user already has one with this organisation. It is verified at once when the
 * user's confirmed email is at the organisation's verified domain; otherwise it waits for a moderator (or for
 * the address to be confirmed, which verifies it then).
 */
export async function ensureMembership(
  tx: Tx,
  userId: string,
  organisationId: string,
  email: { address: string; confirmed: boolean },
): Promise<void> {
  const [org] = await tx
    .select({ domain: organisations.websiteDomain, verifiedAt: organisations.verifiedAt })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const byDomain = email.confirmed && !!org?.verifiedAt && emailMatchesDomain(email.address, org.domain);
  await tx
    .insert(memberships)
    .values({ userId, organisationId, verifiedAt: byDomain ? new Date() : null })
    .onConflictDoNothing();
}

/** Verifies the user's pending memberships of verified organisations at their (now confirmed) email's domain. */
export async function verifyMembershipsByDomain(tx: Tx, userId: string, email: string, now: Date): Promise<string[]> {
  const pending = await tx
    .select({ organisationId: memberships.organisationId, domain: organisations.websiteDomain })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.userId, userId),
        isNull(memberships.verifiedAt),
        isNull(memberships.rejectedAt),
        isNotNull(organisations.verifiedAt),
      ),
    );
  const matching = pending.filter((m) => emailMatchesDomain(email, m.domain)).map((m) => m.organisationId);
  if (matching.length) {
    await tx
      .update(memberships)
      .set({ verifiedAt: now })
      .where(and(eq(memberships.userId, userId), inArray(memberships.organisationId, matching), isNull(memberships.verifiedAt)));
  }
  return matching;
}

export async function listPendingMemberships(db: Db) {
  return db
    .select({
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      organisationDomain: organisations.websiteDomain,
      organisationVerified: sql<boolean>`${organisations.verifiedAt} is not null`,
      userName: users.name,
      userEmail: users.email,
      requestedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(isNull(memberships.verifiedAt), isNull(memberships.rejectedAt)))
    .orderBy(asc(memberships.createdAt));
}

export async function listUnverifiedOrganisations(db: Db) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      stakeholderGroup: organisations.stakeholderGroup,
      websiteDomain: organisations.websiteDomain,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .where(isNull(organisations.verifiedAt))
    .orderBy(asc(organisations.createdAt));
}

export async function reviewMembershipRecord(
  db: Db,
  p: { userId: string; organisationId: string; approve: boolean; reason: string; reviewerId: string },
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(memberships)
    .set(p.approve ? { verifiedAt: now, verifiedBy: p.reviewerId } : { rejectedAt: now, rejectedReason: p.reason })
    .where(
      and(
        eq(memberships.userId, p.userId),
        eq(memberships.organisationId, p.organisationId),
        isNull(memberships.verifiedAt),
        isNull(memberships.rejectedAt),
      ),
    )
    .returning({ id: memberships.id });
  return rows.length === 1;
}

export async function verifyOrganisationRecord(
  db: Db,
  p: { organisationId: string; domain: string | null; verifierId: string },
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(organisations)
    .set({ verifiedAt: now, verifiedBy: p.verifierId, websiteDomain: p.domain })
    .where(and(eq(organisations.id, p.organisationId), isNull(organisations.verifiedAt)))
    .returning({ id: organisations.id });
  return rows.length === 1;
}

/** The authority to sign is granted only on a verified membership. */
export async function setMaySign(db: Db, p: { userId: string; organisationId: string; maySign: boolean }): Promise<boolean> {
  const rows = await db
    .update(memberships)
    .set({ maySign: p.maySign })
    .where(and(eq(memberships.userId, p.userId), eq(memberships.organisationId, p.organisationId), isNotNull(memberships.verifiedAt)))
    .returning({ id: memberships.id });
  return rows.length === 1;
}

/** Whether this person named the organisation or holds (or asked for) a membership of it. */
export async function hasStakeInOrganisation(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, organisationId),
        sql`(${organisations.createdBy} = ${userId} or exists (select 1 from ${memberships}
              where ${memberships.organisationId} = ${organisations.id} and ${memberships.userId} = ${userId}))`,
      ),
    )
    .limit(1);
  return Boolean(row);
}
