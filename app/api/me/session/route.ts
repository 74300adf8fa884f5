import { getCurrentUser, currentSessionClaims } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { sessionEnd } from "@/lib/rules/session-policy";

/**
 * When the signed-in session ends, for the timeout warning to check before it speaks (another tab or a page's own
 * requests may have moved the end). Under /api, so the proxy does not run: asking never counts as activity and
 * never extends the session.
 */
export async function GET() {
  const user = await getCurrentUser();
  const claims = await currentSessionClaims();
  if (!user || !claims) return errorResponse("unauthenticated");
  return Response.json(sessionEnd(claims), { headers: { "Cache-Control": "no-store" } });
}
