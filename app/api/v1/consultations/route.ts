import { serveRoute } from "@/lib/http/api-route";
import { OPEN_DATA_ENDPOINTS } from "@/lib/http/open-data";

/** Every public consultation (open data API; see /api/v1/openapi.json). */
export function GET(req: Request) {
  return serveRoute(OPEN_DATA_ENDPOINTS.consultations, req);
}
