/** Settings read from the environment, in one place (each is listed in the README and .env.example). */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (secret && secret.length >= 32) return secret;
  throw new Error("NEXTAUTH_SECRET must be set to at least 32 random characters (see README).");
}

/** Secure cookies everywhere except a plain-http loopback address used for development and tests. */
export function useSecureCookies(): boolean {
  const url = process.env.NEXTAUTH_URL ?? "";
  return !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url);
}

export function sessionCookieName(): string {
  return useSecureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function isDemoMode(): boolean {
  return process.env.SAMVAD_DEMO === "1";
}

/** The public address links in emails point at: configured, never taken from a request's Host header. */
export function publicBaseUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
