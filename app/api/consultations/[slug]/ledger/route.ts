import { getDb } from "@/db/client";
import { listLedger } from "@/db/queries/ledger";
import { auditEvent } from "@/lib/auth/audit-events";
import { findViewableConsultation } from "@/lib/auth/consultation-access";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { csvResponse } from "@/lib/http/csv-response";

/** The public moderation ledger as CSV: the same columns as the page, never the hidden text. */
export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const db = await getDb();
  // A draft answers 404 to all but staff, as its pages do.
  const consultation = await findViewableConsultation(slug);
  if (!consultation) return errorResponse("notFound");
  const rows = await listLedger(db, consultation.id);
  // Signed-in exports are audited; anonymous ones are public reads that anyone could repeat without limit.
  const user = await getCurrentUser();
  if (user) await auditEvent(db, user, "export.ledger", { type: "consultation", id: slug }, { rows: rows.length });
  const header = ["decision", "at", "action", "rule", "acting_role", "principle", "author_stakeholder_group", "appeal"];
  const body = rows.map((r) => [
    r.id,
    r.at.toISOString(),
    r.action,
    r.ruleNumber,
    r.actorRole,
    r.principlePosition,
    r.stakeholderGroup,
    !r.appealFiled ? "none" : (r.appealOutcome ?? "pending"),
  ]);
  return csvResponse(`${slug}-moderation-ledger.csv`, header, body);
}
