import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { consultationStatus } from "./enums";
// Relative on purpose: drizzle-kit loads the schema without the app's path aliases.
import { AUTO_HIDE_DEFAULT } from "../../lib/limits";

// Content is written in English and Hindi; the *_hi columns may be empty, and the page then shows the
// English text marked lang="en" rather than nothing.
export const consultations = pgTable(
  "consultations",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    title: text().notNull(),
    titleHi: text(),
    description: text().notNull(),
    descriptionHi: text(),
    status: consultationStatus().notNull().default("draft"),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    // Reports from this many distinct participants hide a comment pending review.
    autoHideThreshold: integer().notNull().default(AUTO_HIDE_DEFAULT),
    // When on, new comments wait for a moderator's approval.
    preModeration: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("consultations_slug_key").on(t.slug),
    check("consultations_schedule_order", sql`${t.opensAt} < ${t.closesAt}`),
    check("consultations_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("consultations_auto_hide_threshold", sql`${t.autoHideThreshold} >= 1`),
  ],
);

export const principles = pgTable(
  "principles",
  {
    id: uuid().primaryKey().defaultRandom(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    slug: text().notNull(),
    title: text().notNull(),
    titleHi: text(),
    body: text().notNull(),
    bodyHi: text(),
  },
  (t) => [
    uniqueIndex("principles_consultation_position_key").on(t.consultationId, t.position),
    uniqueIndex("principles_consultation_slug_key").on(t.consultationId, t.slug),
    check("principles_position_positive", sql`${t.position} > 0`),
  ],
);

export type Consultation = typeof consultations.$inferSelect;
export type NewConsultation = typeof consultations.$inferInsert;
export type Principle = typeof principles.$inferSelect;
export type NewPrinciple = typeof principles.$inferInsert;
