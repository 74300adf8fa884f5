import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { language, role, stakeholderGroup } from "./enums";

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: role().notNull().default("participant"),
    stakeholderGroup: stakeholderGroup().notNull(),
    designation: text().notNull().default(""),
    preferredLanguage: language().notNull().default("en"),
    // Bumped on sign-out, role change and password change: every token carrying an older number is refused.
    sessionVersion: integer().notNull().default(1),
    // Set by a moderator's block decision: the participant may read but not write.
    writeBlockedAt: timestamp({ withTimezone: true }),
    // Set when the person follows the link sent to the address: only then does the address prove anything,
    // such as membership of an organisation whose verified domain it is at.
    emailConfirmedAt: timestamp({ withTimezone: true }),
    privacyNoticeVersion: text().notNull(),
    privacyConsentedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    check("users_session_version_positive", sql`${t.sessionVersion} > 0`),
    check("users_name_not_blank", sql`length(trim(${t.name})) > 0`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** One-time links that confirm an email address; only a hash of the token is kept. */
export const emailConfirmations = pgTable(
  "email_confirmations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("email_confirmations_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Mail waiting to be sent, written in the same transaction as what it announces. A relay configured by the
 * operator delivers it and sets sent_at; in demo mode the app shows the newest message to its recipient.
 */
export const outboundEmails = pgTable(
  "outbound_emails",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("outbound_emails_unsent_idx")
      .on(t.createdAt)
      .where(sql`${t.sentAt} is null`),
  ],
);
