import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { consultations, principles } from "./consultations";
import { endorsementAction, stakeholderGroup } from "./enums";
import { organisations } from "./organisations";
import { users } from "./users";
// Relative on purpose: drizzle-kit loads the schema without the app's path aliases.
import { ENDORSEMENT_STATEMENT_MAX } from "../../lib/limits";

/**
 * The truth: an append-only list of endorse / withdraw events (a trigger refuses UPDATE and DELETE).
 * `targetKey` is the principle's id, or "consultation" for the Call as a whole.
 */
export const endorsementEvents = pgTable(
  "endorsement_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "restrict" }),
    principleId: uuid().references(() => principles.id, { onDelete: "restrict" }),
    targetKey: text().notNull(),
    actorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    organisationId: uuid().references(() => organisations.id, { onDelete: "restrict" }),
    action: endorsementAction().notNull(),
    statement: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("endorsement_events_target_idx").on(t.consultationId, t.targetKey, t.id),
    check("endorsement_events_target_key", sql`${t.targetKey} = coalesce(${t.principleId}::text, 'consultation')`),
    check(
      "endorsement_events_statement_length",
      sql`${t.statement} is null or char_length(${t.statement}) <= ${sql.raw(String(ENDORSEMENT_STATEMENT_MAX))}`,
    ),
  ],
);

/**
 * Derived from the events in the same transaction: one row per endorsement, kept after withdrawal (the registry
 * shows withdrawn entries). The partial unique indexes hold "one active endorsement per person, and per
 * organisation, per target" whatever the concurrency.
 */
export const endorsements = pgTable(
  "endorsements",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "restrict" }),
    principleId: uuid().references(() => principles.id, { onDelete: "restrict" }),
    targetKey: text().notNull(),
    // The person who endorsed (for an organisation: the representative who signed).
    endorserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    organisationId: uuid().references(() => organisations.id, { onDelete: "restrict" }),
    stakeholderGroup: stakeholderGroup().notNull(),
    statement: text(),
    endorsedEventId: bigint({ mode: "number" })
      .notNull()
      .references(() => endorsementEvents.id),
    endorsedAt: timestamp({ withTimezone: true }).notNull(),
    withdrawnEventId: bigint({ mode: "number" }).references(() => endorsementEvents.id),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnBy: uuid().references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("endorsements_active_person_key")
      .on(t.consultationId, t.targetKey, t.endorserId)
      .where(sql`${t.organisationId} is null and ${t.withdrawnAt} is null`),
    uniqueIndex("endorsements_active_organisation_key")
      .on(t.consultationId, t.targetKey, t.organisationId)
      .where(sql`${t.organisationId} is not null and ${t.withdrawnAt} is null`),
    index("endorsements_registry_idx").on(t.consultationId, t.endorsedAt),
    check("endorsements_withdrawal_complete", sql`(${t.withdrawnAt} is null) = (${t.withdrawnEventId} is null)`),
  ],
);

export type EndorsementEvent = typeof endorsementEvents.$inferSelect;
export type Endorsement = typeof endorsements.$inferSelect;
