import {
  APPEALABLE_ACTIONS,
  COMMENT_DECISIONS,
  COMMENT_STATES,
  type CommentDecision,
  type CommentState,
  type ModerationAction,
} from "@/lib/limits";

/**
 * The moderation state machine. A comment's *standing* is its state, with "hidden" told apart by the hide that
 * is in force: hidden automatically by reports and not yet reviewed (`hidden_by_reports`), or hidden by a
 * moderator under a rule (`hidden_under_rule`). The distinction is what lets a moderator confirm an automatic
 * hide under a rule exactly once, while a second hide of a comment a moderator already hid is refused (a
 * replayed or stale form would otherwise add a duplicate to the public ledger and a second appealable notice).
 */
export type CommentStanding = "awaiting_moderation" | "published" | "hidden_by_reports" | "hidden_under_rule" | "withdrawn";

/** Hides, automatic or a moderator's: the latest of them says why a hidden comment is hidden. */
export const HIDE_ACTIONS = ["hide", "auto_hide"] as const satisfies readonly ModerationAction[];
export type HideAction = (typeof HIDE_ACTIONS)[number];

export function isHideAction(action: ModerationAction): action is HideAction {
  return (HIDE_ACTIONS as readonly ModerationAction[]).includes(action);
}

/**
 * The standing of a comment from its state and the action of its latest hide (null: never hidden). A hidden
 * comment with no recorded hide (data from before decisions were recorded) counts as a moderator's hide:
 * it can be restored, and nothing can be added on top of it.
 */
export function commentStanding(state: CommentState, latestHide: HideAction | null): CommentStanding {
  if (state !== "hidden") return state;
  return latestHide === "auto_hide" ? "hidden_by_reports" : "hidden_under_rule";
}

/** Which standing each decision applies to, and the state it leads to. Anything else is refused. */
const TRANSITIONS: Record<CommentDecision, { from: readonly CommentStanding[]; to: CommentState }> = {
  approve: { from: ["awaiting_moderation"], to: "published" },
  // Keeping dismisses the reports on a visible comment (a real change: they leave the queue). Bringing a hidden
  // comment back is a restore, which the public ledger shows; a keep never does it silently.
  keep: { from: ["published"], to: "published" },
  // From hidden only while the hide is the system's: the moderator then confirms it under a numbered rule.
  hide: { from: ["published", "awaiting_moderation", "hidden_by_reports"], to: "hidden" },
  restore: { from: ["hidden_by_reports", "hidden_under_rule"], to: "published" },
};

/** The state a decision moves a comment to, or null when the decision does not apply to its standing. */
export function nextCommentState(current: CommentStanding, decision: CommentDecision): CommentState | null {
  const t = TRANSITIONS[decision];
  return t.from.includes(current) ? t.to : null;
}

/**
 * The states an erasure with the "withdraw" choice takes a comment out of: every state but withdrawn, the one
 * standing no decision leads out of. Hidden and held comments above all: left as they were, a moderator's
 * restore, a reversed appeal or an approval would lead them back to published and republish the words of
 * someone who asked for all of them to go. Derived, so that a state added later is withdrawn too.
 */
export const ERASURE_WITHDRAWS: readonly CommentState[] = COMMENT_STATES.filter((s) => s !== "withdrawn");

/** The decisions a moderator may take on a comment of this standing, in the catalogue's order. */
export function availableDecisions(current: CommentStanding): CommentDecision[] {
  return COMMENT_DECISIONS.filter((d) => nextCommentState(current, d) !== null);
}

/** Decisions the person they concern may appeal (once each). */
export function isAppealableAction(action: ModerationAction): boolean {
  return (APPEALABLE_ACTIONS as readonly ModerationAction[]).includes(action);
}

/**
 * Whether the person a decision concerns may appeal it now: an appealable kind of decision, still in force
 * (the comment not restored since, the block not lifted since), and not appealed already.
 */
export function mayAppeal(d: { action: ModerationAction; inForce: boolean; appealed: boolean }): boolean {
  return isAppealableAction(d.action) && d.inForce && !d.appealed;
}
