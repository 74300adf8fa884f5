import { z } from "zod";
import { COMMENT_BODY_MAX, COMMENT_BODY_MIN, ENDORSEMENT_STATEMENT_MAX, LOCALES, STANCES } from "@/lib/limits";
import { idField, longText } from "./text";

const body = longText({ min: COMMENT_BODY_MIN, max: COMMENT_BODY_MAX }, { tooShort: "commentTooShort", tooLong: "commentTooLong" });

/** "personal" or the id of an organisation the author speaks for. */
const capacity = z.union([z.literal("personal"), z.uuid("capacityInvalid")], "capacityInvalid");

export const commentSchema = z.object({
  body,
  stance: z.enum(STANCES, "stanceRequired"),
  capacity: capacity.default("personal"),
  /**
   * A personal comment shows the author's name ("name") or only their stakeholder group ("group"). Ignored for a
   * comment on behalf of an organisation, which always names the organisation (the database holds that too).
   * Absent means "name", as before the choice existed.
   */
  show: z.enum(["name", "group"], "showInvalid").optional(),
  /** The language the comment is written in; absent, the language of the page it was written on. */
  language: z.enum(LOCALES, "languageInvalid").optional(),
  formToken: z.uuid("formExpired"),
  stamp: z.string().max(200).default(""),
  // The honeypot: people never see it, so it must arrive empty.
  website: z.string().max(500).default(""),
  parentId: idField.optional(),
});
export type CommentInput = z.infer<typeof commentSchema>;

/** Which section a new comment is for; read with the comment, not part of what the author typed. */
export const commentPlaceSchema = commentSchema.extend({
  consultationSlug: z.string().max(200).default(""),
  principleSlug: z.string().max(200).default(""),
});

export const editCommentSchema = z.object({
  commentId: idField,
  body,
  stance: z.enum(STANCES, "stanceRequired"),
});

export const withdrawCommentSchema = z.object({ commentId: idField });

export const endorsementSchema = z.object({
  // "consultation" or a principle's id
  target: z.union([z.literal("consultation"), z.uuid()], "targetInvalid"),
  capacity,
  statement: longText({ max: ENDORSEMENT_STATEMENT_MAX }, { tooLong: "statementTooLong" }).default(""),
});
export type EndorsementInput = z.infer<typeof endorsementSchema>;

export const endorsementPlaceSchema = endorsementSchema.extend({
  consultationSlug: z.string().max(200).default(""),
  returnTo: z.string().max(500).default(""),
});

export const withdrawEndorsementSchema = z.object({ endorsementId: idField, returnTo: z.string().max(500).default("") });
