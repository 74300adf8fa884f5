import { count, gte } from "drizzle-orm";
import { cspReports, type CspReport } from "../schema";
import type { Tx } from "./tx";

/** A report's fields; the time is the moment it was received, the same for a batch. */
export type NewCspReport = Pick<CspReport, "documentUri" | "violatedDirective" | "blockedUri" | "sample">;

export async function insertCspReports(tx: Tx, rows: NewCspReport[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(cspReports).values(rows.map((r) => ({ ...r, receivedAt: now })));
}

/** How many violation reports have arrived, all time or since a moment (for staff pages and tests). */
export async function countCspReports(tx: Tx, since?: Date): Promise<number> {
  const query = tx.select({ n: count() }).from(cspReports);
  const [row] = await (since ? query.where(gte(cspReports.receivedAt, since)) : query);
  return row?.n ?? 0;
}
