import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { comments, endorsements, type Stance, type StakeholderGroup } from "../schema";

export interface GroupStanceCount {
  stakeholderGroup: StakeholderGroup;
  stance: Stance;
  n: number;
}

/** Published comments by stakeholder group and stance, for a principle or the whole consultation. */
export async function countCommentsByGroupAndStance(
  db: Db,
  p: { consultationId: string; principleId?: string },
): Promise<GroupStanceCount[]> {
  const rows = await db
    .select({ stakeholderGroup: comments.stakeholderGroup, stance: comments.stance, n: sql<number>`count(*)::int` })
    .from(comments)
    .where(
      and(
        eq(comments.consultationId, p.consultationId),
        p.principleId ? eq(comments.principleId, p.principleId) : undefined,
        eq(comments.state, "published"),
      ),
    )
    .groupBy(comments.stakeholderGroup, comments.stance);
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
