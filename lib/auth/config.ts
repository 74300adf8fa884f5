import { env } from "@/lib/env";

/** Secure cookies everywhere except a plain-http loopback address used for development and tests. */
export function useSecureCookies(): boolean {
  return !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(env().NEXTAUTH_URL);
}

export function sessionCookieName(): string {
  return useSecureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** next-auth's own session cookie options, so next-auth reads our cookie as its own; one definition for set and delete. */
export function sessionCookieOptions(maxAge?: number) {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: useSecureCookies(), ...(maxAge === undefined ? {} : { maxAge }) } as const;
}

export function isDemoMode(): boolean {
  return env().SAMVAD_DEMO;
}

/** The public address links in emails point at: configured, never taken from a request's Host header. */
export function publicBaseUrl(): string {
  return env().NEXTAUTH_URL;
}
