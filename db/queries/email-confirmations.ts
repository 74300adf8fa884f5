import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { emailConfirmations, users } from "../schema";
import { enqueueEmail, type OutboundEmail } from "./outbox";
import { verifyMembershipsByDomain } from "./organisations";
import { takeRateToken, type RateResult } from "./rate-limits";
import type { BucketPolicy } from "@/lib/rules/token-bucket";

/** Stores a confirmation (its token's hash only) and queues the message carrying the link, together. */
export async function createEmailConfirmation(
  db: Db,
  p: { userId: string; email: string; tokenHash: string; expiresAt: Date; message: OutboundEmail; rate: BucketPolicy },
  now = new Date(),
): Promise<RateResult> {
  return db.transaction(async (tx) => {
    const rate = await takeRateToken(tx, `confirm-email:${p.userId}`, p.rate, now);
    if (!rate.ok) return rate;
    await tx
      .insert(emailConfirmations)
      .values({ userId: p.userId, email: p.email, tokenHash: p.tokenHash, expiresAt: p.expiresAt, createdAt: now });
    await enqueueEmail(tx, p.message, now);
    return rate;
  });
}

export type ConfirmResult = { ok: true; userId: string; verifiedOrganisationIds: string[] } | { ok: false; error: "linkInvalid" };

/**
 * Uses a confirmation link once: marks the address confirmed and verifies pending memberships at its domain,
 * in one transaction. The row lock makes two clicks on one link count once.
 */
export async function useEmailConfirmation(db: Db, tokenHash: string, now = new Date()): Promise<ConfirmResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: emailConfirmations.id, userId: emailConfirmations.userId, email: emailConfirmations.email, current: users.email })
      .from(emailConfirmations)
      .innerJoin(users, eq(users.id, emailConfirmations.userId))
      .where(and(eq(emailConfirmations.tokenHash, tokenHash), isNull(emailConfirmations.usedAt), gt(emailConfirmations.expiresAt, now)))
      .for("update", { of: emailConfirmations });
    // A link sent to an address the account no longer has proves nothing about the current one.
    if (!row || row.email.toLowerCase() !== row.current.toLowerCase()) return { ok: false, error: "linkInvalid" } as const;
    await tx.update(emailConfirmations).set({ usedAt: now }).where(eq(emailConfirmations.id, row.id));
    await tx
      .update(users)
      .set({ emailConfirmedAt: now, updatedAt: now })
      .where(and(eq(users.id, row.userId), isNull(users.emailConfirmedAt)));
    const verifiedOrganisationIds = await verifyMembershipsByDomain(tx, row.userId, row.email, now);
    return { ok: true, userId: row.userId, verifiedOrganisationIds } as const;
  });
}
