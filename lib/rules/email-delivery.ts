import type { NotificationKind } from "@/lib/limits";

/** How many times a message is tried before the worker gives up on it (failed_at). */
export const EMAIL_MAX_ATTEMPTS = 6;
/** The first retry waits this long; each later one twice as long as the one before (1, 2, 4, 8, 16 minutes). */
export const EMAIL_RETRY_BASE_MS = 60_000;
/**
 * A claimed message is due again after this long if its worker never reports back (a crash mid-send): longer
 * than any send may take (the transport's own timeouts are far shorter), so a live sender is never overtaken.
 */
export const EMAIL_CLAIM_LEASE_MS = 10 * 60_000;
/** How many messages one worker takes per tick. */
export const EMAIL_BATCH = 20;
/** How often a worker looks for due mail. */
export const EMAIL_POLL_MS = 5_000;

/** After a failed attempt (attempts counts it): when to try again, or null to give up. */
export function nextAttempt(attempts: number, now: Date, max = EMAIL_MAX_ATTEMPTS, baseMs = EMAIL_RETRY_BASE_MS): Date | null {
  if (attempts >= max) return null;
  return new Date(now.getTime() + baseMs * 2 ** Math.max(0, attempts - 1));
}

/** The preferences a participant can switch: both consultation announcements share one. */
export const NOTIFICATION_PREFERENCE_KINDS = ["decision", "reply", "citation", "consultation", "cosign"] as const;
export type NotificationPreferenceKind = (typeof NOTIFICATION_PREFERENCE_KINDS)[number];

/**
 * The preference that governs a kind's email, or null for a kind told in the app only: a grievance carries a
 * complainant's personal data, so administrators read it behind sign-in rather than in a mailbox.
 */
export function preferenceOf(kind: NotificationKind): NotificationPreferenceKind | null {
  switch (kind) {
    case "consultation_opened":
    case "consultation_closing":
      return "consultation";
    case "cosign_request":
      return "cosign";
    case "grievance":
      return null;
    default:
      return kind;
  }
}

/** A consultation is announced as closing this long before its comment period ends. */
export const CLOSING_SOON_MS = 3 * 24 * 60 * 60 * 1000;
/** An opening older than this is not announced (a consultation that opened before the scheduler first ran). */
export const OPENING_ANNOUNCE_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
/** How often each server process looks for consultations due to be announced (mail server or not). */
export const ANNOUNCE_POLL_MS = 60_000;

/** How long a password reset link works. */
export const PASSWORD_RESET_LIFETIME_MS = 30 * 60 * 1000;

/** Reset links asked for one address: a few, then one every 10 minutes. */
export const PASSWORD_RESET_EMAIL_RATE = { capacity: 3, refillMs: 10 * 60_000 };
/** Reset requests from one client address (any email): enough for a shared office, not for a sweep. */
export const PASSWORD_RESET_CLIENT_RATE = { capacity: 10, refillMs: 60_000 };
/** Email-change links asked by one account. */
export const EMAIL_CHANGE_RATE = { capacity: 3, refillMs: 10 * 60_000 };
