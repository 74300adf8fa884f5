import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { moderationRules } from "../schema";

export async function listModerationRules(db: Db, consultationId: string) {
  return db
    .select({
      id: moderationRules.id,
      number: moderationRules.number,
      title: moderationRules.title,
      titleHi: moderationRules.titleHi,
      body: moderationRules.body,
      bodyHi: moderationRules.bodyHi,
    })
    .from(moderationRules)
    .where(eq(moderationRules.consultationId, consultationId))
    .orderBy(asc(moderationRules.number));
}
