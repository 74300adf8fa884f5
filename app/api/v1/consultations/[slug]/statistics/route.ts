import { serveRoute } from "@/lib/http/api-route";
import { OPEN_DATA_ENDPOINTS } from "@/lib/http/open-data";

/** Statistics by stakeholder group (open data API; see /api/v1/openapi.json). */
export function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return serveRoute(OPEN_DATA_ENDPOINTS.statistics, req, ctx.params);
}
