import { getDb } from "@/db/client";
import { receiveCspReport } from "@/lib/http/csp-report";

/** Content-Security-Policy violation reports from browsers (lib/http/csp-report.ts). */
export async function POST(request: Request) {
  return receiveCspReport(await getDb(), request, new Date());
}
