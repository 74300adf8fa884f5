import { pgEnum } from "drizzle-orm/pg-core";
// Relative on purpose: drizzle-kit loads the schema without the app's path aliases.
import {
  COMMENT_STATES,
  CONSULTATION_STATUSES,
  COSIGN_STATES,
  ENDORSEMENT_ACTIONS,
  LOCALES,
  MODERATION_ACTIONS,
  NOTIFICATION_KINDS,
  OFF_PLATFORM_CHANNELS,
  REPORT_REASONS,
  ROLES,
  STAKEHOLDER_GROUPS,
  STANCES,
} from "../../lib/limits";

// The closed sets themselves live in lib/limits.ts; these are their PostgreSQL enums.
export const stakeholderGroup = pgEnum("stakeholder_group", STAKEHOLDER_GROUPS);
export const role = pgEnum("role", ROLES);
export const language = pgEnum("language", LOCALES);
export const consultationStatus = pgEnum("consultation_status", CONSULTATION_STATUSES);
export const stance = pgEnum("stance", STANCES);
export const commentState = pgEnum("comment_state", COMMENT_STATES);
export const endorsementAction = pgEnum("endorsement_action", ENDORSEMENT_ACTIONS);
export const reportReason = pgEnum("report_reason", REPORT_REASONS);
export const moderationAction = pgEnum("moderation_action", MODERATION_ACTIONS);
export const offPlatformChannel = pgEnum("off_platform_channel", OFF_PLATFORM_CHANNELS);
export const notificationKind = pgEnum("notification_kind", NOTIFICATION_KINDS);
export const cosignState = pgEnum("cosign_state", COSIGN_STATES);

export type {
  CommentState,
  ConsultationStatus,
  CosignState,
  EndorsementAction,
  Language,
  ModerationAction,
  NotificationKind,
  OffPlatformChannel,
  ReportReason,
  Role,
  StakeholderGroup,
  Stance,
} from "../../lib/limits";
