/**
 * How long a sign-in lasts. Documented in the README; enforced on every request by lib/auth/session.ts.
 * Idle is generous enough to write a long comment without losing the session mid-thought.
 */
export const SESSION_IDLE_TIMEOUT_S = 60 * 60; // 1 hour without a request
export const SESSION_ABSOLUTE_LIFETIME_S = 12 * 60 * 60; // 12 hours after sign-in, whatever the activity
/** The proxy re-issues the cookie with a fresh "last seen" at most this often. */
export const SESSION_REFRESH_AFTER_S = 5 * 60;

export interface SessionTimes {
  /** Seconds since the epoch when the user signed in. */
  authAt: number;
  /** Seconds since the epoch of the last request that refreshed the cookie. */
  seenAt: number;
}

export type SessionTimeState = "valid" | "idle" | "expired";

export function sessionTimeState(times: SessionTimes, nowS: number): SessionTimeState {
  if (nowS - times.authAt >= SESSION_ABSOLUTE_LIFETIME_S) return "expired";
  if (nowS - times.seenAt >= SESSION_IDLE_TIMEOUT_S) return "idle";
  return "valid";
}

export function sessionNeedsRefresh(times: SessionTimes, nowS: number): boolean {
  return sessionTimeState(times, nowS) === "valid" && nowS - times.seenAt >= SESSION_REFRESH_AFTER_S;
}

/** The cookie never outlives the absolute lifetime nor the idle window. */
export function sessionCookieMaxAge(times: SessionTimes, nowS: number): number {
  const untilAbsolute = times.authAt + SESSION_ABSOLUTE_LIFETIME_S - nowS;
  return Math.max(0, Math.min(untilAbsolute, SESSION_IDLE_TIMEOUT_S));
}

/** How long before the session ends the page warns and offers to extend it. */
export const SESSION_WARN_BEFORE_S = 5 * 60;

export interface SessionEnd {
  /** Seconds since the epoch when the session ends unless a request comes first. */
  endsAt: number;
  /** The end is the absolute lifetime: no activity, not even "Stay signed in", moves it. */
  final: boolean;
}

/** When this session ends: at the idle timeout after the last refresh, or at the absolute lifetime if sooner. */
export function sessionEnd(times: SessionTimes): SessionEnd {
  const idleEnd = times.seenAt + SESSION_IDLE_TIMEOUT_S;
  const absoluteEnd = times.authAt + SESSION_ABSOLUTE_LIFETIME_S;
  return { endsAt: Math.min(idleEnd, absoluteEnd), final: absoluteEnd <= idleEnd };
}
