import { csvDownload } from "@/lib/http/open-data-csv-routes";

/** The public registry as CSV (filtered by ?group= and ?target= as on its page), with the open data API's fields. */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return csvDownload("registry", req, (await ctx.params).slug);
}
