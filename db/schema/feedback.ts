import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { language } from "./enums";
import { users } from "./users";
// Relative on purpose: drizzle-kit loads the schema without the app's path aliases.
import { FEEDBACK_MESSAGE_MAX, FEEDBACK_MESSAGE_MIN } from "../../lib/limits";

/** Feedback about the website itself (GIGW asks for a form); its id is the reference number the sender gets. */
export const siteFeedback = pgTable(
  "site_feedback",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // Optional: a visitor may write without giving a name or an address.
    name: text(),
    email: text(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    message: text().notNull(),
    // The page the sender was on, if they came from one.
    pagePath: text(),
    language: language().notNull(),
    // One row per form: a resubmitted form finds the feedback it already made.
    formToken: uuid().notNull().unique("site_feedback_form_token_key"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "site_feedback_message_length",
      sql`char_length(${t.message}) between ${sql.raw(`${FEEDBACK_MESSAGE_MIN} and ${FEEDBACK_MESSAGE_MAX}`)}`,
    ),
  ],
);

export type SiteFeedback = typeof siteFeedback.$inferSelect;
