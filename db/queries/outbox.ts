import { and, desc, eq, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { outboundEmails } from "../schema";
import type { Tx } from "./tx";

export interface OutboundEmail {
  userId: string | null;
  toAddress: string;
  subject: string;
  body: string;
  /** RFC 8058 one-click unsubscribe address (notifications only). */
  unsubscribeUrl?: string | null;
}

/** Queues a message in the caller's transaction: it goes out only if what it announces was written. */
export async function enqueueEmail(tx: Tx, message: OutboundEmail, now = new Date()): Promise<void> {
  await tx.insert(outboundEmails).values({ ...message, createdAt: now, nextAttemptAt: now });
}

/** Many messages at once (announcements to every participant), still in the caller's transaction. */
export async function enqueueEmails(tx: Tx, messages: OutboundEmail[], now = new Date()): Promise<void> {
  if (messages.length === 0) return;
  await tx.insert(outboundEmails).values(messages.map((m) => ({ ...m, createdAt: now, nextAttemptAt: now })));
}

/** The newest message queued for this user (demo mode shows it, since no mail leaves a demo). */
export async function latestEmailTo(db: Db, userId: string) {
  const [row] = await db
    .select({ body: outboundEmails.body })
    .from(outboundEmails)
    .where(eq(outboundEmails.userId, userId))
    .orderBy(desc(outboundEmails.id))
    .limit(1);
  return row;
}

export type ClaimedEmail = {
  id: number;
  toAddress: string;
  subject: string;
  body: string;
  unsubscribeUrl: string | null;
  attempts: number;
};

/**
 * Takes up to `limit` due messages for this worker. The rows are locked with SKIP LOCKED, so concurrent workers
 * take disjoint sets, and before the transaction ends each claimed row counts the attempt and is pushed
 * `leaseMs` into the future: no other worker sees it as due while this one sends, and if this one dies
 * mid-send the row comes due again after the lease. Rows whose last allowed attempt was claimed and never
 * reported (a crash) are given up here.
 */
export async function claimDueEmails(
  db: Db,
  p: { limit: number; leaseMs: number; maxAttempts: number },
  now = new Date(),
): Promise<ClaimedEmail[]> {
  return db.transaction(async (tx) => {
    const due = and(isNull(outboundEmails.sentAt), isNull(outboundEmails.failedAt), lte(outboundEmails.nextAttemptAt, now));
    await tx
      .update(outboundEmails)
      .set({ failedAt: now, lastError: sql`coalesce(${outboundEmails.lastError}, 'no report from the sending worker')` })
      .where(and(due, sql`${outboundEmails.attempts} >= ${p.maxAttempts}`));
    const rows = await tx
      .select({ id: outboundEmails.id })
      .from(outboundEmails)
      .where(and(due, lt(outboundEmails.attempts, p.maxAttempts)))
      .orderBy(outboundEmails.nextAttemptAt, outboundEmails.id)
      .limit(p.limit)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return [];
    const claimed = await tx
      .update(outboundEmails)
      .set({ attempts: sql`${outboundEmails.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + p.leaseMs) })
      .where(
        sql`${outboundEmails.id} in (${sql.join(
          rows.map((r) => sql`${r.id}`),
          sql`, `,
        )})`,
      )
      .returning({
        id: outboundEmails.id,
        toAddress: outboundEmails.toAddress,
        subject: outboundEmails.subject,
        body: outboundEmails.body,
        unsubscribeUrl: outboundEmails.unsubscribeUrl,
        attempts: outboundEmails.attempts,
      });
    return claimed.sort((a, b) => a.id - b.id);
  });
}

/**
 * Just before sending one claimed message: pushes its lease `leaseMs` from now, if the message is still this
 * worker's. A batch is sent one message at a time, so a slow server can make a later message's lease run out
 * while it waits; another worker may then have claimed it (which counts a new attempt). `attempts` is the count
 * this worker's claim returned: if it has moved on, or the message was sent or given up meanwhile, nothing is
 * renewed and the caller must not send it.
 */
export async function renewEmailLease(db: Db, p: { id: number; attempts: number; leaseMs: number }, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(outboundEmails)
    .set({ nextAttemptAt: new Date(now.getTime() + p.leaseMs) })
    .where(
      and(
        eq(outboundEmails.id, p.id),
        eq(outboundEmails.attempts, p.attempts),
        isNull(outboundEmails.sentAt),
        isNull(outboundEmails.failedAt),
      ),
    )
    .returning({ id: outboundEmails.id });
  return rows.length === 1;
}

export async function markEmailSent(db: Db, id: number, now = new Date()): Promise<void> {
  await db
    .update(outboundEmails)
    .set({ sentAt: now, lastError: null })
    .where(and(eq(outboundEmails.id, id), isNull(outboundEmails.sentAt)));
}

/** A failed attempt: try again at `retryAt`, or give up when it is null. */
export async function markEmailFailed(db: Db, id: number, error: string, retryAt: Date | null, now = new Date()): Promise<void> {
  await db
    .update(outboundEmails)
    .set(retryAt ? { lastError: error.slice(0, 1000), nextAttemptAt: retryAt } : { lastError: error.slice(0, 1000), failedAt: now })
    .where(and(eq(outboundEmails.id, id), isNull(outboundEmails.sentAt)));
}

/** The outbox for admins (demo mode reads mail here), newest first. */
export async function listOutbox(db: Db, p: { before?: number; limit: number }) {
  return db
    .select({
      id: outboundEmails.id,
      toAddress: outboundEmails.toAddress,
      subject: outboundEmails.subject,
      body: outboundEmails.body,
      unsubscribeUrl: outboundEmails.unsubscribeUrl,
      createdAt: outboundEmails.createdAt,
      attempts: outboundEmails.attempts,
      lastError: outboundEmails.lastError,
      sentAt: outboundEmails.sentAt,
      failedAt: outboundEmails.failedAt,
    })
    .from(outboundEmails)
    .where(p.before ? lt(outboundEmails.id, p.before) : undefined)
    .orderBy(desc(outboundEmails.id))
    .limit(p.limit);
}
