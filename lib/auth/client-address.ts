import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The caller's address for per-address limits and the audit log, or null when it cannot be trusted.
 * Next only fills X-Forwarded-For when a request arrives without one, so a client can write the header itself:
 * it is believed only behind TRUSTED_PROXY_HOPS reverse proxies that each append the address they saw, and then
 * the entry the outermost trusted proxy appended is the client's.
 */
export function addressFromForwardedFor(forwardedFor: string | null, trustedHops: number): string | null {
  if (!Number.isInteger(trustedHops) || trustedHops <= 0) return null;
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - trustedHops] ?? null;
}

/** The client's address from a request's X-Forwarded-For, behind the configured number of trusted proxies. */
export function trustedClientAddress(forwardedFor: string | null): string | null {
  return addressFromForwardedFor(forwardedFor, env().TRUSTED_PROXY_HOPS);
}

export async function clientAddress(): Promise<string | null> {
  return trustedClientAddress((await headers()).get("x-forwarded-for"));
}
