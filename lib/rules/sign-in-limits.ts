/** Sign-in throttling: counted in PostgreSQL so that every app instance sees the same failures. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES_PER_EMAIL = 5;
// Higher than the per-email limit: many people in one office or college can share an address.
export const SIGN_IN_MAX_FAILURES_PER_ADDRESS = 30;

/**
 * When the caller may try again, or null if an attempt is allowed now.
 * `failures` are the times of failed (or still pending) attempts inside the window, oldest first.
 */
export function signInRetryAt(failures: readonly Date[], limit: number, now: Date): Date | null {
  const windowStart = now.getTime() - SIGN_IN_WINDOW_MS;
  const inWindow = failures.filter((t) => t.getTime() > windowStart).sort((a, b) => a.getTime() - b.getTime());
  if (inWindow.length < limit) return null;
  // The attempt becomes possible again once enough old failures have left the window.
  const freeing = inWindow[inWindow.length - limit];
  return freeing ? new Date(freeing.getTime() + SIGN_IN_WINDOW_MS) : null;
}

export function laterOf(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
