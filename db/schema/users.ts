import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
