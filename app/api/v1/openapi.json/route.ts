import { serveRoute } from "@/lib/http/api-route";
import { openApiEndpoint } from "@/lib/http/openapi";

/** The OpenAPI 3.1 document of the open data API, generated from its response schemas. */
export function GET(req: Request) {
  return serveRoute(openApiEndpoint, req);
}
