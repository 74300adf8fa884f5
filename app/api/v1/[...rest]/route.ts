import { notFound } from "@/lib/http/api";

/** Every other address under /api/v1 answers in JSON too, not with the site's HTML error page. */
export function GET() {
  return notFound("This endpoint");
}
