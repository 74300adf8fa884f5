import { getDb } from "@/db/client";
import { listContributionsOf } from "@/db/queries/contributions";
import { auditEvent } from "@/lib/auth/audit-events";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";

/** A participant's own contributions as JSON: only ever their own, read from the session. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return errorResponse("unauthenticated");
  const db = await getDb();
  const data = await listContributionsOf(db, user.id);
  await auditEvent(
    db,
    user,
    "export.contributions",
    { type: "user", id: user.id },
    { comments: data.comments.length, endorsements: data.endorsements.length },
  );
  return new Response(
    JSON.stringify(
      { exportedAt: new Date().toISOString(), participant: { name: user.name, stakeholderGroup: user.stakeholderGroup }, ...data },
      null,
      2,
    ),
    {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="my-samvad-contributions.json"',
        "Cache-Control": "no-store",
      },
    },
  );
}
