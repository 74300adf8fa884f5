import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { memberships, organisations, users, type NewUser, type User } from "../schema";
import { isUniqueViolation } from "./pg-errors";
import { ensureMembership, resolveOrganisationChoice, type OrganisationChoice } from "./organisations";

export type SessionUser = Pick<
  User,
  "id" | "email" | "name" | "role" | "stakeholderGroup" | "designation" | "preferredLanguage" | "sessionVersion" | "writeBlockedAt"
>;

const sessionUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  stakeholderGroup: users.stakeholderGroup,
  designation: users.designation,
  preferredLanguage: users.preferredLanguage,
  sessionVersion: users.sessionVersion,
  writeBlockedAt: users.writeBlockedAt,
};

export async function getSessionUser(db: Db, id: string): Promise<SessionUser | undefined> {
  const [row] = await db.select(sessionUserColumns).from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function getUserCredentials(db: Db, email: string) {
  const [row] = await db
    .select({ ...sessionUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row;
}

export type RegisterResult = { ok: true; user: SessionUser } | { ok: false; error: "emailTaken" | "organisationMissing" };

/** The account, its organisation (listed or newly named) and the membership: all or nothing. */
export async function registerParticipant(
  db: Db,
  input: Omit<NewUser, "id" | "createdAt" | "updatedAt" | "sessionVersion" | "role">,
  organisation: OrganisationChoice,
): Promise<RegisterResult> {
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values(input).returning(sessionUserColumns);
      if (!user) throw new Error("insert returned no row");
      const orgId = await resolveOrganisationChoice(tx, organisation, user.id, input.stakeholderGroup);
      if (orgId === "missing") throw new OrganisationMissing();
      if (orgId) await ensureMembership(tx, user.id, orgId);
      return { ok: true, user } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err, "users_email_lower_key")) return { ok: false, error: "emailTaken" };
    if (err instanceof OrganisationMissing) return { ok: false, error: "organisationMissing" };
    throw err;
  }
}

/** Thrown inside a transaction to undo it when the chosen organisation has gone. */
class OrganisationMissing extends Error {}

export type ProfileUpdate = Pick<User, "name" | "stakeholderGroup" | "designation" | "preferredLanguage">;

export async function updateProfile(
  db: Db,
  userId: string,
  profile: ProfileUpdate,
  organisation: OrganisationChoice,
): Promise<{ ok: true } | { ok: false; error: "organisationMissing" }> {
  try {
    await db.transaction(async (tx) => {
      await tx.update(users).set({ ...profile, updatedAt: new Date() }).where(eq(users.id, userId));
      const orgId = await resolveOrganisationChoice(tx, organisation, userId, profile.stakeholderGroup);
      if (orgId === "missing") throw new OrganisationMissing();
      if (orgId) await ensureMembership(tx, userId, orgId);
    });
    return { ok: true };
  } catch (err) {
    if (err instanceof OrganisationMissing) return { ok: false, error: "organisationMissing" };
    throw err;
  }
}

/** Makes every outstanding session token of the user useless; returns the new version. */
export async function bumpSessionVersion(db: Db, userId: string): Promise<number | undefined> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion;
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string): Promise<number | undefined> {
  const [row] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion;
}

export async function getPasswordHash(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.h;
}

export async function listMembershipsOfUser(db: Db, userId: string) {
  return db
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      stakeholderGroup: organisations.stakeholderGroup,
      organisationVerified: sql<boolean>`${organisations.verifiedAt} is not null`,
      membershipVerified: sql<boolean>`${memberships.verifiedAt} is not null`,
      maySign: memberships.maySign,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId)))
    .orderBy(memberships.createdAt);
}
