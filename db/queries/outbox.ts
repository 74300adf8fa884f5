import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { outboundEmails } from "../schema";
import type { Tx } from "./tx";

export interface OutboundEmail {
  userId: string | null;
  toAddress: string;
  subject: string;
  body: string;
}

/** Queues a message in the caller's transaction: it goes out only if what it announces was written. */
export async function enqueueEmail(tx: Tx, message: OutboundEmail, now = new Date()): Promise<void> {
  await tx.insert(outboundEmails).values({ ...message, createdAt: now });
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
