import { z } from "zod";
import { idField } from "./text";

/** A moderator's split of a wrongly grouped comment; `returnTo` is the page the control was on. */
export const splitCampaignSchema = z.object({ commentId: idField, returnTo: z.string().max(500).default("") });

/** The author of a joint submission names one more co-signing organisation. */
export const requestCosignSchema = z.object({ commentId: idField, organisationId: z.uuid("cosignerInvalid") });

/** An authorised representative's answer to a co-signing request. */
export const decideCosignSchema = z.object({
  commentId: idField,
  organisationId: z.uuid("cosignerInvalid"),
  decision: z.enum(["confirmed", "declined"], "actionInvalid"),
});
