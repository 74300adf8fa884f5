import { createHmac, timingSafeEqual } from "node:crypto";
import { publicBaseUrl } from "@/lib/auth/config";
import { authSecret } from "@/lib/env";
import { NOTIFICATION_PREFERENCE_KINDS, type NotificationPreferenceKind } from "@/lib/rules/email-delivery";

// The unsubscribe token is signed, not stored: HMAC-SHA256 of the account and the kind under NEXTAUTH_SECRET.
// It needs no table, never expires (an old email's link keeps working, as RFC 8058 expects), and does one
// thing only: switch that kind of email off for that account.

function mac(userId: string, kind: NotificationPreferenceKind): string {
  return createHmac("sha256", authSecret()).update(`unsubscribe:${userId}:${kind}`).digest("base64url");
}

export function unsubscribeToken(userId: string, kind: NotificationPreferenceKind): string {
  return `${userId}.${kind}.${mac(userId, kind)}`;
}

export function unsubscribeUrl(userId: string, kind: NotificationPreferenceKind): string {
  return `${publicBaseUrl()}/api/unsubscribe?token=${unsubscribeToken(userId, kind)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The account and kind a token names, if its signature holds. */
export function readUnsubscribeToken(token: string | null | undefined): { userId: string; kind: NotificationPreferenceKind } | null {
  const [userId, kind, signature, ...rest] = (token ?? "").split(".");
  if (rest.length || !userId || !kind || !signature || !UUID.test(userId)) return null;
  if (!(NOTIFICATION_PREFERENCE_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(mac(userId, kind as NotificationPreferenceKind));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as NotificationPreferenceKind };
}
