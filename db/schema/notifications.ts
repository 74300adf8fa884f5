import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { comments } from "./comments";
import { consultations } from "./consultations";
import { notificationKind } from "./enums";
import { moderationDecisions } from "./moderation";
import { organisations } from "./organisations";
import { grievances } from "./privacy";
import { summaryVersions } from "./summaries";
import { users } from "./users";

/**
 * What a participant is told about, in the app; the email (if they want one) is queued in the same
 * transaction. The subject columns a kind uses: decision → decision_id (and comment_id); reply → comment_id
 * (the reply); citation → summary_version_id and comment_id; consultation_* → consultation_id; cosign_request →
 * comment_id (the joint submission) and organisation_id (the organisation asked to co-sign); grievance → grievance_id.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull().default("decision"),
    decisionId: integer().references(() => moderationDecisions.id, { onDelete: "restrict" }),
    commentId: integer().references(() => comments.id, { onDelete: "cascade" }),
    summaryVersionId: integer().references(() => summaryVersions.id, { onDelete: "restrict" }),
    consultationId: uuid().references(() => consultations.id, { onDelete: "cascade" }),
    organisationId: uuid().references(() => organisations.id, { onDelete: "cascade" }),
    grievanceId: integer().references(() => grievances.id, { onDelete: "cascade" }),
    // Makes "tell them once" hold under retries and several instances, e.g. "reply:123" or "opened:<id>".
    dedupeKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id),
    uniqueIndex("notifications_dedupe_key")
      .on(t.userId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
  ],
);

/** One row per consultation and announcement ("opened", "closing"): whichever instance inserts it sends it. */
export const consultationAnnouncements = pgTable(
  "consultation_announcements",
  {
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    kind: text({ enum: ["opened", "closing"] }).notNull(),
    announcedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.kind] })],
);

export type Notification = typeof notifications.$inferSelect;
