import { getDb, type Db } from "@/db/client";
import type { AuditAction } from "@/db/queries/audit";
import { getOpenConsultation, listAllOpenComments, listAllOpenEndorsements, listOpenLedger } from "@/db/queries/open-data";
import { auditEvent } from "@/lib/auth/audit-events";
import { trustedClientAddress } from "@/lib/auth/client-address";
import { getCurrentUser } from "@/lib/auth/session";
import type { ParamSchemas, ParsedParams } from "@/lib/rules/api-request";
import { commentSchema, endorsementSchema, ledgerEntrySchema } from "@/lib/validation/open-data";
import { defineResource, serveResource, type ApiContext, type Served } from "./api";
import { attachment, CSV_TYPE, csvText } from "./csv-response";
import { csvColumns } from "./open-data-csv";
import {
  commentFilter,
  commentFilters,
  consultationPath,
  endorsementFilter,
  endorsementFilters,
  openComment,
  openEndorsement,
  openLedgerEntry,
} from "./open-data";

/**
 * A consultation's comments, registry or ledger as CSV: the open data API's items (same fields, same rules: no
 * hidden text, no name that is not shown), one row each, each parsed with the API's schema first. Served through
 * the API's own plumbing (serveResource), so a download takes the API's filters by the same names and refuses a bad
 * one with the same 400, answers 404 for a draft to everyone, and carries an ETag, a short public cache lifetime and
 * the per-address rate limit. Its bucket is its own ("csv", with the API's limits): a client paging through the
 * API does not use up its downloads, nor the other way round.
 */

type Row = ReturnType<ReturnType<typeof csvColumns>["row"]>;

function csvResource<Query extends ParamSchemas>(p: {
  file: string;
  columns: ReturnType<typeof csvColumns>;
  query: Query;
  items: (db: Db, consultationId: string, q: ParsedParams<Query>) => Promise<Record<string, unknown>[]>;
}) {
  return defineResource({
    bucket: "csv",
    pathParams: consultationPath,
    query: p.query,
    load: async (db, { slug }, q): Promise<Row[] | null> => {
      const c = await getOpenConsultation(db, slug);
      return c ? (await p.items(db, c.id, q)).map(p.columns.row) : null;
    },
    render: (rows: Row[], { slug }) => ({
      body: csvText(p.columns.header, rows),
      contentType: CSV_TYPE,
      headers: attachment(`${slug}-${p.file}.csv`),
    }),
  });
}

export const CSV_DOWNLOADS = {
  comments: csvResource({
    file: "comments",
    columns: csvColumns(commentSchema),
    query: commentFilters,
    items: async (db, id, q) =>
      (await listAllOpenComments(db, id, await commentFilter(db, id, q))).map((r) => commentSchema.parse(openComment(r))),
  }),
  registry: csvResource({
    file: "endorsements",
    columns: csvColumns(endorsementSchema),
    query: endorsementFilters,
    items: async (db, id, q) =>
      (await listAllOpenEndorsements(db, id, await endorsementFilter(db, id, q))).map((r) => endorsementSchema.parse(openEndorsement(r))),
  }),
  ledger: csvResource({
    file: "moderation-ledger",
    columns: csvColumns(ledgerEntrySchema),
    query: {},
    items: async (db, id) => (await listOpenLedger(db, id)).map((r) => ledgerEntrySchema.parse(openLedgerEntry(r))),
  }),
};
export type CsvKind = keyof typeof CSV_DOWNLOADS;

const AUDIT: Record<CsvKind, AuditAction> = { comments: "export.comments", registry: "export.registry", ledger: "export.ledger" };

/** One GET of a download, given the database, the caller's address and the time (what the tests call). */
export function serveCsv(kind: CsvKind, req: Request, slug: string, ctx: ApiContext): Promise<Served> {
  return serveResource(CSV_DOWNLOADS[kind], req, { slug }, ctx);
}

/** A route handler's GET of a download. */
export async function csvDownload(kind: CsvKind, req: Request, slug: string): Promise<Response> {
  const db = await getDb();
  const served = await serveCsv(kind, req, slug, {
    db,
    address: trustedClientAddress(req.headers.get("x-forwarded-for")),
    now: new Date(),
  });
  // Signed-in downloads are audited; anonymous ones are public reads that anyone could repeat.
  if (served.response.status === 200 && Array.isArray(served.data)) {
    const user = await getCurrentUser();
    if (user) await auditEvent(db, user, AUDIT[kind], { type: "consultation", id: slug }, { rows: served.data.length });
  }
  return served.response;
}
