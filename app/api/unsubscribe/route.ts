import { getDb } from "@/db/client";
import { unsubscribeGet, unsubscribePost } from "@/lib/email/unsubscribe-route";
import { errorResponse } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/origin";

export async function POST(request: Request) {
  // Mail clients post RFC 8058's one-click without an Origin (and the signed token, not a cookie, is the authority),
  // so only a post that names another site as its origin is refused.
  if (request.headers.has("origin") && !isSameOrigin(request)) return errorResponse("badOrigin");
  return unsubscribePost(await getDb(), request);
}

export async function GET(request: Request) {
  return unsubscribeGet(await getDb(), request);
}
