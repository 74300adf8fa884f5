import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { language, role, stakeholderGroup } from "./enums";
// Relative on purpose: drizzle-kit loads the schema without the app's path aliases.
import { EMAIL_CONFIRMATION_PURPOSES } from "../../lib/limits";

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
    // Set when the person erased their account: name, email, designation and password are scrubbed, and what
    // they wrote is attributed to "a former participant" of their stakeholder group.
    erasedAt: timestamp({ withTimezone: true }),
    // Set when the account was made beyond its network address's sign-up limit (lib/rules/intake-limits.ts):
    // nothing is refused, but its comments wait for a moderator until one of them is approved.
    heldAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    check("users_session_version_positive", sql`${t.sessionVersion} > 0`),
    check("users_name_not_blank", sql`${t.erasedAt} is not null or length(trim(${t.name})) > 0`),
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
    // "change": the address replaces the account's once confirmed; until then the old one still counts.
    purpose: text({ enum: EMAIL_CONFIRMATION_PURPOSES }).notNull().default("confirm"),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("email_confirmations_user_idx").on(t.userId, t.createdAt),
    check("email_confirmations_purpose", sql`${t.purpose} in ('confirm', 'change')`),
  ],
);

/** Single-use, short-lived password reset links; only a hash of the token is kept. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("password_resets_user_idx").on(t.userId, t.createdAt)],
);

/** Which notifications a participant gets by email; no row means every kind (the defaults). */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  decision: boolean().notNull().default(true),
  reply: boolean().notNull().default(true),
  citation: boolean().notNull().default(true),
  consultation: boolean().notNull().default(true),
  cosign: boolean().notNull().default(true),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Mail waiting to be sent, written in the same transaction as what it announces. The worker in each app
 * process claims due rows with FOR UPDATE SKIP LOCKED, sends them over SMTP and sets sent_at; a failure moves
 * next_attempt_at back (backoff) until failed_at gives up. In demo mode admins read the outbox in the app.
 */
export const outboundEmails = pgTable(
  "outbound_emails",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    // The RFC 8058 one-click unsubscribe address for notifications; null for account mail (resets, confirmations).
    unsubscribeUrl: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    // Set when the worker gives up after its last retry.
    failedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("outbound_emails_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
    index("outbound_emails_user_idx").on(t.userId),
  ],
);
export type PasswordReset = typeof passwordResets.$inferSelect;
export type NotificationPreferences = typeof notificationPreferences.$inferSelect;
export type OutboundEmailRow = typeof outboundEmails.$inferSelect;
