import { boolean, doublePrecision, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Sign-in attempts live in the database, not in server memory, so every app instance counts the same failures.
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    emailKey: text().notNull(),
    address: text().notNull(),
    // Null while the password is being checked: a pending attempt counts as a failure, so racing requests
    // cannot slip past the limit.
    succeeded: boolean(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.emailKey, t.attemptedAt),
    index("sign_in_attempts_address_idx").on(t.address, t.attemptedAt),
  ],
);

/** Token buckets for write limits (e.g. "comment:<user id>"), shared by every app instance. */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text().primaryKey(),
  tokens: doublePrecision().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

export type SignInAttempt = typeof signInAttempts.$inferSelect;
