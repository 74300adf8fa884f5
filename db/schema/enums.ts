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
