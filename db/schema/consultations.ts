import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { consultationStatus, language } from "./enums";
import { organisations } from "./organisations";
import { users } from "./users";
// Relative on purpose: drizzle-kit loads the schema without the app's path aliases.
import { AUTO_HIDE_DEFAULT, REFERENCE_PREFIX_PATTERN } from "../../lib/limits";

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
    // The organisation that runs the consultation and answers for it (a ministry, a regulator).
    ownerOrganisationId: uuid().references(() => organisations.id, { onDelete: "restrict" }),
    // The languages its texts are published in; English always, Hindi unless marked pending.
    languages: language()
      .array()
      .notNull()
      .default(sql`'{en,hi}'::language[]`),
    // Set when an admin publishes while the Hindi texts are still being translated: the date they are due.
    hindiPendingUntil: timestamp({ withTimezone: true }),
    // The schedule: comments from opensAt to closesAt, then (optionally) counter-comments until
    // counterClosesAt, in which only replies to existing comments are accepted; then closed.
    opensAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    counterClosesAt: timestamp({ withTimezone: true }),
    // When the published summary of feedback is expected, shown to every participant.
    summaryDueAt: timestamp({ withTimezone: true }),
    // The first part of the reference numbers its contributions are given (PC-2026-000123).
    referencePrefix: text().notNull().default("SV"),
    // Reports from this many distinct participants hide a comment pending review.
    autoHideThreshold: integer().notNull().default(AUTO_HIDE_DEFAULT),
    // When on, new comments wait for a moderator's approval.
    preModeration: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    // The last change to the consultation's own texts or schedule ("Last updated" on its pages).
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("consultations_slug_key").on(t.slug),
    check("consultations_schedule_order", sql`${t.opensAt} < ${t.closesAt}`),
    check("consultations_counter_after_comments", sql`${t.counterClosesAt} is null or ${t.counterClosesAt} > ${t.closesAt}`),
    check("consultations_reference_prefix", sql`${t.referencePrefix} ~ '${sql.raw(REFERENCE_PREFIX_PATTERN)}'`),
    check("consultations_languages_english", sql`${t.languages} @> array['en']::language[]`),
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
    // The official text, and a plain-language explainer of it.
    body: text().notNull(),
    bodyHi: text(),
    explainer: text(),
    explainerHi: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
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
