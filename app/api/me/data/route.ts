import { getDb } from "@/db/client";
import { collectPersonalData } from "@/db/queries/personal-data";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { exportFileName, PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";

/** Everything held about the signed-in person, as a JSON download: only ever their own, read from the session. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return errorResponse("unauthenticated");
  const data = await collectPersonalData(await getDb(), user.id);
  if (!data) return errorResponse("unauthenticated");
  const now = new Date();
  const body = { exportedAt: now.toISOString(), privacyNoticeVersion: PRIVACY_NOTICE_VERSION, ...data };
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(now)}"`,
      "Cache-Control": "no-store",
    },
  });
}
