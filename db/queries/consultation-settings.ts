import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { consultations } from "../schema";

export async function setPreModeration(db: Db, consultationId: string, on: boolean): Promise<void> {
  await db.update(consultations).set({ preModeration: on }).where(eq(consultations.id, consultationId));
}

export async function setAutoHideThreshold(db: Db, consultationId: string, threshold: number): Promise<void> {
  await db.update(consultations).set({ autoHideThreshold: threshold }).where(eq(consultations.id, consultationId));
}
