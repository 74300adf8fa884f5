import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { comments } from "./comments";
import { consultations, principles } from "./consultations";
import { users } from "./users";

// Relative on purpose: drizzle-kit loads the schema without the app's path aliases.
import type { SummaryContent } from "../../lib/limits";

export type { SummaryContent, SummarySection } from "../../lib/limits";

/** The moderators' working draft of a principle's summary: one per principle, visible to moderators only. */
export const summaryDrafts = pgTable("summary_drafts", {
  principleId: uuid()
    .primaryKey()
    .references(() => principles.id, { onDelete: "cascade" }),
  sections: jsonb().$type<SummaryContent>().notNull().default({}),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
});

/** Published versions: numbered, immutable (a trigger refuses UPDATE and DELETE). */
export const summaryVersions = pgTable(
  "summary_versions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    principleId: uuid()
      .notNull()
      .references(() => principles.id, { onDelete: "restrict" }),
    version: integer().notNull(),
    sections: jsonb().$type<SummaryContent>().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedByRole: text().notNull(),
  },
  (t) => [
    uniqueIndex("summary_versions_principle_version_key").on(t.principleId, t.version),
    check("summary_versions_version_positive", sql`${t.version} > 0`),
  ],
);

/** Which comments a published version cites, and where: part of the version, so immutable too. */
export const summaryCitations = pgTable(
  "summary_citations",
  {
    versionId: integer()
      .notNull()
      .references(() => summaryVersions.id, { onDelete: "restrict" }),
    commentId: integer()
      .notNull()
      .references(() => comments.id, { onDelete: "restrict" }),
    section: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.commentId, t.section] }), index("summary_citations_comment_idx").on(t.commentId)],
);

/** A closed consultation's published report; its figures are computed as of the closing date. */
export const consultationReports = pgTable("consultation_reports", {
  consultationId: uuid()
    .primaryKey()
    .references(() => consultations.id, { onDelete: "restrict" }),
  introduction: text().notNull(),
  publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  publishedByRole: text().notNull(),
});

export type SummaryVersion = typeof summaryVersions.$inferSelect;
