"use server";

import {
  appealDecision,
  blockParticipant,
  decideAppeal,
  moderateComment,
  reportComment,
  setAutoHideThreshold,
  setPreModeration,
} from "@/lib/commands/moderation";
import { auditEvent } from "@/lib/auth/audit-events";
import {
  appealDecisionSchema,
  appealSchema,
  blockSchema,
  decisionSchema,
  preModerationSchema,
  reportSchema,
  thresholdSchema,
} from "@/lib/validation/moderation";
import { buttonAction, formAction } from "./kit/form-action";

/** Staff forms return to the queue they were on (the queue takes the consultation from the URL). */
const queue = (slug: string) => ({ path: slug ? `/moderate?consultation=${slug}` : "/moderate" });

export const submitReport = formAction({
  name: "submitReport",
  schema: reportSchema,
  target: (i) => ({ type: "comment", id: String(i.commentId) }),
  run: async ({ db, actor, input }) => {
    const result = await reportComment(db, actor, input);
    return result.ok ? { ok: true, done: "reportSent", goTo: { path: `/comments/${input.commentId}` } } : result;
  },
});

export const submitDecision = formAction({
  name: "submitDecision",
  schema: decisionSchema,
  target: (i) => ({ type: "comment", id: String(i.commentId) }),
  run: async ({ db, actor, input }) => {
    const result = await moderateComment(db, actor, {
      commentId: input.commentId,
      action: input.action,
      ruleId: input.ruleId || null,
      note: input.note,
    });
    if (!result.ok) return result;
    await auditEvent(
      db,
      actor,
      "moderation.decision",
      { type: "comment", id: String(input.commentId) },
      { action: input.action, decision: result.decisionId },
    );
    return { ok: true, done: "decisionRecorded", goTo: queue(input.queue) };
  },
});

export const submitAppeal = formAction({
  name: "submitAppeal",
  schema: appealSchema,
  target: (i) => ({ type: "decision", id: String(i.decisionId) }),
  run: async ({ db, actor, input }) => {
    const result = await appealDecision(db, actor, input);
    return result.ok ? { ok: true, done: "appealSent", goTo: { path: "/notifications" } } : result;
  },
});

export const submitAppealDecision = formAction({
  name: "submitAppealDecision",
  schema: appealDecisionSchema,
  target: (i) => ({ type: "appeal", id: String(i.appealId) }),
  run: async ({ db, actor, input }) => {
    const result = await decideAppeal(db, actor, input);
    if (!result.ok) return result;
    await auditEvent(db, actor, "moderation.appeal_decided", { type: "appeal", id: String(input.appealId) }, { outcome: input.outcome });
    return { ok: true, done: "appealDecided", goTo: queue(input.queue) };
  },
});

export const submitBlock = formAction({
  name: "submitBlock",
  schema: blockSchema,
  target: (i) => ({ type: "user", id: i.userId }),
  run: async ({ db, actor, input }) => {
    const blocked = input.blocked === "yes";
    const result = await blockParticipant(db, actor, { ...input, blocked, ruleId: input.ruleId || null });
    if (!result.ok) return result;
    await auditEvent(db, actor, "moderation.decision", { type: "user", id: input.userId }, { action: blocked ? "block" : "unblock" });
    return { ok: true, done: blocked ? "participantBlocked" : "participantUnblocked", goTo: queue(input.queue) };
  },
});

export const togglePreModeration = buttonAction({
  name: "togglePreModeration",
  schema: preModerationSchema,
  target: (i) => ({ type: "consultation", id: i.consultationSlug }),
  back: (raw) => queue(preModerationSchema.shape.consultationSlug.safeParse(raw.consultationSlug).data ?? ""),
  run: async ({ db, actor, input }) => {
    const on = input.on === "yes";
    const result = await setPreModeration(db, actor, { consultationSlug: input.consultationSlug, on });
    if (!result.ok) return result;
    await auditEvent(db, actor, "consultation.settings", { type: "consultation", id: input.consultationSlug }, { preModeration: on });
    return { ok: true, done: on ? "preModerationOn" : "preModerationOff" };
  },
});

export const submitAutoHideThreshold = formAction({
  name: "submitAutoHideThreshold",
  schema: thresholdSchema,
  target: (i) => ({ type: "consultation", id: i.consultationSlug }),
  errorField: "threshold",
  run: async ({ db, actor, input }) => {
    const result = await setAutoHideThreshold(db, actor, input);
    if (!result.ok) return result;
    await auditEvent(
      db,
      actor,
      "consultation.settings",
      { type: "consultation", id: input.consultationSlug },
      { autoHideThreshold: input.threshold },
    );
    return { ok: true, done: "thresholdSaved", goTo: queue(input.consultationSlug) };
  },
});
