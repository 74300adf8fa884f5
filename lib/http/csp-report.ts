import type { Db } from "@/db/client";
import { insertCspReports } from "@/db/queries/csp-reports";
import { takeRateTokens } from "@/db/queries/rate-limits";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import { CSP_BODY_MAX_BYTES, CSP_REPORT_TYPES, parseCspReportBody } from "@/lib/validation/csp-reports";

/**
 * One bucket for every sender: a page that violates the policy in every browser at once should still be counted
 * (600 at once), while a flood is held to one stored report a second (at most ~2 KB each, about 170 MB a day at
 * worst), so nobody can fill the disk. Reports over the limit are answered like the others and dropped.
 */
export const CSP_REPORT_RATE: BucketPolicy = { capacity: 600, refillMs: 1000 };
const BUCKET = "csp-report";

const answer = (status: number) => new Response(null, { status, headers: { "Cache-Control": "no-store" } });

/** The body as text, or null once it grows past `max` bytes (a missing or false Content-Length is not trusted). */
async function bodyWithin(request: Request, max: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A browser's Content-Security-Policy violation report: 204 when it is one (stored while the bucket has tokens),
 * 400 when the body is not a report, 413 when it is too large, 415 for another media type. Only the page's address
 * without its query, the directive, the blocked address and the browser's short sample are kept: no client
 * address, no cookie, no user agent. A failure to store is logged and answered 204: the browser cannot act on it.
 */
export async function receiveCspReport(db: Db, request: Request, now: Date): Promise<Response> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(CSP_REPORT_TYPES as readonly string[]).includes(type)) return answer(415);
  // A body that breaks off while being read is no report: it reads as empty and is answered 400.
  const text = await bodyWithin(request, CSP_BODY_MAX_BYTES).catch(() => "");
  if (text === null) return answer(413);
  const reports = parseCspReportBody(parseJson(text));
  if (!reports) return answer(400);
  try {
    await db.transaction(async (tx) => {
      const granted = await takeRateTokens(tx, BUCKET, CSP_REPORT_RATE, now, reports.length);
      await insertCspReports(tx, reports.slice(0, granted), now);
    });
  } catch (error) {
    console.error("CSP report not stored:", error instanceof Error ? error.name : "unknown error");
  }
  return answer(204);
}
