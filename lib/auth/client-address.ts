import { headers } from "next/headers";

/**
 * The caller's address for per-address limits. Next's server appends the socket address to X-Forwarded-For,
 * so the last entry is the one a client cannot forge; behind a load balancer set TRUSTED_PROXY_HOPS to the
 * number of proxies in front of the app.
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  const chain = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? "0");
  const index = chain.length - 1 - (Number.isInteger(hops) && hops > 0 ? hops : 0);
  return chain[Math.max(0, index)] ?? h.get("x-real-ip") ?? "unknown";
}
