import { and, asc, eq, gte, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../client";
import { consultationReports, endorsements, organisations, principles, users } from "../schema";

export async function insertConsultationReport(
  db: Db,
  p: { consultationId: string; introduction: string; publishedByRole: string },
  now = new Date(),
): Promise<boolean> {
  const rows = await db.insert(consultationReports).values({ ...p, publishedAt: now }).onConflictDoNothing().returning({ id: consultationReports.consultationId });
  return rows.length === 1;
}

export async function getConsultationReport(db: Db, consultationId: string) {
  const [row] = await db.select().from(consultationReports).where(eq(consultationReports.consultationId, consultationId));
  return row;
}

/** The registry as it stood when the consultation closed: endorsed before, and not withdrawn before. */
export async function listRegistryAsOf(db: Db, consultationId: string, at: Date) {
  return db
    .select({
      id: endorsements.id,
      targetKey: endorsements.targetKey,
      principlePosition: principles.position,
      endorserName: users.name,
      organisationName: organisations.name,
      stakeholderGroup: endorsements.stakeholderGroup,
      endorsedAt: endorsements.endorsedAt,
    })
    .from(endorsements)
    .innerJoin(users, eq(users.id, endorsements.endorserId))
    .leftJoin(organisations, eq(organisations.id, endorsements.organisationId))
    .leftJoin(principles, eq(principles.id, endorsements.principleId))
    .where(
      and(
        eq(endorsements.consultationId, consultationId),
        lt(endorsements.endorsedAt, at),
        or(isNull(endorsements.withdrawnAt), gte(endorsements.withdrawnAt, at)),
      ),
    )
    .orderBy(asc(endorsements.stakeholderGroup), asc(endorsements.endorsedAt));
}

