import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { endorsementEvents, endorsements, memberships, organisations, principles, users, type StakeholderGroup } from "../schema";
import { endorsementSubject } from "@/lib/rules/endorsements";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import { isUniqueViolation } from "./pg-errors";
import { takeRateToken } from "./rate-limits";

export interface EndorseParams {
  consultationId: string;
  principleId: string | null;
  actorId: string;
  organisationId: string | null;
  stakeholderGroup: StakeholderGroup;
  statement: string | null;
}

export type EndorseResult = { ok: true; id: number; alreadyActive: boolean } | { ok: false; error: "rateLimited"; retryAt: Date };

class RateLimited extends Error {
  constructor(readonly retryAt: Date) {
    super("rate limited");
  }
}

const targetKeyOf = (principleId: string | null) => principleId ?? "consultation";

function activeFor(p: { consultationId: string; targetKey: string; actorId: string; organisationId: string | null }): SQL | undefined {
  return and(
    eq(endorsements.consultationId, p.consultationId),
    eq(endorsements.targetKey, p.targetKey),
    isNull(endorsements.withdrawnAt),
    p.organisationId
      ? eq(endorsements.organisationId, p.organisationId)
      : and(isNull(endorsements.organisationId), eq(endorsements.endorserId, p.actorId)),
  );
}

/**
 * Appends an "endorse" event and the derived endorsement in one transaction, serialised per (target, subject)
 * by an advisory lock; the partial unique indexes are the last word if anything slips past.
 * Endorsing what is already endorsed records nothing, takes no rate token and returns the active endorsement.
 * A new endorsement takes a token from the actor's bucket in the same transaction.
 */
export async function recordEndorsement(db: Db, p: EndorseParams, rate: BucketPolicy, now = new Date()): Promise<EndorseResult> {
  const targetKey = targetKeyOf(p.principleId);
  const subject = endorsementSubject({ endorserId: p.actorId, organisationId: p.organisationId });
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`endorse:${p.consultationId}:${targetKey}:${subject}`}))`);
      const [active] = await tx
        .select({ id: endorsements.id })
        .from(endorsements)
        .where(activeFor({ ...p, targetKey }));
      if (active) return { ok: true, id: active.id, alreadyActive: true } as const;
      const token = await takeRateToken(tx, `endorse:${p.actorId}`, rate, now);
      if (!token.ok) throw new RateLimited(token.retryAt);
      const [event] = await tx
        .insert(endorsementEvents)
        .values({ ...p, targetKey, action: "endorse", createdAt: now })
        .returning({ id: endorsementEvents.id });
      if (!event) throw new Error("insert returned no row");
      const [row] = await tx
        .insert(endorsements)
        .values({
          consultationId: p.consultationId,
          principleId: p.principleId,
          targetKey,
          endorserId: p.actorId,
          organisationId: p.organisationId,
          stakeholderGroup: p.stakeholderGroup,
          statement: p.statement,
          endorsedEventId: event.id,
          endorsedAt: now,
        })
        .returning({ id: endorsements.id });
      if (!row) throw new Error("insert returned no row");
      return { ok: true, id: row.id, alreadyActive: false } as const;
    });
  } catch (err) {
    if (err instanceof RateLimited) return { ok: false, error: "rateLimited", retryAt: err.retryAt };
    if (isUniqueViolation(err)) {
      const [active] = await db
        .select({ id: endorsements.id })
        .from(endorsements)
        .where(activeFor({ ...p, targetKey }));
      if (active) return { ok: true, id: active.id, alreadyActive: true };
    }
    throw err;
  }
}

// What identifies an endorsement: its target and its subject (a person, or an organisation).
const endorsementKeyColumns = {
  id: endorsements.id,
  consultationId: endorsements.consultationId,
  principleId: endorsements.principleId,
  targetKey: endorsements.targetKey,
  endorserId: endorsements.endorserId,
  organisationId: endorsements.organisationId,
};

export async function getEndorsement(db: Db, id: number) {
  const [row] = await db
    .select({ ...endorsementKeyColumns, withdrawnAt: endorsements.withdrawnAt })
    .from(endorsements)
    .where(eq(endorsements.id, id));
  return row;
}

/** Appends a "withdraw" event and closes the endorsement, unless it is already withdrawn. */
export async function withdrawEndorsementRecord(db: Db, p: { endorsementId: number; actorId: string }, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(endorsementKeyColumns)
      .from(endorsements)
      .where(and(eq(endorsements.id, p.endorsementId), isNull(endorsements.withdrawnAt)))
      .for("update");
    if (!row) return false;
    const subject = endorsementSubject(row);
    // Same lock as recordEndorsement, so endorse and withdraw of one subject never interleave.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`endorse:${row.consultationId}:${row.targetKey}:${subject}`}))`);
    const [event] = await tx
      .insert(endorsementEvents)
      .values({
        consultationId: row.consultationId,
        principleId: row.principleId,
        targetKey: row.targetKey,
        // For an organisation the event is the organisation's; for a person, the person's own.
        actorId: row.organisationId ? p.actorId : row.endorserId,
        organisationId: row.organisationId,
        action: "withdraw",
        createdAt: now,
      })
      .returning({ id: endorsementEvents.id });
    if (!event) throw new Error("insert returned no row");
    await tx
      .update(endorsements)
      .set({ withdrawnAt: now, withdrawnEventId: event.id, withdrawnBy: p.actorId })
      .where(eq(endorsements.id, row.id));
    return true;
  });
}

/**
 * A person's active endorsements in a consultation: their own, and those of the organisations given, or of every
 * organisation they belong to ("anyMembership", for a caller that filters by its own rule afterwards and so
 * need not wait for the memberships first).
 */
export async function listActiveEndorsementsOf(
  db: Db,
  p: { consultationId: string; userId: string; organisationIds: string[] | "anyMembership" },
) {
  const mine = and(isNull(endorsements.organisationId), eq(endorsements.endorserId, p.userId));
  const theirs =
    p.organisationIds === "anyMembership"
      ? inArray(
          endorsements.organisationId,
          db.select({ id: memberships.organisationId }).from(memberships).where(eq(memberships.userId, p.userId)),
        )
      : p.organisationIds.length
        ? inArray(endorsements.organisationId, p.organisationIds)
        : undefined;
  return db
    .select({
      id: endorsements.id,
      targetKey: endorsements.targetKey,
      organisationId: endorsements.organisationId,
      organisationName: organisations.name,
      statement: endorsements.statement,
      endorsedAt: endorsements.endorsedAt,
    })
    .from(endorsements)
    .leftJoin(organisations, eq(organisations.id, endorsements.organisationId))
    .where(and(eq(endorsements.consultationId, p.consultationId), isNull(endorsements.withdrawnAt), theirs ? or(mine, theirs) : mine))
    .orderBy(asc(endorsements.id));
}

export interface RegistryFilter {
  group?: StakeholderGroup;
  /** "consultation", a principle id, or undefined for all targets. */
  target?: string;
  /** The registry as it stood at this moment: endorsed before it and not withdrawn before it. */
  asOf?: Date;
}

/** The public registry: every endorsement, withdrawn ones included, with who, for whom and when. */
function registryWhere(consultationId: string, f: RegistryFilter): SQL | undefined {
  return and(
    eq(endorsements.consultationId, consultationId),
    f.group ? eq(endorsements.stakeholderGroup, f.group) : undefined,
    f.target ? eq(endorsements.targetKey, f.target) : undefined,
    f.asOf ? lt(endorsements.endorsedAt, f.asOf) : undefined,
    f.asOf ? or(isNull(endorsements.withdrawnAt), gte(endorsements.withdrawnAt, f.asOf)) : undefined,
  );
}

// Rows after entry `after` in the registry's order (group, then newest first); the anchor is read in SQL so
// the timestamp keeps its full precision.
const afterEntry = (after: number) => sql`exists (
  select 1 from endorsements anchor where anchor.id = ${after} and (
    ${endorsements.stakeholderGroup} > anchor.stakeholder_group
    or (${endorsements.stakeholderGroup} = anchor.stakeholder_group and (
      ${endorsements.endorsedAt} < anchor.endorsed_at
      or (${endorsements.endorsedAt} = anchor.endorsed_at and ${endorsements.id} < anchor.id)))))`;

/** A page of the public registry, `limit` entries after entry `after`; without a page, the whole registry. */
export async function listRegistry(db: Db, consultationId: string, f: RegistryFilter = {}, page?: { after?: number; limit: number }) {
  const query = db
    .select({
      id: endorsements.id,
      targetKey: endorsements.targetKey,
      principlePosition: principles.position,
      principleTitle: principles.title,
      principleTitleHi: principles.titleHi,
      endorserName: users.name,
      endorserDesignation: users.designation,
      // An erased account's name is gone: the entry stays, by "a former participant (⟨group⟩)".
      endorserErased: sql<boolean>`${users.erasedAt} is not null`.mapWith(Boolean),
      organisationId: endorsements.organisationId,
      organisationName: organisations.name,
      stakeholderGroup: endorsements.stakeholderGroup,
      statement: endorsements.statement,
      endorsedAt: endorsements.endorsedAt,
      withdrawnAt: endorsements.withdrawnAt,
    })
    .from(endorsements)
    .innerJoin(users, eq(users.id, endorsements.endorserId))
    .leftJoin(organisations, eq(organisations.id, endorsements.organisationId))
    .leftJoin(principles, eq(principles.id, endorsements.principleId))
    .where(and(registryWhere(consultationId, f), page?.after ? afterEntry(page.after) : undefined))
    .orderBy(asc(endorsements.stakeholderGroup), desc(endorsements.endorsedAt), desc(endorsements.id));
  return page ? query.limit(page.limit) : query;
}

/** How many entries the registry holds under a filter, withdrawn ones included. */
export async function countRegistry(db: Db, consultationId: string, f: RegistryFilter = {}): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(endorsements)
    .where(registryWhere(consultationId, f));
  return Number(row?.n ?? 0);
}

export async function listEndorsementEvents(db: Db, consultationId: string) {
  return db
    .select({
      id: endorsementEvents.id,
      targetKey: endorsementEvents.targetKey,
      actorId: endorsementEvents.actorId,
      organisationId: endorsementEvents.organisationId,
      action: endorsementEvents.action,
    })
    .from(endorsementEvents)
    .where(eq(endorsementEvents.consultationId, consultationId))
    .orderBy(asc(endorsementEvents.id));
}

export async function listAllEndorsements(db: Db, consultationId: string) {
  return db
    .select({
      targetKey: endorsements.targetKey,
      endorserId: endorsements.endorserId,
      organisationId: endorsements.organisationId,
      endorsedEventId: endorsements.endorsedEventId,
      withdrawnEventId: endorsements.withdrawnEventId,
    })
    .from(endorsements)
    .where(eq(endorsements.consultationId, consultationId))
    .orderBy(asc(endorsements.endorsedEventId));
}
