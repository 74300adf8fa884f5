import { headers } from "next/headers";

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

export async function clientAddress(): Promise<string | null> {
  const h = await headers();
  return addressFromForwardedFor(h.get("x-forwarded-for"), Number(process.env.TRUSTED_PROXY_HOPS ?? "0"));
}
