import { createHmac } from "node:crypto";
import { referenceNumber } from "./reference-number";

/**
 * The privacy notice a participant consents to at sign-up. Bump when the notice's substance changes: each consent
 * row records the version it was given to.
 */
export const PRIVACY_NOTICE_VERSION = "2026-12-02";

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
