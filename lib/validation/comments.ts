import { z } from "zod";
import { stances } from "@/db/schema/enums";

const body = z
  .string()
  .transform((s) => s.replace(/\r\n/g, "\n").trim())
  .pipe(z.string().min(10, "commentTooShort").max(5000, "commentTooLong"));

/** "personal" or the id of an organisation the author speaks for. */
const capacity = z.union([z.literal("personal"), z.uuid("capacityInvalid")], "capacityInvalid");

export const commentFields = ["body", "stance", "capacity", "formToken", "stamp", "website", "parentId"] as const;

export const commentSchema = z.object({
  body,
  stance: z.enum(stances, "stanceRequired"),
  capacity: capacity.default("personal"),
  formToken: z.uuid("formExpired"),
  stamp: z.string().max(200).default(""),
  // The honeypot: people never see it, so it must arrive empty.
  website: z.string().max(500).default(""),
  parentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export type CommentInput = z.infer<typeof commentSchema>;

export const editCommentFields = ["body", "stance", "commentId"] as const;
export const editCommentSchema = z.object({
  commentId: z.coerce.number().int().positive().max(2_147_483_647),
  body,
  stance: z.enum(stances, "stanceRequired"),
});

export const withdrawCommentSchema = z.object({ commentId: z.coerce.number().int().positive().max(2_147_483_647) });

export const endorsementFields = ["target", "capacity", "statement"] as const;
export const endorsementSchema = z.object({
  // "consultation" or a principle's id
  target: z.union([z.literal("consultation"), z.uuid()], "targetInvalid"),
  capacity,
  statement: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(500, "statementTooLong"))
    .default(""),
});
export type EndorsementInput = z.infer<typeof endorsementSchema>;

export const withdrawEndorsementSchema = z.object({ endorsementId: z.coerce.number().int().positive().max(2_147_483_647) });
