import { csvDownload } from "@/lib/http/open-data-csv-routes";

/** The public registry as CSV, with the open data API's fields and filters (?group=, ?target= "consultation" or a principle's slug). */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return csvDownload("registry", req, (await ctx.params).slug);
}
