import { csvDownload } from "@/lib/http/open-data-csv-routes";

/** Every comment as CSV (?principle= a principle's slug), with the open data API's fields: hidden, held and withdrawn ones without their text. */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return csvDownload("comments", req, (await ctx.params).slug);
}
