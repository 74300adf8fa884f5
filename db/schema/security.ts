import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Content-Security-Policy violation reports the browsers send to /api/csp-report. Kept in the database so every
 * app instance counts into one place; short, truncated fields only, and no address or cookie.
 */
export const cspReports = pgTable(
  "csp_reports",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    documentUri: text().notNull().default(""),
    violatedDirective: text().notNull().default(""),
    blockedUri: text().notNull().default(""),
    sample: text().notNull().default(""),
  },
  (t) => [index("csp_reports_received_idx").on(t.receivedAt)],
);

export type CspReport = typeof cspReports.$inferSelect;
