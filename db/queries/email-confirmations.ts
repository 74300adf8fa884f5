import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { emailConfirmations, passwordResets, users } from "../schema";
import { enqueueEmail, type OutboundEmail } from "./outbox";
import { verifyMembershipsByDomain } from "./organisations";
import { isUniqueViolation } from "./pg-errors";
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

export type ConfirmResult =
  | { ok: true; userId: string; verifiedOrganisationIds: string[]; changedFrom?: string }
  | { ok: false; error: "linkInvalid" | "emailTaken" };

/**
 * Asks to move the account to a new address: a link (purpose "change") goes to the NEW address, and until it
 * is followed the account keeps its old one. An address another account has is refused here, and again when
 * the link is used (someone may have taken it meanwhile).
 */
export async function createEmailChange(
  db: Db,
  p: { userId: string; newEmail: string; tokenHash: string; expiresAt: Date; message: OutboundEmail; rate: BucketPolicy },
  now = new Date(),
): Promise<RateResult | { ok: false; error: "emailTaken" | "emailUnchanged" }> {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${p.newEmail})`);
    if (taken) return { ok: false, error: taken.id === p.userId ? "emailUnchanged" : "emailTaken" } as const;
    const rate = await takeRateToken(tx, `change-email:${p.userId}`, p.rate, now);
    if (!rate.ok) return rate;
    await tx.insert(emailConfirmations).values({
      userId: p.userId,
      email: p.newEmail,
      purpose: "change",
      tokenHash: p.tokenHash,
      expiresAt: p.expiresAt,
      createdAt: now,
    });
    await enqueueEmail(tx, p.message, now);
    return rate;
  });
}

/**
 * Uses a confirmation link once: marks the address confirmed and verifies pending memberships at its domain,
 * in one transaction. The row lock makes two clicks on one link count once. A "change" link also moves the
 * account to the new address (the unique index decides a race for it), tells the old address, and spends
 * every other outstanding link of the account (confirmations and password resets sent to the old address).
 */
export async function useEmailConfirmation(
  db: Db,
  tokenHash: string,
  now = new Date(),
  changedNotice?: (user: { id: string; oldEmail: string; newEmail: string; name: string; preferredLanguage: "en" | "hi" }) => OutboundEmail,
): Promise<ConfirmResult> {
  try {
    return await useConfirmation(db, tokenHash, now, changedNotice);
  } catch (err) {
    if (isUniqueViolation(err, "users_email_lower_key")) return { ok: false, error: "emailTaken" };
    throw err;
  }
}

async function useConfirmation(
  db: Db,
  tokenHash: string,
  now: Date,
  changedNotice?: (user: { id: string; oldEmail: string; newEmail: string; name: string; preferredLanguage: "en" | "hi" }) => OutboundEmail,
): Promise<ConfirmResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: emailConfirmations.id,
        userId: emailConfirmations.userId,
        email: emailConfirmations.email,
        purpose: emailConfirmations.purpose,
        current: users.email,
        name: users.name,
        preferredLanguage: users.preferredLanguage,
      })
      .from(emailConfirmations)
      .innerJoin(users, eq(users.id, emailConfirmations.userId))
      .where(and(eq(emailConfirmations.tokenHash, tokenHash), isNull(emailConfirmations.usedAt), gt(emailConfirmations.expiresAt, now)))
      .for("update");
    if (row?.purpose === "change" && row.email.toLowerCase() !== row.current.toLowerCase()) {
      await tx
        .update(emailConfirmations)
        .set({ usedAt: now })
        .where(and(eq(emailConfirmations.userId, row.userId), isNull(emailConfirmations.usedAt)));
      await tx
        .update(passwordResets)
        .set({ usedAt: now })
        .where(and(eq(passwordResets.userId, row.userId), isNull(passwordResets.usedAt)));
      await tx.update(users).set({ email: row.email, emailConfirmedAt: now, updatedAt: now }).where(eq(users.id, row.userId));
      // The old address hears of it: if this was not its owner's doing, they know at once.
      if (changedNotice) {
        await enqueueEmail(
          tx,
          changedNotice({
            id: row.userId,
            oldEmail: row.current,
            newEmail: row.email,
            name: row.name,
            preferredLanguage: row.preferredLanguage,
          }),
          now,
        );
      }
      const verifiedOrganisationIds = await verifyMembershipsByDomain(tx, row.userId, row.email, now);
      return { ok: true, userId: row.userId, verifiedOrganisationIds, changedFrom: row.current } as const;
    }
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
