import type { Db } from "@/db/client";
import { announceConsultations } from "@/db/queries/notifications";
import { startEmailWorker } from "@/lib/email/worker";
import type { Env } from "@/lib/env";
import { ANNOUNCE_POLL_MS } from "@/lib/rules/email-delivery";

export interface SchedulerOptions {
  everyMs?: number;
  /** The first round's delay: a moment after start, so it never competes with the start itself. */
  firstAfterMs?: number;
  /** Where a failed round is reported (the next round tries again). */
  onError?: (err: unknown) => void;
}

/**
 * Every minute, announces the consultations that are due (in the app, and by queueing the email copies the mail
 * worker sends when there is one). It keeps no state of its own: which announcements were made is in the database,
 * and each is claimed there exactly once, so several processes may run it side by side. Returns a stop
 * function that waits for a round in progress.
 */
export function startAnnouncementScheduler(db: Db, o: SchedulerOptions = {}): () => Promise<void> {
  const everyMs = o.everyMs ?? ANNOUNCE_POLL_MS;
  const onError = o.onError ?? ((err) => console.error("Samvad: announcing consultations failed; the next round tries again.", err));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let round: Promise<void> = Promise.resolve();
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    // A timer alone never keeps the process alive (a script or test that started it can still exit).
    timer.unref();
  };
  function tick() {
    round = (async () => {
      try {
        await announceConsultations(db);
      } catch (err) {
        onError(err);
      } finally {
        if (!stopped) schedule(everyMs);
      }
    })();
  }
  schedule(o.firstAfterMs ?? 5_000);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await round;
  };
}

/**
 * What each server process runs in the background once its database is migrated (and, in a demo, seeded): the
 * announcements always, so a platform without a mail server still tells its participants in the app; the mail
 * worker only when SMTP_URL is set (without it, mail waits in the outbox). Returns a stop function for both.
 */
export function startBackgroundJobs(
  db: Db,
  settings: Pick<Env, "SMTP_URL" | "SMTP_FROM">,
  announcements: SchedulerOptions = {},
): () => Promise<void> {
  const stopMail = settings.SMTP_URL ? startEmailWorker(db, { smtpUrl: settings.SMTP_URL, from: settings.SMTP_FROM }) : () => {};
  const stopAnnouncements = startAnnouncementScheduler(db, announcements);
  return async () => {
    stopMail();
    await stopAnnouncements();
  };
}
