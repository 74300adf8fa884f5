"use server";

import { clientAddress } from "@/lib/auth/client-address";
import { decideCosigning, requestCosigning, splitCampaignMember } from "@/lib/commands/campaigns";
import { decideCosignSchema, requestCosignSchema, splitCampaignSchema } from "@/lib/validation/campaigns";
import { buttonAction } from "./kit/form-action";

/** A moderator splits a wrongly grouped comment out of its campaign group; back to the page the control was on. */
export const splitCampaignEntry = buttonAction({
  name: "splitCampaignEntry",
  schema: splitCampaignSchema,
  target: (i) => ({ type: "comment", id: String(i.commentId) }),
  back: (raw) => ({ returnTo: raw.returnTo ?? "", fallback: /^\d{1,10}$/.test(raw.commentId ?? "") ? `/comments/${raw.commentId}` : "/" }),
  run: async ({ db, actor, input }) => {
    const result = await splitCampaignMember(db, actor, { commentId: input.commentId, address: await clientAddress() });
    return result.ok ? { ok: true, done: "campaignSplit" } : result;
  },
});

/** The author of a joint submission names one more co-signing organisation. */
export const requestCosigner = buttonAction({
  name: "requestCosigner",
  schema: requestCosignSchema,
  target: (i) => ({ type: "comment", id: String(i.commentId) }),
  back: (raw) => ({ path: /^\d{1,10}$/.test(raw.commentId ?? "") ? `/cosign/request/${raw.commentId}` : "/cosign" }),
  run: async ({ db, actor, input }) => {
    const result = await requestCosigning(db, actor, input);
    if (!result.ok) return result;
    return { ok: true, done: result.added ? "cosignRequested" : "cosignAlreadyRequested" };
  },
});

/** An authorised representative confirms or declines a co-signing request. */
export const answerCosignRequest = buttonAction({
  name: "answerCosignRequest",
  schema: decideCosignSchema,
  target: (i) => ({ type: "comment", id: String(i.commentId) }),
  back: () => ({ path: "/cosign" }),
  run: async ({ db, actor, input }) => {
    const result = await decideCosigning(db, actor, input);
    if (!result.ok) return result;
    return { ok: true, done: input.decision === "confirmed" ? "cosignConfirmed" : "cosignDeclined" };
  },
});
