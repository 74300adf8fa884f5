import { describe, expect, it } from "vitest";
import { APPEALABLE_ACTIONS, COMMENT_DECISIONS, COMMENT_MAX_DEPTH, COMMENT_STATES, MODERATION_ACTIONS } from "@/lib/limits";
import { mayReplyTo } from "@/lib/rules/comments";
import {
  availableDecisions,
  commentStanding,
  ERASURE_WITHDRAWS,
  HIDE_ACTIONS,
  isAppealableAction,
  mayAppeal,
  nextCommentState,
  type CommentStanding,
} from "@/lib/rules/moderation";

const STANDINGS: CommentStanding[] = ["awaiting_moderation", "published", "hidden_by_reports", "hidden_under_rule", "withdrawn"];

describe("commentStanding", () => {
  it("is the state itself for anything but a hidden comment", () => {
    for (const state of COMMENT_STATES.filter((s) => s !== "hidden")) {
      expect(commentStanding(state, null)).toBe(state);
      expect(commentStanding(state, "hide")).toBe(state);
      expect(commentStanding(state, "auto_hide")).toBe(state);
    }
  });

  it("tells a hidden comment's automatic hide from a moderator's by the latest hide", () => {
    expect(commentStanding("hidden", "auto_hide")).toBe("hidden_by_reports");
    expect(commentStanding("hidden", "hide")).toBe("hidden_under_rule");
  });

  it("treats a hidden comment with no recorded hide as a moderator's hide (nothing may be added on top)", () => {
    expect(commentStanding("hidden", null)).toBe("hidden_under_rule");
  });
});

describe("nextCommentState: the moderation state machine", () => {
  // Every (standing, decision) pair: what it leads to, or null when refused.
  const table: Record<CommentStanding, Record<(typeof COMMENT_DECISIONS)[number], string | null>> = {
    awaiting_moderation: { approve: "published", keep: null, hide: "hidden", restore: null },
    published: { approve: null, keep: "published", hide: "hidden", restore: null },
    hidden_by_reports: { approve: null, keep: null, hide: "hidden", restore: "published" },
    hidden_under_rule: { approve: null, keep: null, hide: null, restore: "published" },
    withdrawn: { approve: null, keep: null, hide: null, restore: null },
  };
  for (const standing of STANDINGS) {
    for (const decision of COMMENT_DECISIONS) {
      it(`${decision} on ${standing} → ${table[standing][decision] ?? "refused"}`, () => {
        expect(nextCommentState(standing, decision)).toBe(table[standing][decision]);
      });
    }
  }

  it("refuses hiding a comment a moderator already hid (a replayed or stale form adds nothing)", () => {
    expect(nextCommentState(commentStanding("hidden", "hide"), "hide")).toBeNull();
  });

  it("lets a moderator confirm an automatic hide under a rule once: after the confirmation a second hide is refused", () => {
    const before = commentStanding("hidden", "auto_hide");
    const after = nextCommentState(before, "hide");
    expect(after).toBe("hidden");
    // The confirmation is itself a moderator's hide, the latest one.
    expect(nextCommentState(commentStanding(after!, "hide"), "hide")).toBeNull();
  });

  it("keeps a published comment (it dismisses the reports) but never un-hides with keep", () => {
    expect(nextCommentState("published", "keep")).toBe("published");
    expect(nextCommentState("hidden_by_reports", "keep")).toBeNull();
    expect(nextCommentState("hidden_under_rule", "keep")).toBeNull();
  });

  it("lets nothing happen to a withdrawn comment", () => {
    for (const d of COMMENT_DECISIONS) expect(nextCommentState("withdrawn", d)).toBeNull();
  });
});

describe("ERASURE_WITHDRAWS: what an erasure with the withdraw choice takes out of reach", () => {
  /** Whether some decision, after any hide history, could still lead a comment in this state to published. */
  const mayBePublishedAgain = (state: (typeof COMMENT_STATES)[number]) =>
    [null, ...HIDE_ACTIONS].some((hide) =>
      COMMENT_DECISIONS.some((d) => nextCommentState(commentStanding(state, hide), d) === "published"),
    );

  it("withdraws every state from which a restore, an approval or a reversed appeal could publish the comment", () => {
    // Hidden comments above all: a restore leads them back to published.
    expect(mayBePublishedAgain("hidden")).toBe(true);
    for (const state of COMMENT_STATES.filter(mayBePublishedAgain)) expect(ERASURE_WITHDRAWS).toContain(state);
  });

  it("leaves only withdrawn, from which no decision leads anywhere", () => {
    expect(COMMENT_STATES.filter((s) => !ERASURE_WITHDRAWS.includes(s))).toEqual(["withdrawn"]);
    expect(mayBePublishedAgain("withdrawn")).toBe(false);
  });
});

describe("availableDecisions", () => {
  it("offers exactly what the state machine allows, in the catalogue's order", () => {
    expect(availableDecisions("awaiting_moderation")).toEqual(["approve", "hide"]);
    expect(availableDecisions("published")).toEqual(["keep", "hide"]);
    expect(availableDecisions("hidden_by_reports")).toEqual(["hide", "restore"]);
    expect(availableDecisions("hidden_under_rule")).toEqual(["restore"]);
    expect(availableDecisions("withdrawn")).toEqual([]);
  });
});

describe("appeals", () => {
  it("hides (automatic or not) and blocks are appealable; nothing else is", () => {
    for (const a of MODERATION_ACTIONS) expect(isAppealableAction(a), a).toBe((APPEALABLE_ACTIONS as readonly string[]).includes(a));
    expect(isAppealableAction("hide")).toBe(true);
    expect(isAppealableAction("auto_hide")).toBe(true);
    expect(isAppealableAction("block")).toBe(true);
    expect(isAppealableAction("restore")).toBe(false);
    expect(isAppealableAction("keep")).toBe(false);
  });

  it("may be filed only while the decision is in force and not yet appealed", () => {
    expect(mayAppeal({ action: "hide", inForce: true, appealed: false })).toBe(true);
    expect(mayAppeal({ action: "hide", inForce: false, appealed: false })).toBe(false);
    expect(mayAppeal({ action: "hide", inForce: true, appealed: true })).toBe(false);
    expect(mayAppeal({ action: "block", inForce: false, appealed: false })).toBe(false);
    expect(mayAppeal({ action: "restore", inForce: true, appealed: false })).toBe(false);
  });
});

describe("mayReplyTo", () => {
  it("allows replies down to the deepest level and no further", () => {
    for (let depth = 0; depth < COMMENT_MAX_DEPTH; depth++) expect(mayReplyTo({ depth, state: "published" }), `depth ${depth}`).toBe(true);
    expect(mayReplyTo({ depth: COMMENT_MAX_DEPTH, state: "published" })).toBe(false);
    expect(mayReplyTo({ depth: COMMENT_MAX_DEPTH + 1, state: "published" })).toBe(false);
  });

  it("allows replies only to a published comment", () => {
    for (const state of COMMENT_STATES) expect(mayReplyTo({ depth: 0, state }), state).toBe(state === "published");
  });
});
