import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { language } from "./enums";
import { users } from "./users";
// Relative on purpose: drizzle-kit loads the schema without the app's path aliases.
import { GRIEVANCE_MESSAGE_MAX, GRIEVANCE_MESSAGE_MIN } from "../../lib/limits";

/** Every consent given, with the version of the privacy notice it was given to (DPDP Act 2023, s. 6). */
export const privacyConsents = pgTable(
  "privacy_consents",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    noticeVersion: text().notNull(),
    // The person declared they are 18 or over (the Act needs a guardian's consent for a child).
    adultDeclared: boolean().notNull(),
    consentedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("privacy_consents_user_idx").on(t.userId, t.consentedAt), check("privacy_consents_adult", sql`${t.adultDeclared}`)],
);

/** Grievances to the grievance officer (DPDP Act 2023, s. 13); the id is the reference number the sender gets. */
export const grievances = pgTable(
  "grievances",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    name: text().notNull(),
    email: text().notNull(),
    message: text().notNull(),
    language: language().notNull(),
    // One row per form: a resubmitted form finds the grievance it already made.
    formToken: uuid().notNull().unique("grievances_form_token_key"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    resolution: text(),
  },
  (t) => [
    index("grievances_open_idx").on(t.createdAt),
    check(
      "grievances_message_length",
      sql`char_length(${t.message}) between ${sql.raw(`${GRIEVANCE_MESSAGE_MIN} and ${GRIEVANCE_MESSAGE_MAX}`)}`,
    ),
  ],
);

export type PrivacyConsent = typeof privacyConsents.$inferSelect;
export type Grievance = typeof grievances.$inferSelect;
