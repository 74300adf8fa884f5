import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { grievances } from "../schema";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import { isUniqueViolation } from "./pg-errors";
import { takeRateToken } from "./rate-limits";

export type InsertGrievanceResult =
  { ok: true; id: number; createdAt: Date; duplicate: boolean } | { ok: false; error: "rateLimited"; retryAt: Date };

export interface NewGrievance {
  name: string;
  email: string;
  userId: string | null;
  message: string;
  language: "en" | "hi";
  formToken: string;
}

class RateLimited extends Error {
  constructor(readonly retryAt: Date) {
    super("rateLimited");
  }
}

async function findByFormToken(db: Db, formToken: string) {
  const [row] = await db
    .select({ id: grievances.id, createdAt: grievances.createdAt })
    .from(grievances)
    .where(eq(grievances.formToken, formToken));
  return row;
}

/**
 * Stores a grievance after taking a token from the sender's bucket, in one transaction. As with site feedback, a
 * form sent twice finds the row it already made before a token is taken, and gets the same reference number.
 */
export async function insertGrievance(
  db: Db,
  input: NewGrievance,
  rate: { key: string; policy: BucketPolicy },
  now = new Date(),
): Promise<InsertGrievanceResult> {
  const existing = await findByFormToken(db, input.formToken);
  if (existing) return { ok: true, ...existing, duplicate: true };
  try {
    return await db.transaction(async (tx) => {
      const taken = await takeRateToken(tx, rate.key, rate.policy, now);
      if (!taken.ok) throw new RateLimited(taken.retryAt);
      const [row] = await tx
        .insert(grievances)
        .values({ ...input, createdAt: now })
        .returning({ id: grievances.id, createdAt: grievances.createdAt });
      if (!row) throw new Error("insert returned no row");
      return { ok: true, ...row, duplicate: false } as const;
    });
  } catch (err) {
    if (err instanceof RateLimited) return { ok: false, error: "rateLimited", retryAt: err.retryAt };
    if (isUniqueViolation(err, "grievances_form_token_key")) {
      const again = await findByFormToken(db, input.formToken);
      if (again) return { ok: true, ...again, duplicate: true };
    }
    throw err;
  }
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
