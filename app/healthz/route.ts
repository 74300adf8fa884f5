import { NextResponse } from "next/server";

// Liveness for a load balancer: the process is up and serving. It never touches the database, so a database
// outage does not get healthy instances restarted.
export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
