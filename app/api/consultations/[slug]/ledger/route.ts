import { csvDownload } from "@/lib/http/open-data-csv-routes";

/** The public moderation ledger as CSV, with the open data API's fields: never the hidden text, never who decided. */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return csvDownload("ledger", req, (await ctx.params).slug);
}
