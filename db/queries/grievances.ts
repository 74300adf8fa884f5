import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { grievances } from "../schema";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import { submitOnce, type SubmitOnceResult } from "./form-submissions";
import { notifyGrievance } from "./notifications";
import type { Tx } from "./tx";

export type InsertGrievanceResult = SubmitOnceResult;

export interface NewGrievance {
  name: string;
  email: string;
  userId: string | null;
  message: string;
  language: "en" | "hi";
  formToken: string;
}

async function findByFormToken(db: Tx, formToken: string) {
  const [row] = await db
    .select({ id: grievances.id, createdAt: grievances.createdAt })
    .from(grievances)
    .where(eq(grievances.formToken, formToken));
  return row;
}

/** Stores a grievance once per form, within the sender's rate limit (see submitOnce), and tells the administrators. */
export async function insertGrievance(
  db: Db,
  input: NewGrievance,
  rate: { key: string; policy: BucketPolicy },
  now = new Date(),
): Promise<InsertGrievanceResult> {
  return submitOnce(db, {
    formToken: input.formToken,
    tokenConstraint: "grievances_form_token_key",
    find: findByFormToken,
    insert: async (tx) => {
      const [row] = await tx
        .insert(grievances)
        .values({ ...input, createdAt: now })
        .returning({ id: grievances.id, createdAt: grievances.createdAt });
      if (row) await notifyGrievance(tx, row.id, now);
      return row;
    },
    rate,
    now,
  });
}

/** Open grievances first (oldest first: they are due soonest), then resolved ones, newest first; admins only. */
export async function listGrievances(db: Db, p: { state: "open" | "resolved"; before?: number; limit: number }) {
  return db
    .select({
      id: grievances.id,
      name: grievances.name,
      email: grievances.email,
      hasAccount: sql<boolean>`${grievances.userId} is not null`,
      message: grievances.message,
      language: grievances.language,
      createdAt: grievances.createdAt,
      resolvedAt: grievances.resolvedAt,
      resolution: grievances.resolution,
    })
    .from(grievances)
    .where(
      and(
        p.state === "open" ? isNull(grievances.resolvedAt) : sql`${grievances.resolvedAt} is not null`,
        p.before ? lt(grievances.id, p.before) : undefined,
      ),
    )
    .orderBy(p.state === "open" ? grievances.id : desc(grievances.id))
    .limit(p.limit);
}

/** Marks a grievance resolved once; a second resolution (two admins at once) finds it already resolved. */
export async function resolveGrievance(
  db: Db,
  p: { grievanceId: number; resolvedBy: string; resolution: string },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: "notFound" | "alreadyDecided" }> {
  const rows = await db
    .update(grievances)
    .set({ resolvedAt: now, resolvedBy: p.resolvedBy, resolution: p.resolution })
    .where(and(eq(grievances.id, p.grievanceId), isNull(grievances.resolvedAt)))
    .returning({ id: grievances.id });
  if (rows.length === 1) return { ok: true };
  const [exists] = await db.select({ id: grievances.id }).from(grievances).where(eq(grievances.id, p.grievanceId));
  return { ok: false, error: exists ? "alreadyDecided" : "notFound" };
}
