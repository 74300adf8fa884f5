import { getDb } from "@/db/client";
import { trustedClientAddress } from "@/lib/auth/client-address";
import { serveEndpoint, type SomeEndpoint } from "./api";

/** A route handler's GET for an open data endpoint: the app's database, the caller's address, the time now. */
export async function serveRoute(endpoint: SomeEndpoint, req: Request, params?: Promise<Record<string, string>>): Promise<Response> {
  return serveEndpoint(endpoint, req, (await params) ?? {}, {
    db: await getDb(),
    address: trustedClientAddress(req.headers.get("x-forwarded-for")),
    now: new Date(),
  });
}
