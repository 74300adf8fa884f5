import { pgEnum } from "drizzle-orm/pg-core";

/** The five stakeholder groups of the Internet Governance Forum: whose voice a contribution is. */
export const stakeholderGroups = [
  "government",
  "private_sector",
  "civil_society",
  "technical_community",
  "academia",
] as const;
export const stakeholderGroup = pgEnum("stakeholder_group", stakeholderGroups);
export type StakeholderGroup = (typeof stakeholderGroups)[number];

/** What one may do on the platform. Never mixed with the stakeholder group. */
export const roles = ["participant", "moderator", "admin"] as const;
export const role = pgEnum("role", roles);
export type Role = (typeof roles)[number];

export const locales = ["en", "hi"] as const;
export const language = pgEnum("language", locales);
export type Language = (typeof locales)[number];

export const consultationStatuses = ["draft", "open", "closed"] as const;
export const consultationStatus = pgEnum("consultation_status", consultationStatuses);
export type ConsultationStatus = (typeof consultationStatuses)[number];

export const stances = ["supports", "supports_with_changes", "has_concerns", "opposes", "none"] as const;
export const stance = pgEnum("stance", stances);
export type Stance = (typeof stances)[number];

/** One state at a time; hidden and awaiting moderation are set by moderation (later), withdrawn by the author. */
export const commentStates = ["awaiting_moderation", "published", "hidden", "withdrawn"] as const;
export const commentState = pgEnum("comment_state", commentStates);
export type CommentState = (typeof commentStates)[number];

export const endorsementActions = ["endorse", "withdraw"] as const;
export const endorsementAction = pgEnum("endorsement_action", endorsementActions);
export type EndorsementAction = (typeof endorsementActions)[number];

export const reportReasons = ["spam", "abusive", "off_topic", "personal_data", "false_attribution", "other"] as const;
export const reportReason = pgEnum("report_reason", reportReasons);
export type ReportReason = (typeof reportReasons)[number];

/** auto_hide is the system's; the rest are a moderator's or an admin's. */
export const moderationActions = ["approve", "keep", "hide", "auto_hide", "restore", "block", "unblock"] as const;
export const moderationAction = pgEnum("moderation_action", moderationActions);
export type ModerationAction = (typeof moderationActions)[number];
