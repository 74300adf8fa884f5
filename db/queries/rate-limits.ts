import { eq } from "drizzle-orm";
import { rateLimitBuckets } from "../schema";
import { takeToken, type BucketPolicy } from "@/lib/rules/token-bucket";
import type { Tx } from "./tx";

export type RateResult = { ok: true } | { ok: false; retryAt: Date };

/**
 * Takes one token from the bucket under a row lock, inside the caller's transaction: if the caller's write is
 * rolled back, so is the token.
 */
export async function takeRateToken(tx: Tx, key: string, policy: BucketPolicy, now: Date): Promise<RateResult> {
  await tx.insert(rateLimitBuckets).values({ key, tokens: policy.capacity, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)).for("update");
  const result = takeToken(row ? { tokens: row.tokens, updatedAt: row.updatedAt } : undefined, policy, now);
  await tx
    .update(rateLimitBuckets)
    .set({ tokens: result.state.tokens, updatedAt: result.state.updatedAt })
    .where(eq(rateLimitBuckets.key, key));
  return result.ok ? { ok: true } : { ok: false, retryAt: result.retryAt };
}

/**
 * Takes up to `count` tokens at once (one row lock for a batch, rather than one per item) and says how many it
 * got: a batch of reports stores as many as the bucket allows.
 */
export async function takeRateTokens(tx: Tx, key: string, policy: BucketPolicy, now: Date, count: number): Promise<number> {
  await tx.insert(rateLimitBuckets).values({ key, tokens: policy.capacity, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)).for("update");
  let state = row ? { tokens: row.tokens, updatedAt: row.updatedAt } : undefined;
  let taken = 0;
  while (taken < count) {
    const result = takeToken(state, policy, now);
    state = result.state;
    if (!result.ok) break;
    taken++;
  }
  if (state)
    await tx.update(rateLimitBuckets).set({ tokens: state.tokens, updatedAt: state.updatedAt }).where(eq(rateLimitBuckets.key, key));
  return taken;
}
