import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { memberships, organisations, type StakeholderGroup } from "../schema";
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
  await tx
    .insert(organisations)
    .values({ name: choice.name, stakeholderGroup: group, createdBy: userId })
    .onConflictDoNothing();
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`lower(${organisations.name}) = lower(${choice.name})`);
  return row?.id ?? "missing";
}

/** Adds an unverified membership unless the user already has one with this organisation. */
export async function ensureMembership(tx: Tx, userId: string, organisationId: string): Promise<void> {
  await tx.insert(memberships).values({ userId, organisationId }).onConflictDoNothing();
}
