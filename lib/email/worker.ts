import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { claimDueEmails, markEmailFailed, markEmailSent, renewEmailLease, type ClaimedEmail } from "@/db/queries/outbox";
import { EMAIL_BATCH, EMAIL_CLAIM_LEASE_MS, EMAIL_MAX_ATTEMPTS, EMAIL_POLL_MS, nextAttempt } from "@/lib/rules/email-delivery";

export interface DeliveryOptions {
  from: string;
  batch?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** The first retry's delay; later ones double. */
  retryBaseMs?: number;
}

/**
 * An SMTP transport whose timeouts keep one send far inside the claim lease (10 minutes): at most 15 s to
 * connect, 15 s for the greeting, and 60 s of silence at every later point. The lease is renewed before each
 * send (see deliverDueEmails), so only one message's send, not the batch's, has to fit in it.
 */
export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
}

function message(from: string, m: ClaimedEmail) {
  return {
    from,
    to: m.toAddress,
    subject: m.subject,
    text: m.body,
    // RFC 8058: a mail client may offer "unsubscribe" and POST to the link itself, without opening a page.
    headers: m.unsubscribeUrl
      ? { "List-Unsubscribe": `<${m.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
      : undefined,
  };
}

/**
 * One round: claims due messages (a batch no other worker can take), sends each, and records the outcome. A
 * failure is retried later with exponential backoff and given up after the last attempt. Each message's lease is
 * renewed just before it is sent; one that another worker has taken over meanwhile is skipped, not sent twice.
 */
export async function deliverDueEmails(db: Db, transport: Transporter, o: DeliveryOptions, now = () => new Date()) {
  const maxAttempts = o.maxAttempts ?? EMAIL_MAX_ATTEMPTS;
  const leaseMs = o.leaseMs ?? EMAIL_CLAIM_LEASE_MS;
  const claimed = await claimDueEmails(db, { limit: o.batch ?? EMAIL_BATCH, leaseMs, maxAttempts }, now());
  let sent = 0;
  let failed = 0;
  let skipped = 0;
  for (const m of claimed) {
    if (!(await renewEmailLease(db, { id: m.id, attempts: m.attempts, leaseMs }, now()))) {
      skipped++;
      continue;
    }
    try {
      await transport.sendMail(message(o.from, m));
      await markEmailSent(db, m.id, now());
      sent++;
    } catch (err) {
      const at = now();
      await markEmailFailed(
        db,
        m.id,
        err instanceof Error ? err.message : String(err),
        nextAttempt(m.attempts, at, maxAttempts, o.retryBaseMs),
        at,
      );
      failed++;
    }
  }
  return { claimed: claimed.length, sent, failed, skipped };
}

/**
 * Started once per server process when SMTP_URL is set: every few seconds, sends due mail. Everything it knows is
 * in the database, so as many processes as you like may run it. (Consultation announcements are not its job: they
 * are made in the app without a mail server too, by lib/jobs/background.ts.)
 */
export function startEmailWorker(db: Db, settings: { smtpUrl: string; from: string }, pollMs = EMAIL_POLL_MS): () => void {
  const transport = smtpTransport(settings.smtpUrl);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      // Drain a backlog without waiting a poll interval between full batches.
      for (let i = 0; i < 50; i++) {
        const round = await deliverDueEmails(db, transport, { from: settings.from });
        if (round.claimed < EMAIL_BATCH) break;
      }
    } catch (err) {
      console.error("Samvad: the email worker's round failed; it tries again.", err);
    } finally {
      if (!stopped) timer = setTimeout(tick, pollMs);
    }
  };
  timer = setTimeout(tick, 1_000);
  return () => {
    stopped = true;
    clearTimeout(timer);
    transport.close();
  };
}
