import { createHash } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import type { Db } from "../client";
import { passwordResets, users } from "../schema";
import { enqueueEmail, type OutboundEmail } from "./outbox";
import { takeRateToken } from "./rate-limits";

/**
 * The per-address reset bucket's key: a sha256 of the lower-cased address, never the address itself, so the
 * throttle keeps no readable copy of an address (erasure deletes it by recomputing this). Unkeyed: this layer
 * has no server secret, and the bucket only needs to tell addresses apart.
 */
export function resetEmailBucketKey(email: string): string {
  return `reset-email:${createHash("sha256").update(email.toLowerCase()).digest("base64url")}`;
}

type Recipient = { id: string; email: string; name: string; preferredLanguage: "en" | "hi" };

/**
 * Asks for a reset link for an address. Whether or not an account uses it, the answer is the same; the mail
 * (and the stored hash) exist only if one does. The per-address bucket is taken before the account is looked
 * up, so it behaves the same for every address; a spent per-address bucket sends nothing and says nothing.
 * The per-client bucket (when the client can be told apart) is the only refusal a caller sees.
 */
export async function createPasswordReset(
  db: Db,
  p: {
    email: string;
    client: string | null;
    tokenHash: string;
    expiresAt: Date;
    compose: (user: Recipient) => OutboundEmail;
    rates: { email: BucketPolicy; client: BucketPolicy };
  },
  now = new Date(),
): Promise<{ ok: true; queued: boolean } | { ok: false; error: "rateLimited"; retryAt: Date }> {
  return db.transaction(async (tx) => {
    if (p.client) {
      const rate = await takeRateToken(tx, `reset-client:${p.client}`, p.rates.client, now);
      if (!rate.ok) return { ok: false, error: "rateLimited", retryAt: rate.retryAt } as const;
    }
    const perEmail = await takeRateToken(tx, resetEmailBucketKey(p.email), p.rates.email, now);
    if (!perEmail.ok) return { ok: true, queued: false } as const;
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, preferredLanguage: users.preferredLanguage })
      .from(users)
      .where(and(sql`lower(${users.email}) = lower(${p.email})`, isNull(users.erasedAt)));
    if (!user) return { ok: true, queued: false } as const;
    await tx.insert(passwordResets).values({ userId: user.id, tokenHash: p.tokenHash, expiresAt: p.expiresAt, createdAt: now });
    await enqueueEmail(tx, p.compose(user), now);
    return { ok: true, queued: true } as const;
  });
}

export type ResetResult =
  { ok: true; userId: string; sessionVersion: number } | { ok: false; error: "resetLinkInvalid" | "resetLinkUsed" | "resetLinkExpired" };

/**
 * Uses a reset link once: the new password, a new session version (every session signs out) and the link
 * spent, in one transaction. The row lock makes two uses of one link count once; every other unused link of
 * the account is spent too, so an older mail cannot undo this reset.
 */
export async function usePasswordReset(db: Db, p: { tokenHash: string; passwordHash: string }, now = new Date()): Promise<ResetResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: passwordResets.id, userId: passwordResets.userId, usedAt: passwordResets.usedAt, expiresAt: passwordResets.expiresAt })
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, p.tokenHash))
      .for("update");
    if (!row) return { ok: false, error: "resetLinkInvalid" } as const;
    if (row.usedAt) return { ok: false, error: "resetLinkUsed" } as const;
    if (row.expiresAt <= now) return { ok: false, error: "resetLinkExpired" } as const;
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, row.userId), isNull(passwordResets.usedAt)));
    const [user] = await tx
      .update(users)
      .set({ passwordHash: p.passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(and(eq(users.id, row.userId), isNull(users.erasedAt)))
      .returning({ sessionVersion: users.sessionVersion });
    if (!user) return { ok: false, error: "resetLinkInvalid" } as const;
    return { ok: true, userId: row.userId, sessionVersion: user.sessionVersion } as const;
  });
}
