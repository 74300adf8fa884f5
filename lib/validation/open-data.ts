import { z } from "zod";
import {
  API_PAGE_DEFAULT,
  API_PAGE_MAX,
  APPEAL_OUTCOMES,
  COMMENT_STATES,
  CONSULTATION_STATUSES,
  ENDORSEMENT_ACTIONS,
  LOCALES,
  MAX_ID,
  MODERATION_ACTIONS,
  OFF_PLATFORM_CHANNELS,
  STAKEHOLDER_GROUPS,
  STANCES,
  SUMMARY_SECTIONS,
} from "@/lib/limits";

/**
 * The open data API's responses (/api/v1). Every response is parsed with its schema before it is sent, and the
 * OpenAPI document is generated from the same schemas (lib/http/openapi.ts), so the two cannot drift apart.
 * Objects are strict: a field added to a query but not here fails the parse instead of leaking out unannounced.
 */

const time = z.iso.datetime().describe("An instant, ISO 8601 in UTC");
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const group = z.enum(STAKEHOLDER_GROUPS);
const nextLink = z.string().nullable().describe("The address of the next page, or null on the last page");

export const consultationSchema = z.strictObject({
  id: z.uuid(),
  slug,
  title: z.string(),
  titleHi: z.string().nullable(),
  description: z.string(),
  descriptionHi: z.string().nullable(),
  status: z.enum(CONSULTATION_STATUSES.filter((s) => s !== "draft") as ["open", "closed"]),
  owner: z.string().nullable().describe("The organisation that runs the consultation"),
  opensAt: time,
  closesAt: time,
  counterClosesAt: time.nullable().describe("End of the counter-comment window (replies only), or null"),
  summaryDueAt: time.nullable(),
  closedAt: time.nullable(),
  principleCount: z.int().nonnegative(),
  updatedAt: time.nullable().describe("When its public content last changed"),
  links: z.strictObject({
    self: z.string(),
    principles: z.string(),
    comments: z.string(),
    endorsements: z.string(),
    endorsementEvents: z.string(),
    summaries: z.string(),
    ledger: z.string(),
    statistics: z.string(),
    commentsCsv: z.string(),
    endorsementsCsv: z.string(),
    ledgerCsv: z.string(),
  }),
});
export type OpenConsultation = z.infer<typeof consultationSchema>;

export const consultationListSchema = z.strictObject({ data: z.array(consultationSchema) });
export const consultationOneSchema = z.strictObject({ data: consultationSchema });

export const principleSchema = z.strictObject({
  id: z.uuid(),
  position: z.int().positive(),
  slug,
  title: z.string(),
  titleHi: z.string().nullable(),
  body: z.string(),
  bodyHi: z.string().nullable(),
  explainer: z.string().nullable(),
  explainerHi: z.string().nullable(),
  updatedAt: time,
  latestSummaryVersion: z.int().positive().nullable(),
});
export const principleListSchema = z.strictObject({ data: z.array(principleSchema) });

export const commentSchema = z
  .strictObject({
    id: z.int().positive().describe("The comment's reference number, also its citation key [#id]"),
    principleId: z.uuid(),
    principleSlug: slug,
    principlePosition: z.int().positive(),
    parentId: z.int().positive().nullable(),
    rootId: z.int().positive().nullable(),
    depth: z.int().nonnegative(),
    state: z.enum(COMMENT_STATES),
    stakeholderGroup: group,
    stance: z.enum(STANCES).nullable().describe("Null unless the comment is published"),
    language: z.enum(LOCALES).nullable().describe("Null unless the comment is published"),
    body: z.string().nullable().describe("The text; null unless the comment is published"),
    authorName: z
      .string()
      .nullable()
      .describe("Null when the author chose to show only their group, left the platform, or the comment is not published"),
    authorDesignation: z.string().nullable(),
    formerParticipant: z.boolean().describe("The author erased their account"),
    organisation: z.strictObject({ id: z.uuid(), name: z.string(), verified: z.boolean() }).nullable(),
    offPlatformChannel: z.enum(OFF_PLATFORM_CHANNELS).nullable().describe("How a submission made outside the platform arrived"),
    createdAt: time,
    publishedAt: time.nullable(),
    editedAt: time.nullable(),
    withdrawnAt: time.nullable(),
    hiddenUnderRule: z.int().positive().nullable().describe("The rule of the latest hide; null for an automatic hide"),
    citedInSummaryVersion: z.int().positive().nullable(),
    campaignLeadId: z
      .int()
      .positive()
      .nullable()
      .describe(
        "Campaign grouping, as the principle page shows it: the id of the group's entry (its earliest published member) when this published comment is one of at least two published, identical or nearly identical comments; null otherwise and unless the comment is published",
      ),
    cosigners: z
      .array(z.strictObject({ id: z.uuid(), name: z.string() }))
      .nullable()
      .describe(
        "A joint submission's co-signing organisations that confirmed, in the order they confirmed (empty when none did); null unless the comment is published",
      ),
  })
  .describe("A hidden, held or withdrawn comment keeps its place with its state, but without its text or its author's name");
export type OpenComment = z.infer<typeof commentSchema>;

export const commentPageSchema = z.strictObject({ data: z.array(commentSchema), nextCursor: z.string().nullable(), next: nextLink });
export const commentOneSchema = z.strictObject({ data: commentSchema });

export const endorsementSchema = z.strictObject({
  id: z.int().positive(),
  target: z.string().describe('"consultation" for the Call as a whole, else the principle\'s id'),
  principlePosition: z.int().positive().nullable(),
  stakeholderGroup: group,
  name: z.string().nullable().describe("The endorser (for an organisation, the representative who signed); null for a former participant"),
  designation: z.string().nullable(),
  formerParticipant: z.boolean(),
  organisation: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
  capacity: z.enum(["personal", "on_behalf_of_organisation"]),
  statement: z.string().nullable(),
  endorsedAt: time,
  withdrawnAt: time.nullable(),
});
export type OpenEndorsement = z.infer<typeof endorsementSchema>;
export const endorsementPageSchema = z.strictObject({
  data: z.array(endorsementSchema),
  nextCursor: z.string().nullable(),
  next: nextLink,
});

export const endorsementEventSchema = z.strictObject({
  id: z.int().positive(),
  endorsementId: z.int().positive().describe("The registry entry the event opened or closed"),
  action: z.enum(ENDORSEMENT_ACTIONS),
  target: z.string(),
  principlePosition: z.int().positive().nullable(),
  stakeholderGroup: group,
  capacity: z.enum(["personal", "on_behalf_of_organisation"]),
  at: time,
});
export const endorsementEventPageSchema = z.strictObject({
  data: z.array(endorsementEventSchema),
  nextCursor: z.string().nullable(),
  next: nextLink,
});

const sectionsSchema = z.strictObject(
  Object.fromEntries(SUMMARY_SECTIONS.map((s) => [s, z.string().optional()])) as {
    [K in (typeof SUMMARY_SECTIONS)[number]]: z.ZodOptional<z.ZodString>;
  },
);

export const summaryVersionSchema = z.strictObject({
  id: z.int().positive().describe("The version's own id, in the order versions were published (the cursor of this list)"),
  principleId: z.uuid(),
  principleSlug: slug,
  principlePosition: z.int().positive(),
  version: z.int().positive(),
  publishedAt: time,
  publishedByRole: z.string(),
  sections: sectionsSchema.describe("Markdown; citations are written [#comment id]"),
  citations: z.array(
    z.strictObject({
      commentId: z.int().positive(),
      section: z.enum(SUMMARY_SECTIONS),
      commentState: z.enum(COMMENT_STATES).describe("The cited comment's state today"),
    }),
  ),
});
export const summaryListSchema = z.strictObject({ data: z.array(summaryVersionSchema), nextCursor: z.string().nullable(), next: nextLink });

export const ledgerEntrySchema = z.strictObject({
  id: z.int().positive(),
  at: time,
  action: z.enum(MODERATION_ACTIONS),
  ruleNumber: z.int().positive().nullable(),
  actingRole: z.string().describe("system, moderator or admin; never who"),
  principlePosition: z.int().positive(),
  authorStakeholderGroup: group,
  appeal: z.enum(["none", "pending", ...APPEAL_OUTCOMES]),
});
export type OpenLedgerEntry = z.infer<typeof ledgerEntrySchema>;
export const ledgerSchema = z.strictObject({ data: z.array(ledgerEntrySchema), nextCursor: z.string().nullable(), next: nextLink });

const stanceCount = z.strictObject({ stakeholderGroup: group, stance: z.enum(STANCES), n: z.int().nonnegative() });
const endorsementCount = z.strictObject({
  stakeholderGroup: group,
  capacity: z.enum(["personal", "on_behalf_of_organisation"]),
  n: z.int().nonnegative(),
});
export const statisticsSchema = z.strictObject({
  data: z.strictObject({
    comments: z.array(stanceCount).describe("Published comments by group and stance, all principles"),
    endorsements: z.array(endorsementCount).describe("Active endorsements by group and capacity, every target"),
    hiddenComments: z.array(z.strictObject({ stakeholderGroup: group, n: z.int().nonnegative() })),
    principles: z.array(
      z.strictObject({
        principleId: z.uuid(),
        position: z.int().positive(),
        slug,
        comments: z.array(stanceCount),
        endorsements: z.array(endorsementCount),
      }),
    ),
    consultationEndorsements: z.array(endorsementCount).describe("Endorsements of the consultation as a whole"),
  }),
});

export const errorSchema = z.strictObject({
  error: z.enum(["invalid_parameter", "not_found", "rate_limited"]),
  parameter: z.string().optional(),
  message: z.string(),
  retryAfterSeconds: z.int().positive().optional(),
});
export type ApiErrorBody = z.infer<typeof errorSchema>;

// ---- Query parameters ---------------------------------------------------------------------------------------

/** A cursor: the id of the last item of the previous page. */
export const afterParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, "must be a positive whole number")
  .transform(Number)
  .refine((n) => n <= MAX_ID, "is not an id")
  .describe("Cursor: the id of the last item of the previous page (the `nextCursor` it gave)");

export const limitParam = z
  .string()
  .regex(/^[1-9]\d{0,3}$/, "must be a positive whole number")
  .transform(Number)
  .refine((n) => n <= API_PAGE_MAX, `must be at most ${API_PAGE_MAX}`)
  .describe(`Items per page, 1 to ${API_PAGE_MAX} (default ${API_PAGE_DEFAULT})`);

export const principleParam = slug.describe("Only this principle's items (its slug)");
export const groupParam = group.describe("Only this stakeholder group's items");
export const targetParam = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/)
  .describe('"consultation" for endorsements of the whole consultation, or a principle\'s slug');
