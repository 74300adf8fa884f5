import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { memberships, organisations, privacyConsents, users, type NewUser, type User } from "../schema";
import { SIGNUP_CLIENT_RATE } from "@/lib/rules/token-bucket";
import { isUniqueViolation } from "./pg-errors";
import { takeRateToken } from "./rate-limits";
import { ensureMembership, resolveOrganisationChoice, type OrganisationChoice } from "./organisations";

export type SessionUser = Pick<
  User,
  | "id"
  | "email"
  | "emailConfirmedAt"
  | "name"
  | "role"
  | "stakeholderGroup"
  | "designation"
  | "preferredLanguage"
  | "sessionVersion"
  | "writeBlockedAt"
>;

const sessionUserColumns = {
  id: users.id,
  email: users.email,
  emailConfirmedAt: users.emailConfirmedAt,
  name: users.name,
  role: users.role,
  stakeholderGroup: users.stakeholderGroup,
  designation: users.designation,
  preferredLanguage: users.preferredLanguage,
  sessionVersion: users.sessionVersion,
  writeBlockedAt: users.writeBlockedAt,
};

/** Whether the bulk-intake limit holds this account's comments for a moderator (lib/rules/intake-limits.ts). */
export async function isAccountHeld(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ heldAt: users.heldAt }).from(users).where(eq(users.id, id)).limit(1);
  return !!row?.heldAt;
}

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
  input: Omit<NewUser, "id" | "createdAt" | "updatedAt" | "sessionVersion" | "role" | "heldAt">,
  organisation: OrganisationChoice,
  /** The trusted network address it came from (null when none can be trusted): past its sign-up limit the account is held. */
  intake: { client: string | null; now: Date } = { client: null, now: new Date() },
): Promise<RegisterResult> {
  try {
    return await db.transaction(async (tx) => {
      const rate = intake.client ? await takeRateToken(tx, `signup-client:${intake.client}`, SIGNUP_CLIENT_RATE, intake.now) : { ok: true };
      const heldAt = rate.ok ? null : intake.now;
      const [user] = await tx
        .insert(users)
        .values({ ...input, heldAt })
        .returning(sessionUserColumns);
      if (!user) throw new Error("insert returned no row");
      // The proof of consent, with the notice it was given to; sign-up validation refused anyone not 18 or over.
      await tx.insert(privacyConsents).values({ userId: user.id, noticeVersion: input.privacyNoticeVersion, adultDeclared: true });
      const orgId = await resolveOrganisationChoice(tx, organisation, user.id, input.stakeholderGroup);
      if (orgId === "missing") throw new OrganisationMissing();
      if (orgId) await ensureMembership(tx, user.id, orgId, { address: input.email, confirmed: !!input.emailConfirmedAt });
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
      const [user] = await tx
        .update(users)
        .set({ ...profile, updatedAt: new Date() })
        .where(eq(users.id, userId))
        .returning({ email: users.email, emailConfirmedAt: users.emailConfirmedAt });
      if (!user) throw new Error("profile update found no user");
      const orgId = await resolveOrganisationChoice(tx, organisation, userId, profile.stakeholderGroup);
      if (orgId === "missing") throw new OrganisationMissing();
      if (orgId) await ensureMembership(tx, userId, orgId, { address: user.email, confirmed: !!user.emailConfirmedAt });
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
      rejectedReason: memberships.rejectedReason,
      rejected: sql<boolean>`${memberships.rejectedAt} is not null`,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId)))
    .orderBy(memberships.createdAt);
}

/** A role change takes effect at once: the bump makes every existing session of the user sign in again. */
export async function setRole(db: Db, userId: string, role: User["role"]): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, userId), sql`${users.role} <> ${role}`))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function listUsersForAdmin(db: Db, search: string) {
  const q = `%${search.trim().toLowerCase()}%`;
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      stakeholderGroup: users.stakeholderGroup,
      writeBlockedAt: users.writeBlockedAt,
    })
    .from(users)
    .where(search.trim() ? sql`lower(${users.email}) like ${q} or lower(${users.name}) like ${q}` : undefined)
    .orderBy(users.name)
    .limit(50);
}

export async function listVerifiedMembershipsOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      name: organisations.name,
      maySign: memberships.maySign,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(inArray(memberships.userId, userIds), sql`${memberships.verifiedAt} is not null`));
}
