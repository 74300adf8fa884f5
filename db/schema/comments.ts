import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { consultations, principles } from "./consultations";
import { commentState, cosignState, language, offPlatformChannel, stakeholderGroup, stance } from "./enums";
import { organisations } from "./organisations";
import { users } from "./users";
// Relative on purpose: drizzle-kit loads the schema without the app's path aliases.
import { COMMENT_BODY_MAX, COMMENT_BODY_MIN, COMMENT_MAX_DEPTH } from "../../lib/limits";

export const comments = pgTable(
  "comments",
  {
    // A small number people can quote: it is the comment's reference number and its citation key ([#123]).
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    principleId: uuid()
      .notNull()
      .references(() => principles.id, { onDelete: "cascade" }),
    // Null only for a submission received off the platform, whose submitter has no account here.
    authorId: uuid().references(() => users.id, { onDelete: "restrict" }),
    offPlatform: boolean().notNull().default(false),
    parentId: integer().references((): AnyPgColumn => comments.id, { onDelete: "restrict" }),
    // The top-level comment of the thread; null on a top-level comment. One query loads whole threads.
    rootId: integer(),
    depth: integer().notNull().default(0),
    // Capacity is fixed when the comment is made: null = personal, else on behalf of this organisation.
    organisationId: uuid().references(() => organisations.id, { onDelete: "restrict" }),
    // Whose voice it was when written (the organisation's group when on its behalf), for statistics.
    stakeholderGroup: stakeholderGroup().notNull(),
    stance: stance().notNull(),
    body: text().notNull(),
    language: language().notNull(),
    // A personal comment may show only the author's stakeholder group; one for an organisation always names it.
    nameShown: boolean().notNull().default(true),
    state: commentState().notNull().default("published"),
    // Replies anywhere in the thread, kept on the top-level comment for "most replies" ordering.
    threadReplyCount: integer().notNull().default(0),
    // One comment per form: a resubmitted form finds the comment it already made.
    formToken: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // When it first became visible to everyone; a comment withdrawn before that never shows publicly.
    publishedAt: timestamp({ withTimezone: true }),
    editedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    // The text with case, punctuation and runs of spaces folded away: what campaign grouping compares
    // (pg_trgm similarity on both engines).
    normalisedBody: text().generatedAlwaysAs(sql`btrim(regexp_replace(lower(body), '[[:space:][:punct:]]+', ' ', 'g'))`),
    // Identical or nearly identical top-level comments on one principle share the id of the first of them,
    // which is set on the first one too; null when the comment is in no group.
    campaignLeadId: integer().references((): AnyPgColumn => comments.id, { onDelete: "set null" }),
    // A moderator split the comment out of a group it was wrongly put in; it is never grouped again.
    campaignSplitAt: timestamp({ withTimezone: true }),
    campaignSplitBy: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("comments_form_token_key").on(t.formToken),
    index("comments_normalised_trgm_idx").using("gin", t.normalisedBody.op("gin_trgm_ops")),
    index("comments_campaign_lead_idx").on(t.campaignLeadId),
    index("comments_principle_idx").on(t.principleId, t.id),
    // The open-data API and CSV walk a whole consultation's comments by id.
    index("comments_consultation_idx").on(t.consultationId, t.id),
    index("comments_principle_replies_idx").on(t.principleId, t.threadReplyCount, t.id),
    index("comments_root_idx").on(t.rootId),
    index("comments_author_idx").on(t.authorId),
    check("comments_depth_range", sql`${t.depth} between 0 and ${sql.raw(String(COMMENT_MAX_DEPTH))}`),
    check("comments_body_length", sql`char_length(${t.body}) between ${sql.raw(`${COMMENT_BODY_MIN} and ${COMMENT_BODY_MAX}`)}`),
    check("comments_parent_depth", sql`(${t.parentId} is null) = (${t.depth} = 0)`),
    check("comments_author_or_off_platform", sql`(${t.authorId} is null) = ${t.offPlatform}`),
    check("comments_organisation_named", sql`${t.organisationId} is null or ${t.nameShown}`),
  ],
);

/** Every text a comment has had, in order; version 1 is written with the comment. */
export const commentVersions = pgTable(
  "comment_versions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    commentId: integer()
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    body: text().notNull(),
    stance: stance().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("comment_versions_comment_version_key").on(t.commentId, t.version)],
);

/**
 * Who sent a submission that arrived by post, email or at a meeting, and how; the moderator who entered it is
 * recorded. Its comment row carries the text, group and stance like any other, so it counts everywhere.
 */
export const offPlatformSubmissions = pgTable("off_platform_submissions", {
  commentId: integer()
    .primaryKey()
    .references(() => comments.id, { onDelete: "cascade" }),
  // A person's or an organisation's name, as the submission gave it.
  submitterName: text().notNull(),
  channel: offPlatformChannel().notNull(),
  receivedAt: timestamp({ withTimezone: true }).notNull(),
  enteredBy: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "restrict" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A joint submission: the comment is made on behalf of its author's organisation, and each co-signing
 * organisation shows as co-signed only once one of its authorised representatives confirmed it.
 */
export const commentCosigners = pgTable(
  "comment_cosigners",
  {
    commentId: integer()
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    state: cosignState().notNull().default("pending"),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // The representative who confirmed or declined for the organisation.
    decidedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.organisationId] }),
    index("comment_cosigners_organisation_idx").on(t.organisationId, t.state),
    check("comment_cosigners_decided", sql`(${t.state} = 'pending') = (${t.decidedAt} is null)`),
  ],
);

export type Comment = typeof comments.$inferSelect;
export type CommentCosigner = typeof commentCosigners.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type CommentVersion = typeof commentVersions.$inferSelect;
export type OffPlatformSubmission = typeof offPlatformSubmissions.$inferSelect;

/**
 * Published comments per principle, stakeholder group and stance, kept by a trigger on `comments` (migration
 * 0010) in the same transaction as every write, so that statistics read a few rows instead of counting every
 * comment on every page view.
 */
export const principleCommentCounts = pgTable(
  "principle_comment_counts",
  {
    principleId: uuid()
      .notNull()
      .references(() => principles.id, { onDelete: "cascade" }),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    stakeholderGroup: stakeholderGroup().notNull(),
    stance: stance().notNull(),
    n: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.principleId, t.stakeholderGroup, t.stance] }),
    index("principle_comment_counts_consultation_idx").on(t.consultationId),
    check("principle_comment_counts_not_negative", sql`${t.n} >= 0`),
  ],
);
