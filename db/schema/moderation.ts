import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { comments } from "./comments";
import { consultations } from "./consultations";
import { moderationAction, reportReason } from "./enums";
import { users } from "./users";

/** The published, numbered rules of a consultation's moderation policy. */
export const moderationRules = pgTable(
  "moderation_rules",
  {
    id: uuid().primaryKey().defaultRandom(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    title: text().notNull(),
    titleHi: text(),
    body: text().notNull(),
    bodyHi: text(),
  },
  (t) => [
    uniqueIndex("moderation_rules_number_key").on(t.consultationId, t.number),
    check("moderation_rules_number_positive", sql`${t.number} > 0`),
  ],
);

/** One report per participant per comment. */
export const reports = pgTable(
  "reports",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    commentId: integer()
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reporterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: reportReason().notNull(),
    details: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Set when a moderator's decision settles the report (keep, hide, approve).
    settledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("reports_comment_reporter_key").on(t.commentId, t.reporterId),
    check("reports_other_needs_details", sql`${t.reason} <> 'other' or char_length(trim(${t.details})) > 0`),
    check("reports_details_length", sql`char_length(${t.details}) <= 1000`),
  ],
);

/** Every moderation decision; append-only (trigger). The public ledger is a view of it. */
export const moderationDecisions = pgTable(
  "moderation_decisions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "restrict" }),
    commentId: integer().references(() => comments.id, { onDelete: "restrict" }),
    // Whose content or account the decision is about; null for a submission received off the platform.
    subjectUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    action: moderationAction().notNull(),
    ruleId: uuid().references(() => moderationRules.id, { onDelete: "restrict" }),
    note: text().notNull().default(""),
    // Null for the system's automatic hide.
    actorId: uuid().references(() => users.id, { onDelete: "restrict" }),
    actorRole: text().notNull(),
    // A decision that settles an appeal points at it.
    appealId: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("moderation_decisions_consultation_idx").on(t.consultationId, t.id),
    index("moderation_decisions_comment_idx").on(t.commentId),
    check("moderation_decisions_hide_has_rule", sql`${t.action} not in ('hide', 'block') or ${t.ruleId} is not null`),
    check("moderation_decisions_actor", sql`(${t.actorId} is null) = (${t.actorRole} = 'system')`),
  ],
);

/** One appeal per decision, decided by someone other than the decision's author. */
export const appeals = pgTable(
  "appeals",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    decisionId: integer()
      .notNull()
      .references(() => moderationDecisions.id, { onDelete: "restrict" }),
    appellantId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    statement: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    outcome: text(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("appeals_decision_key").on(t.decisionId),
    check("appeals_outcome", sql`${t.outcome} is null or ${t.outcome} in ('upheld', 'reversed')`),
    check("appeals_statement_length", sql`char_length(${t.statement}) between 10 and 2000`),
  ],
);

/** Security-relevant events; append-only (trigger). Never a password or a token. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorRole: text(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    address: text(),
    details: jsonb().$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_action_idx").on(t.action, t.at),
    index("audit_log_actor_idx").on(t.actorId, t.at),
  ],
);

export type ModerationRule = typeof moderationRules.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type ModerationDecision = typeof moderationDecisions.$inferSelect;
export type Appeal = typeof appeals.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
