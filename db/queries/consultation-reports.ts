import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { consultationReports } from "../schema";

export async function insertConsultationReport(
  db: Db,
  p: { consultationId: string; introduction: string; publishedByRole: string },
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .insert(consultationReports)
    .values({ ...p, publishedAt: now })
    .onConflictDoNothing()
    .returning({ id: consultationReports.consultationId });
  return rows.length === 1;
}

export async function getConsultationReport(db: Db, consultationId: string) {
  const [row] = await db.select().from(consultationReports).where(eq(consultationReports.consultationId, consultationId));
  return row;
}
