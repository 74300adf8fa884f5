import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { databaseAnswers } from "@/db/queries/health";

// Readiness for a load balancer: this instance can reach the database, so it should be sent traffic.
export const dynamic = "force-dynamic";

const DATABASE_TIMEOUT_MS = 2000;

export async function GET() {
  const ready = await getDb()
    .then((db) => databaseAnswers(db, DATABASE_TIMEOUT_MS))
    .catch(() => false);
  return NextResponse.json(
    { status: ready ? "ready" : "unavailable", database: ready ? "reachable" : "unreachable" },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
