import { desc, eq, lt } from "drizzle-orm";
import type { Db } from "../client";
import { siteFeedback, users } from "../schema";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import { isUniqueViolation } from "./pg-errors";
import { takeRateToken } from "./rate-limits";

export type InsertFeedbackResult =
  { ok: true; id: number; createdAt: Date; duplicate: boolean } | { ok: false; error: "rateLimited"; retryAt: Date };

export interface NewFeedback {
  name: string | null;
  email: string | null;
  userId: string | null;
  message: string;
  pagePath: string | null;
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
    .select({ id: siteFeedback.id, createdAt: siteFeedback.createdAt })
    .from(siteFeedback)
    .where(eq(siteFeedback.formToken, formToken));
  return row;
}

/**
 * Stores a message after taking a token from the sender's bucket, in one transaction. The form token makes a
 * form sent twice (double click, reload, back-and-resend) find the row it already made, before any token is taken:
 * a repeat costs nothing and is answered with the same reference number.
 */
export async function insertFeedback(
  db: Db,
  input: NewFeedback,
  rate: { key: string; policy: BucketPolicy },
  now = new Date(),
): Promise<InsertFeedbackResult> {
  const existing = await findByFormToken(db, input.formToken);
  if (existing) return { ok: true, ...existing, duplicate: true };
  try {
    return await db.transaction(async (tx) => {
      const taken = await takeRateToken(tx, rate.key, rate.policy, now);
      if (!taken.ok) throw new RateLimited(taken.retryAt);
      const [row] = await tx
        .insert(siteFeedback)
        .values({ ...input, createdAt: now })
        .returning({ id: siteFeedback.id, createdAt: siteFeedback.createdAt });
      if (!row) throw new Error("insert returned no row");
      return { ok: true, ...row, duplicate: false } as const;
    });
  } catch (err) {
    if (err instanceof RateLimited) return { ok: false, error: "rateLimited", retryAt: err.retryAt };
    if (isUniqueViolation(err, "site_feedback_form_token_key")) {
      const again = await findByFormToken(db, input.formToken);
      if (again) return { ok: true, ...again, duplicate: true };
    }
    throw err;
  }
}

/** The newest messages first, `limit` at a time before a given id; for admins only. */
export async function listFeedback(db: Db, p: { before?: number; limit: number }) {
  return db
    .select({
      id: siteFeedback.id,
      name: siteFeedback.name,
      email: siteFeedback.email,
      accountName: users.name,
      message: siteFeedback.message,
      pagePath: siteFeedback.pagePath,
      language: siteFeedback.language,
      createdAt: siteFeedback.createdAt,
    })
    .from(siteFeedback)
    .leftJoin(users, eq(users.id, siteFeedback.userId))
    .where(p.before ? lt(siteFeedback.id, p.before) : undefined)
    .orderBy(desc(siteFeedback.id))
    .limit(p.limit);
}
