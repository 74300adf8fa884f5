import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  appeals,
  comments,
  consultations,
  moderationDecisions,
  moderationRules,
  notifications,
  reports,
  users,
  type ModerationAction,
  type ReportReason,
} from "../schema";
import { isUniqueViolation } from "./pg-errors";
import type { Tx } from "./tx";

export type ReportResult = { ok: true; autoHidden: boolean } | { ok: false; error: "alreadyReported" | "notFound" };

async function lockComment(tx: Tx, commentId: number) {
  const [c] = await tx
    .select({
      id: comments.id,
      state: comments.state,
      authorId: comments.authorId,
      consultationId: comments.consultationId,
      publishedAt: comments.publishedAt,
    })
    .from(comments)
    .where(eq(comments.id, commentId))
    .for("update");
  return c;
}

async function addDecision(
  tx: Tx,
  d: {
    consultationId: string;
    commentId: number | null;
    subjectUserId: string;
    action: ModerationAction;
    ruleId?: string | null;
    note?: string;
    actorId: string | null;
    actorRole: string;
    appealId?: number | null;
    now: Date;
  },
) {
  const [row] = await tx
    .insert(moderationDecisions)
    .values({
      consultationId: d.consultationId,
      commentId: d.commentId,
      subjectUserId: d.subjectUserId,
      action: d.action,
      ruleId: d.ruleId ?? null,
      note: d.note ?? "",
      actorId: d.actorId,
      actorRole: d.actorRole,
      appealId: d.appealId ?? null,
      createdAt: d.now,
    })
    .returning({ id: moderationDecisions.id });
  if (!row) throw new Error("insert returned no row");
  // The author hears of every decision about their own content or account.
  await tx.insert(notifications).values({ userId: d.subjectUserId, decisionId: row.id, createdAt: d.now });
  return row.id;
}

/**
 * A participant's report. Reports from the consultation's threshold of distinct participants (one report each,
 * by unique key) hide the comment pending review, as a recorded system decision.
 */
export async function fileReport(
  db: Db,
  p: { commentId: number; reporterId: string; reason: ReportReason; details: string },
  now = new Date(),
): Promise<ReportResult> {
  try {
    return await db.transaction(async (tx) => {
      const c = await lockComment(tx, p.commentId);
      if (!c || c.state !== "published") return { ok: false, error: "notFound" } as const;
      await tx.insert(reports).values({ ...p, createdAt: now });
      const [counted] = await tx
        .select({ n: sql<number>`count(distinct ${reports.reporterId})::int` })
        .from(reports)
        .where(and(eq(reports.commentId, p.commentId), isNull(reports.settledAt)));
      const [consultation] = await tx
        .select({ threshold: consultations.autoHideThreshold })
        .from(consultations)
        .where(eq(consultations.id, c.consultationId));
      if (Number(counted?.n ?? 0) < (consultation?.threshold ?? 3)) return { ok: true, autoHidden: false } as const;
      await tx.update(comments).set({ state: "hidden" }).where(eq(comments.id, c.id));
      await addDecision(tx, {
        consultationId: c.consultationId,
        commentId: c.id,
        subjectUserId: c.authorId,
        action: "auto_hide",
        actorId: null,
        actorRole: "system",
        now,
      });
      return { ok: true, autoHidden: true } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err, "reports_comment_reporter_key")) return { ok: false, error: "alreadyReported" };
    throw err;
  }
}

export type CommentDecision = "approve" | "keep" | "hide" | "restore";
export type DecideResult = { ok: true; decisionId: number } | { ok: false; error: "notFound" | "invalidTransition" | "ruleInvalid" };

/** Which state a decision moves a comment from and to; anything else is refused. */
const transitions: Record<CommentDecision, { from: string[]; to: "published" | "hidden" }> = {
  approve: { from: ["awaiting_moderation"], to: "published" },
  // Keeping dismisses reports on a visible comment; bringing a hidden one back is a restore, which the ledger shows.
  keep: { from: ["published"], to: "published" },
  hide: { from: ["published", "awaiting_moderation", "hidden"], to: "hidden" },
  restore: { from: ["hidden"], to: "published" },
};

/** A moderator's decision on a comment, the comment's new state and the settled reports: one transaction. */
export async function decideOnComment(
  db: Db,
  p: { commentId: number; action: CommentDecision; ruleId?: string | null; note: string; actorId: string; actorRole: string; appealId?: number },
  now = new Date(),
): Promise<DecideResult> {
  return db.transaction(async (tx) => {
    const c = await lockComment(tx, p.commentId);
    if (!c) return { ok: false, error: "notFound" } as const;
    const t = transitions[p.action];
    if (!t.from.includes(c.state)) return { ok: false, error: "invalidTransition" } as const;
    if (p.action === "hide") {
      const [rule] = p.ruleId
        ? await tx
            .select({ id: moderationRules.id })
            .from(moderationRules)
            .where(and(eq(moderationRules.id, p.ruleId), eq(moderationRules.consultationId, c.consultationId)))
        : [];
      if (!rule) return { ok: false, error: "ruleInvalid" } as const;
    }
    await tx
      .update(comments)
      .set({ state: t.to, ...(t.to === "published" && !c.publishedAt ? { publishedAt: now } : {}) })
      .where(eq(comments.id, c.id));
    await tx.update(reports).set({ settledAt: now }).where(and(eq(reports.commentId, c.id), isNull(reports.settledAt)));
    const decisionId = await addDecision(tx, {
      consultationId: c.consultationId,
      commentId: c.id,
      subjectUserId: c.authorId,
      action: p.action,
      ruleId: p.action === "hide" ? p.ruleId : null,
      note: p.note,
      actorId: p.actorId,
      actorRole: p.actorRole,
      appealId: p.appealId ?? null,
      now,
    });
    return { ok: true, decisionId } as const;
  });
}

export async function getDecision(db: Db, id: number) {
  const [row] = await db
    .select({
      id: moderationDecisions.id,
      action: moderationDecisions.action,
      commentId: moderationDecisions.commentId,
      subjectUserId: moderationDecisions.subjectUserId,
      actorId: moderationDecisions.actorId,
      consultationId: moderationDecisions.consultationId,
    })
    .from(moderationDecisions)
    .where(eq(moderationDecisions.id, id));
  return row;
}

/** The author's one appeal against a hide. */
export async function fileAppeal(
  db: Db,
  p: { decisionId: number; appellantId: string; statement: string },
  now = new Date(),
): Promise<{ ok: true; id: number } | { ok: false; error: "alreadyAppealed" }> {
  try {
    const [row] = await db.insert(appeals).values({ ...p, createdAt: now }).returning({ id: appeals.id });
    if (!row) throw new Error("insert returned no row");
    return { ok: true, id: row.id };
  } catch (err) {
    if (isUniqueViolation(err, "appeals_decision_key")) return { ok: false, error: "alreadyAppealed" };
    throw err;
  }
}

/** Whether this person ever hid this comment: they then have a stake in any appeal about it. */
export async function hasHiddenComment(db: Db, commentId: number, actorId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: moderationDecisions.id })
    .from(moderationDecisions)
    .where(and(eq(moderationDecisions.commentId, commentId), eq(moderationDecisions.actorId, actorId), eq(moderationDecisions.action, "hide")))
    .limit(1);
  return Boolean(row);
}

export async function getAppeal(db: Db, id: number) {
  const [row] = await db
    .select({
      id: appeals.id,
      decisionId: appeals.decisionId,
      outcome: appeals.outcome,
      decisionActorId: moderationDecisions.actorId,
      commentId: moderationDecisions.commentId,
      appellantId: appeals.appellantId,
    })
    .from(appeals)
    .innerJoin(moderationDecisions, eq(moderationDecisions.id, appeals.decisionId))
    .where(eq(appeals.id, id));
  return row;
}

/**
 * Settles an appeal: "reversed" restores the comment (a recorded restore decision), "upheld" keeps it hidden.
 * The database refuses a decider who made the contested decision (trigger), whatever the code does.
 */
export async function settleAppeal(
  db: Db,
  p: { appealId: number; outcome: "upheld" | "reversed"; note: string; actorId: string; actorRole: string },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: "notFound" | "alreadyDecided" | "invalidTransition" }> {
  return db.transaction(async (tx) => {
    const [appeal] = await tx
      .select({ id: appeals.id, outcome: appeals.outcome, decisionId: appeals.decisionId })
      .from(appeals)
      .where(eq(appeals.id, p.appealId))
      .for("update");
    if (!appeal) return { ok: false, error: "notFound" } as const;
    if (appeal.outcome) return { ok: false, error: "alreadyDecided" } as const;
    await tx.update(appeals).set({ outcome: p.outcome, decidedAt: now, decidedBy: p.actorId }).where(eq(appeals.id, appeal.id));
    const [decision] = await tx
      .select({ commentId: moderationDecisions.commentId, consultationId: moderationDecisions.consultationId, subjectUserId: moderationDecisions.subjectUserId })
      .from(moderationDecisions)
      .where(eq(moderationDecisions.id, appeal.decisionId));
    if (!decision) return { ok: false, error: "notFound" } as const;
    if (p.outcome === "reversed" && decision.commentId === null) {
      // An appeal against a block: reversing it lifts the block, recorded like any other decision.
      await tx.update(users).set({ writeBlockedAt: null }).where(eq(users.id, decision.subjectUserId));
      await addDecision(tx, { ...decision, action: "unblock", note: p.note, actorId: p.actorId, actorRole: p.actorRole, appealId: appeal.id, now });
    } else if (p.outcome === "reversed" && decision.commentId !== null) {
      const c = await lockComment(tx, decision.commentId);
      if (!c || c.state !== "hidden") throw new InvalidAppealState();
      await tx.update(comments).set({ state: "published", publishedAt: c.publishedAt ?? now }).where(eq(comments.id, c.id));
      await addDecision(tx, { ...decision, action: "restore", note: p.note, actorId: p.actorId, actorRole: p.actorRole, appealId: appeal.id, now });
    } else {
      await tx.insert(notifications).values({ userId: decision.subjectUserId, decisionId: appeal.decisionId, createdAt: now });
    }
    return { ok: true } as const;
  }).catch((err: unknown) => {
    if (err instanceof InvalidAppealState) return { ok: false, error: "invalidTransition" } as const;
    throw err;
  });
}

class InvalidAppealState extends Error {}

/** A block from writing (or its lifting), recorded as a decision about the account. */
export async function setWriteBlock(
  db: Db,
  p: { userId: string; consultationId: string; blocked: boolean; ruleId: string | null; note: string; actorId: string; actorRole: string },
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ writeBlockedAt: p.blocked ? now : null })
      .where(and(eq(users.id, p.userId), p.blocked ? isNull(users.writeBlockedAt) : sql`${users.writeBlockedAt} is not null`))
      .returning({ id: users.id });
    if (!u) return false;
    await addDecision(tx, {
      consultationId: p.consultationId,
      commentId: null,
      subjectUserId: p.userId,
      action: p.blocked ? "block" : "unblock",
      ruleId: p.ruleId,
      note: p.note,
      actorId: p.actorId,
      actorRole: p.actorRole,
      now,
    });
    return true;
  });
}

