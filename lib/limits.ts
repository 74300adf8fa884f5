/**
 * Closed sets and limits, written once. No imports: the database schema, the zod schemas, the rules and the
 * components all read them from here, so a limit cannot drift between the database, the server and the form.
 */

// Closed sets (the database's enums are built from these tuples).

/** The five stakeholder groups of the Internet Governance Forum: whose voice a contribution is. */
export const STAKEHOLDER_GROUPS = ["government", "private_sector", "civil_society", "technical_community", "academia"] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

/** What one may do on the platform. Never mixed with the stakeholder group. */
export const ROLES = ["participant", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** Roles that may moderate: every staff check reads this one list. */
export const STAFF_ROLES = ["moderator", "admin"] as const satisfies readonly Role[];

export const LOCALES = ["en", "hi"] as const;
export type Language = (typeof LOCALES)[number];

export const CONSULTATION_STATUSES = ["draft", "open", "closed"] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const STANCES = ["supports", "supports_with_changes", "has_concerns", "opposes", "none"] as const;
export type Stance = (typeof STANCES)[number];

/** One state at a time: awaiting moderation and hidden are set by moderators, withdrawn by the author. */
export const COMMENT_STATES = ["awaiting_moderation", "published", "hidden", "withdrawn"] as const;
export type CommentState = (typeof COMMENT_STATES)[number];

/** How a submission made outside the platform reached the moderators who entered it. */
export const OFF_PLATFORM_CHANNELS = ["post", "email", "meeting"] as const;
export type OffPlatformChannel = (typeof OFF_PLATFORM_CHANNELS)[number];

export const ENDORSEMENT_ACTIONS = ["endorse", "withdraw"] as const;
export type EndorsementAction = (typeof ENDORSEMENT_ACTIONS)[number];

export const REPORT_REASONS = ["spam", "abusive", "off_topic", "personal_data", "false_attribution", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** auto_hide is the system's; the rest are a moderator's or an admin's. */
export const MODERATION_ACTIONS = ["approve", "keep", "hide", "auto_hide", "restore", "block", "unblock"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
/** What a moderator may decide about one comment. */
export const COMMENT_DECISIONS = ["approve", "keep", "hide", "restore"] as const satisfies readonly ModerationAction[];
export type CommentDecision = (typeof COMMENT_DECISIONS)[number];
/** Decisions the person they concern may appeal, once. */
export const APPEALABLE_ACTIONS = ["hide", "auto_hide", "block"] as const satisfies readonly ModerationAction[];
export const APPEAL_OUTCOMES = ["upheld", "reversed"] as const;

/**
 * What a participant can be told about, in the app and (if they have not opted out) by email: a co-signing
 * request goes to the organisation's authorised representatives, a new grievance to the administrators.
 */
export const NOTIFICATION_KINDS = [
  "decision",
  "reply",
  "citation",
  "consultation_opened",
  "consultation_closing",
  "cosign_request",
  "grievance",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A co-signing organisation's answer to a joint submission, given by one of its authorised representatives. */
export const COSIGN_STATES = ["pending", "confirmed", "declined"] as const;
export type CosignState = (typeof COSIGN_STATES)[number];

/** Why an email address is being confirmed: the account's own address, or a new one that replaces it once confirmed. */
export const EMAIL_CONFIRMATION_PURPOSES = ["confirm", "change"] as const;
export type EmailConfirmationPurpose = (typeof EMAIL_CONFIRMATION_PURPOSES)[number];

/** What an erased participant chose for their comments: withdraw them, or keep them under "a former participant". */
export const ERASURE_COMMENT_CHOICES = ["withdraw", "keep"] as const;
export type ErasureCommentChoice = (typeof ERASURE_COMMENT_CHOICES)[number];
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

// Identifiers.

/** Reference numbers are PostgreSQL integers: anything outside 1…2³¹−1 is no id at all. */
export const MAX_ID = 2_147_483_647;

// Comments.

/** 0 is a top-level comment; replies nest at most three levels deep (depths 0, 1 and 2). */
export const COMMENT_MAX_DEPTH = 2;
export const COMMENT_BODY_MIN = 10;
export const COMMENT_BODY_MAX = 5000;
/**
 * pg_trgm similarity (0…1) of two top-level comments' normalised texts from which the later joins the earlier's
 * campaign group. A campaign's copies differ by a word or punctuation and score above 0.9; 0.8 still keeps
 * short texts apart that differ in a word that matters ("I support this principle" / "… strongly": 0.76;
 * "we support this" / "we do not support this": 0.70). Texts identical once normalised always group, whatever
 * their trigrams (a text in Devanagari may have none the index can use).
 */
export const CAMPAIGN_SIMILARITY = 0.8;
/**
 * Bulk intake (lib/rules/intake-limits.ts). An account is "new" for this many hours after sign-up. Once this many
 * new accounts' copies are in one campaign group, a further copy from a new account waits for a moderator: an
 * organised campaign by established participants is never held, and nothing is refused or lost.
 */
export const NEW_ACCOUNT_HOURS = 24;
export const CAMPAIGN_NEW_ACCOUNT_COPIES = 10;
/** Organisations a joint submission may name as co-signers, besides the one it is made on behalf of. */
export const COSIGNERS_MAX = 10;
/** The orders a section's comment list can be read in (the first is the default). */
export const COMMENT_SORTS = ["newest", "oldest", "replies"] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

// Endorsements, moderation and summaries.

export const ENDORSEMENT_STATEMENT_MAX = 500;
export const REPORT_DETAILS_MAX = 1000;
export const MODERATION_NOTE_MAX = 1000;
export const MEMBERSHIP_REASON_MAX = 500;
export const APPEAL_STATEMENT_MIN = 10;
export const APPEAL_STATEMENT_MAX = 2000;
/** Distinct participants' reports that hide a comment pending review: the default and the most a consultation may set. */
export const AUTO_HIDE_DEFAULT = 3;
export const AUTO_HIDE_MAX = 50;
/** The parts of a principle's summary, in the order they are shown. Markdown, citations written [#123]. */
export const SUMMARY_SECTIONS = [
  "overview",
  "government",
  "private_sector",
  "civil_society",
  "technical_community",
  "academia",
  "agreement",
  "disagreement",
  "notReflected",
] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];
export type SummaryContent = Partial<Record<SummarySection, string>>;
export const SUMMARY_SECTION_MAX = 20_000;
export const CONSULTATION_REPORT_INTRO_MIN = 50;
export const CONSULTATION_REPORT_INTRO_MAX = 10_000;

// Running consultations.

/** The Pre-Legislative Consultation Policy (2014) asks for at least this many days of public comment. */
export const COMMENT_PERIOD_MIN_DAYS = 30;
/** A stakeholder group above this share of a principle's comments is named on the page. */
export const GROUP_DOMINANCE_SHARE = 0.6;
/** Reference numbers read PREFIX-YEAR-NUMBER; the prefix is a consultation's, 2 to 6 capital letters. */
export const REFERENCE_PREFIX_PATTERN = "^[A-Z]{2,6}$";
export const FEEDBACK_REFERENCE_PREFIX = "FB";
export const CONSULTATION_TITLE_MAX = 300;
export const CONSULTATION_INTRO_MAX = 20_000;
export const SECTION_TITLE_MAX = 300;
export const SECTION_TEXT_MAX = 20_000;
export const SECTIONS_MAX = 100;
export const FEEDBACK_MESSAGE_MIN = 10;
export const FEEDBACK_MESSAGE_MAX = 5000;
export const SEARCH_QUERY_MAX = 200;
export const SUBMITTER_NAME_MAX = 200;
export const GRIEVANCE_MESSAGE_MIN = 10;
export const GRIEVANCE_MESSAGE_MAX = 5000;

// Accounts.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const NAME_MAX = 120;
export const DESIGNATION_MAX = 120;
export const ORGANISATION_NAME_MIN = 2;
export const ORGANISATION_NAME_MAX = 200;
export const EMAIL_MAX = 254;

// Open data API (/api/v1).

/** Items per page of a paginated list when `limit` is not given, and the most one page may hold. */
export const API_PAGE_DEFAULT = 50;
export const API_PAGE_MAX = 200;
/** Per caller's address: a burst of this many requests, then this many a minute (one every 500 ms). */
export const API_RATE_BURST = 120;
export const API_RATE_PER_MINUTE = 120;
/** How long a shared cache or a browser may reuse an answer before asking again (with If-None-Match). */
export const API_MAX_AGE_SECONDS = 60;
