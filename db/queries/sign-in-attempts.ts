import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { signInAttempts } from "../schema";
import {
  laterOf,
  signInRetryAt,
  SIGN_IN_MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_MAX_FAILURES_PER_EMAIL,
  SIGN_IN_WINDOW_MS,
} from "@/lib/rules/sign-in-limits";

export type AttemptReservation = { ok: true; attemptId: string } | { ok: false; retryAt: Date };

// A failure is an attempt that did not succeed, including one still being checked.
const notSucceeded = or(isNull(signInAttempts.succeeded), eq(signInAttempts.succeeded, false));

/**
 * Checks both limits and, if allowed, records a pending attempt, under a transaction-scoped advisory lock per
 * email so that concurrent attempts for one email are counted one after another (same on both engines).
 */
export async function reserveSignInAttempt(
  db: Db,
  emailKey: string,
  /** Null when the address is not known reliably: only the per-email limit applies then. */
  address: string | null,
  now = new Date(),
): Promise<AttemptReservation> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"sign-in:" + emailKey}))`);
    if (address) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"sign-in-address:" + address}))`);
    // A success wipes the slate for the email: only failures after the latest success count.
    const [lastSuccess] = await tx
      .select({ at: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.emailKey, emailKey), eq(signInAttempts.succeeded, true), gt(signInAttempts.attemptedAt, windowStart)))
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(1);
    const emailSince = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
    const emailFailures = await tx
      .select({ at: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.emailKey, emailKey), gt(signInAttempts.attemptedAt, emailSince), notSucceeded));
    const addressFailures = address
      ? await tx
          .select({ at: signInAttempts.attemptedAt })
          .from(signInAttempts)
          .where(and(eq(signInAttempts.address, address), gt(signInAttempts.attemptedAt, windowStart), notSucceeded))
      : [];
    const retryAt = laterOf(
      signInRetryAt(
        emailFailures.map((r) => r.at),
        SIGN_IN_MAX_FAILURES_PER_EMAIL,
        now,
      ),
      signInRetryAt(
        addressFailures.map((r) => r.at),
        SIGN_IN_MAX_FAILURES_PER_ADDRESS,
        now,
      ),
    );
    if (retryAt) return { ok: false, retryAt } as const;
    const [row] = await tx
      .insert(signInAttempts)
      .values({ emailKey, address: address ?? "unknown", attemptedAt: now })
      .returning({ id: signInAttempts.id });
    if (!row) throw new Error("insert returned no row");
    return { ok: true, attemptId: row.id } as const;
  });
}

export async function settleSignInAttempt(db: Db, attemptId: string, succeeded: boolean): Promise<void> {
  await db.update(signInAttempts).set({ succeeded }).where(eq(signInAttempts.id, attemptId));
}

/** Old rows are only evidence for the window; older ones can go. */
export async function pruneSignInAttempts(db: Db, olderThan: Date): Promise<void> {
  await db.delete(signInAttempts).where(lt(signInAttempts.attemptedAt, olderThan));
}
