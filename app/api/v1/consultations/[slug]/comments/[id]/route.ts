import { serveRoute } from "@/lib/http/api-route";
import { OPEN_DATA_ENDPOINTS } from "@/lib/http/open-data";

/** One comment (open data API; see /api/v1/openapi.json). */
export function GET(req: Request, ctx: { params: Promise<{ slug: string; id: string }> }) {
  return serveRoute(OPEN_DATA_ENDPOINTS.comment, req, ctx.params);
}
