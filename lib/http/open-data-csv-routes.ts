import { getDb } from "@/db/client";
import type { AuditAction } from "@/db/queries/audit";
import { listAllOpenComments, listAllOpenEndorsements, listOpenLedger } from "@/db/queries/open-data";
import { auditEvent } from "@/lib/auth/audit-events";
import { findViewableConsultation } from "@/lib/auth/consultation-access";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { commentSchema, endorsementSchema, ledgerEntrySchema } from "@/lib/validation/open-data";
import { parseRegistryFilter } from "@/lib/validation/registry";
import { csvResponse } from "./csv-response";
import { csvColumns } from "./open-data-csv";
import { openComment, openEndorsement, openLedgerEntry } from "./open-data";

const commentColumns = csvColumns(commentSchema);
const endorsementColumns = csvColumns(endorsementSchema);
const ledgerColumns = csvColumns(ledgerEntrySchema);

type Kind = "comments" | "registry" | "ledger";
const AUDIT: Record<Kind, AuditAction> = { comments: "export.comments", registry: "export.registry", ledger: "export.ledger" };

/**
 * A consultation's comments, registry or ledger as CSV: the open data API's items (same fields, same rules: no
 * hidden text, no name that is not shown), one row each, each parsed with the API's schema first.
 */
export async function csvDownload(kind: Kind, req: Request, slug: string): Promise<Response> {
  const db = await getDb();
  // A draft answers 404 to all but staff, as its pages do.
  const consultation = await findViewableConsultation(slug);
  if (!consultation) return errorResponse("notFound");
  let header: string[];
  let rows: ReturnType<typeof commentColumns.row>[];
  if (kind === "comments") {
    const items = (await listAllOpenComments(db, consultation.id)).map((r) => commentSchema.parse(openComment(r)));
    header = commentColumns.header;
    rows = items.map(commentColumns.row);
  } else if (kind === "registry") {
    const filter = parseRegistryFilter(Object.fromEntries(new URL(req.url).searchParams));
    const items = (await listAllOpenEndorsements(db, consultation.id, filter)).map((r) => endorsementSchema.parse(openEndorsement(r)));
    header = endorsementColumns.header;
    rows = items.map(endorsementColumns.row);
  } else {
    const items = (await listOpenLedger(db, consultation.id)).map((r) => ledgerEntrySchema.parse(openLedgerEntry(r)));
    header = ledgerColumns.header;
    rows = items.map(ledgerColumns.row);
  }
  // Signed-in exports are audited; anonymous ones are public reads that anyone could repeat without limit.
  const user = await getCurrentUser();
  if (user) await auditEvent(db, user, AUDIT[kind], { type: "consultation", id: slug }, { rows: rows.length });
  const file = kind === "comments" ? "comments" : kind === "registry" ? "endorsements" : "moderation-ledger";
  return csvResponse(`${slug}-${file}.csv`, header, rows);
}
