import { createHmac } from "node:crypto";
import { referenceNumber } from "./reference-number";

/**
 * The privacy notice a participant consents to at sign-up. Bump when the notice's substance changes: each consent
 * row records the version it was given to.
 */
export const PRIVACY_NOTICE_VERSION = "2026-12-02";

/** The items of personal data the privacy notice lists, in its order: one row each in the notice's table. */
export const PRIVACY_NOTICE_ITEMS = [
  "identity",
  "password",
  "profile",
  "consent",
  "contributions",
  "moderation",
  "notifications",
  "security",
  "messages",
] as const;
export type PrivacyNoticeItem = (typeof PRIVACY_NOTICE_ITEMS)[number];

/**
 * Where "download my data" holds each item of the notice. Every section of the download belongs to an item and
 * every item has its sections (the download's type and its test hold both ways), so the notice and the file
 * cannot drift apart unnoticed. The password is held but never handed out, and neither is a one-time link's
 * fingerprint: a hash in a file that may be mislaid lets anyone guess at it offline. The notice says so.
 */
export const DOWNLOAD_SECTIONS = {
  identity: ["profile"],
  password: [],
  profile: ["profile", "memberships"],
  consent: ["consents"],
  contributions: ["comments", "endorsementEvents", "cosignRequests", "cosignDecisions"],
  moderation: ["reports", "appeals", "moderationDecisions"],
  notifications: ["notifications", "notificationPreferences", "mail"],
  security: ["signInAttempts", "emailConfirmations", "passwordResets", "auditLog"],
  messages: ["grievances", "feedback"],
} as const satisfies Record<PrivacyNoticeItem, readonly string[]>;
export type DownloadSection = (typeof DOWNLOAD_SECTIONS)[PrivacyNoticeItem][number];

export const GRIEVANCE_REFERENCE_PREFIX = "GR";

/** GR-2026-000012: the grievance's id, with the year it was received in India. */
export function grievanceReference(id: number, receivedAt: Date): string {
  return referenceNumber(GRIEVANCE_REFERENCE_PREFIX, id, receivedAt);
}

/**
 * The address an erased account keeps: the column is required and unique, so it gets one that is no address at
 * all (the .invalid top-level domain is reserved, RFC 2606) and carries nothing of the old one.
 */
export function erasedEmail(userId: string): string {
  return `erased-${userId}@invalid`;
}

/**
 * The key an erasure's password check is throttled under: the account's own, not its address, so that an attempt
 * recorded after the erasure cannot bring the address back. The download finds these attempts by it.
 */
export function erasureAttemptKey(userId: string): string {
  return `erase:${userId}`;
}

/** The name of a day in India, for the download's file name. */
export function exportFileName(now: Date): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return `samvad-my-data-${day}.json`;
}

/**
 * What the audit log keeps of an email tried at sign-in: a keyed HMAC, so repeated guesses against one address
 * can still be linked (by someone holding the server's secret) while the log itself holds no address.
 */
export function emailFingerprint(emailKey: string, secret: string): string {
  return createHmac("sha256", `${secret}:audit-email`).update(emailKey).digest("base64url").slice(0, 22);
}
