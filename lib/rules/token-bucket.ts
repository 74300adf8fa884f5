/** A token bucket: `capacity` requests at once, then one more every `refillMs`. */
export interface BucketPolicy {
  capacity: number;
  refillMs: number;
}

/** Comments: a burst of 5, then one every 20 seconds. */
export const COMMENT_RATE: BucketPolicy = { capacity: 5, refillMs: 20_000 };

/** COMMENT_RATE with another burst capacity (the deployment's SAMVAD_COMMENT_BURST; benchmarks raise it). */
export function commentRate(capacity: number = COMMENT_RATE.capacity): BucketPolicy {
  return capacity === COMMENT_RATE.capacity ? COMMENT_RATE : { ...COMMENT_RATE, capacity };
}

/**
 * Endorsements: enough at once for the Call and all nine principles, personally and for one organisation,
 * then one a minute, so endorse-and-withdraw cycles cannot flood the public registry. Withdrawing is never
 * limited: nobody should be held to an endorsement they want to take back.
 */
export const ENDORSEMENT_RATE: BucketPolicy = { capacity: 20, refillMs: 60_000 };

/** Confirmation emails: three at once, then one every ten minutes, so the form cannot be used to spam a mailbox. */
export const CONFIRMATION_EMAIL_RATE: BucketPolicy = { capacity: 3, refillMs: 10 * 60_000 };

/**
 * Sign-ups per network address: ten at once, then one every six seconds. Beyond it the account is still made, but
 * held (lib/rules/intake-limits.ts): a university or ministry behind one address is never refused.
 */
export const SIGNUP_CLIENT_RATE: BucketPolicy = { capacity: 10, refillMs: 6_000 };

export interface BucketState {
  tokens: number;
  updatedAt: Date;
}

export type TakeResult = { ok: true; state: BucketState } | { ok: false; retryAt: Date; state: BucketState };

export function takeToken(previous: BucketState | undefined, policy: BucketPolicy, now: Date): TakeResult {
  const start = previous ?? { tokens: policy.capacity, updatedAt: now };
  const elapsed = Math.max(0, now.getTime() - start.updatedAt.getTime());
  const tokens = Math.min(policy.capacity, start.tokens + elapsed / policy.refillMs);
  if (tokens >= 1) return { ok: true, state: { tokens: tokens - 1, updatedAt: now } };
  const waitMs = Math.ceil((1 - tokens) * policy.refillMs);
  return { ok: false, retryAt: new Date(now.getTime() + waitMs), state: { tokens, updatedAt: now } };
}
