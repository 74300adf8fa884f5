import type { Db } from "../client";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import { isUniqueViolation } from "./pg-errors";
import { takeRateToken } from "./rate-limits";
import type { Tx } from "./tx";

export type SubmitOnceResult =
  { ok: true; id: number; createdAt: Date; duplicate: boolean } | { ok: false; error: "rateLimited"; retryAt: Date };

class RateLimited extends Error {
  constructor(readonly retryAt: Date) {
    super("rateLimited");
  }
}

/**
 * Stores one public form's submission (site feedback, a grievance) after taking a token from the sender's bucket,
 * in one transaction. The form token makes a form sent twice (double click, reload, back-and-resend) find the row
 * it already made, before a token is taken: a repeat costs nothing and is answered with the same reference.
 */
export async function submitOnce(
  db: Db,
  p: {
    formToken: string;
    /** The unique constraint on the table's form token. */
    tokenConstraint: string;
    find: (db: Db | Tx, formToken: string) => Promise<{ id: number; createdAt: Date } | undefined>;
    insert: (tx: Tx) => Promise<{ id: number; createdAt: Date } | undefined>;
    rate: { key: string; policy: BucketPolicy };
    now: Date;
  },
): Promise<SubmitOnceResult> {
  const existing = await p.find(db, p.formToken);
  if (existing) return { ok: true, ...existing, duplicate: true };
  try {
    return await db.transaction(async (tx) => {
      const taken = await takeRateToken(tx, p.rate.key, p.rate.policy, p.now);
      if (!taken.ok) throw new RateLimited(taken.retryAt);
      const row = await p.insert(tx);
      if (!row) throw new Error("insert returned no row");
      return { ok: true, ...row, duplicate: false } as const;
    });
  } catch (err) {
    if (err instanceof RateLimited) return { ok: false, error: "rateLimited", retryAt: err.retryAt };
    if (isUniqueViolation(err, p.tokenConstraint)) {
      const again = await p.find(db, p.formToken);
      if (again) return { ok: true, ...again, duplicate: true };
    }
    throw err;
  }
}
