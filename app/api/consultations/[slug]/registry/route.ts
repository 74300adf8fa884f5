import { getDb } from "@/db/client";
import { listRegistry } from "@/db/queries/endorsements";
import { auditEvent } from "@/lib/auth/audit-events";
import { findViewableConsultation } from "@/lib/auth/consultation-access";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { csvResponse } from "@/lib/http/csv-response";
import { parseRegistryFilter } from "@/lib/validation/registry";

/** The public registry as CSV. */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const db = await getDb();
  // A draft answers 404 to all but staff, as its pages do.
  const consultation = await findViewableConsultation(slug);
  if (!consultation) return errorResponse("notFound");
  const filter = parseRegistryFilter(Object.fromEntries(new URL(req.url).searchParams));
  const rows = await listRegistry(db, consultation.id, filter);
  // Signed-in exports are audited; anonymous ones are public reads that anyone could repeat without limit.
  const user = await getCurrentUser();
  if (user) await auditEvent(db, user, "export.registry", { type: "consultation", id: slug }, { rows: rows.length });
  const header = [
    "reference",
    "stakeholder_group",
    "name",
    "designation",
    "organisation",
    "capacity",
    "target",
    "statement",
    "endorsed_at",
    "withdrawn_at",
  ];
  const body = rows.map((r) => [
    r.id,
    r.stakeholderGroup,
    r.endorserName,
    r.endorserDesignation,
    r.organisationName,
    r.organisationId ? "on_behalf_of_organisation" : "personal",
    r.targetKey === "consultation" ? "consultation" : `principle ${r.principlePosition}: ${r.principleTitle}`,
    r.statement,
    r.endorsedAt.toISOString(),
    r.withdrawnAt?.toISOString() ?? "",
  ]);
  return csvResponse(`${slug}-endorsements.csv`, header, body);
}
