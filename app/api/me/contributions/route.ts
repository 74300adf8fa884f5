import { getDb } from "@/db/client";
import { listContributionsOf } from "@/db/queries/contributions";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";

/** A participant's own contributions as JSON: only ever their own, read from the session. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return errorResponse("unauthenticated");
  const data = await listContributionsOf(await getDb(), user.id);
  return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), participant: { name: user.name, stakeholderGroup: user.stakeholderGroup }, ...data }, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-samvad-contributions.json"',
      "Cache-Control": "no-store",
    },
  });
}
