import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { endorsements, principleCommentCounts, type Stance, type StakeholderGroup } from "../schema";

export interface GroupStanceCount {
  stakeholderGroup: StakeholderGroup;
  stance: Stance;
  n: number;
}

/**
 * Published comments by stakeholder group and stance, for a principle or the whole consultation: read from the
 * counters the database keeps (principle_comment_counts), never by counting comments.
 */
export async function countCommentsByGroupAndStance(
  db: Db,
  p: { consultationId: string; principleId?: string },
): Promise<GroupStanceCount[]> {
  const rows = await db
    .select({
      stakeholderGroup: principleCommentCounts.stakeholderGroup,
      stance: principleCommentCounts.stance,
      n: sql<number>`sum(${principleCommentCounts.n})::int`,
    })
    .from(principleCommentCounts)
    .where(
      and(
        eq(principleCommentCounts.consultationId, p.consultationId),
        p.principleId ? eq(principleCommentCounts.principleId, p.principleId) : undefined,
        gt(principleCommentCounts.n, 0),
      ),
    )
    .groupBy(principleCommentCounts.stakeholderGroup, principleCommentCounts.stance);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface GroupCapacityCount {
  stakeholderGroup: StakeholderGroup;
  organisational: boolean;
  n: number;
}

/** Active endorsements by stakeholder group, personal and organisational apart. */
export async function countEndorsementsByGroup(db: Db, p: { consultationId: string; targetKey?: string }): Promise<GroupCapacityCount[]> {
  const organisational = sql<boolean>`${endorsements.organisationId} is not null`;
  const rows = await db
    .select({ stakeholderGroup: endorsements.stakeholderGroup, organisational, n: sql<number>`count(*)::int` })
    .from(endorsements)
    .where(
      and(
        eq(endorsements.consultationId, p.consultationId),
        p.targetKey ? eq(endorsements.targetKey, p.targetKey) : undefined,
        isNull(endorsements.withdrawnAt),
      ),
    )
    .groupBy(endorsements.stakeholderGroup, organisational);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
