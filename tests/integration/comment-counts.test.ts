import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { countCommentsByGroupAndStance } from "@/db/queries/statistics";
import { comments, commentVersions, principleCommentCounts } from "@/db/schema";
import { editComment, withdrawComment } from "@/lib/commands/comments";
import { moderateComment } from "@/lib/commands/moderation";
import { freshDatabase, testEngines } from "../support/engines";
import { newActor, rows } from "./consultation-fixtures";
import { moderatedConsultation, newStaff, postComment, type ModeratedConsultation } from "./moderation-fixtures";

// The statistics read counters the database keeps in the same transaction as each write (migration 0010),
// so the counters must always equal a full count of published comments, whatever the write was.
describe.each(testEngines())("comment counters on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  async function counted(c: ModeratedConsultation) {
    const full = await rows<{ stakeholder_group: string; stance: string; n: number }>(
      h.db,
      sql`select stakeholder_group, stance, count(*)::int as n from comments
          where principle_id = ${c.principleId} and state = 'published' group by 1, 2 order by 1, 2`,
    );
    const kept = await countCommentsByGroupAndStance(h.db, { consultationId: c.consultationId, principleId: c.principleId });
    const byKey = (a: { stakeholder_group: string; stance: string }, b: { stakeholder_group: string; stance: string }) =>
      `${a.stakeholder_group}/${a.stance}`.localeCompare(`${b.stakeholder_group}/${b.stance}`);
    const sorted = kept.map((r) => ({ stakeholder_group: r.stakeholderGroup, stance: r.stance, n: r.n })).sort(byKey);
    expect(sorted).toEqual(full.map((r) => ({ ...r, n: Number(r.n) })).sort(byKey));
    return sorted.reduce((sum, r) => sum + r.n, 0);
  }

  it("follow posting, editing the stance, withdrawing, hiding, restoring and deleting", async () => {
    const c = await moderatedConsultation(h.db, { threshold: 50 });
    const moderator = await newStaff(h.db, "moderator");
    const gov = await newActor(h.db, "government");
    const civil = await newActor(h.db, "civil_society");
    const first = await postComment(h.db, gov, c, { stance: "supports" });
    const second = await postComment(h.db, civil, c, { stance: "opposes" });
    const third = await postComment(h.db, civil, c, { stance: "opposes", body: "A third comment, to be hidden." });
    expect(await counted(c)).toBe(3);

    expect(await editComment(h.db, gov, { commentId: first, body: "Changed my mind on the detail.", stance: "has_concerns" })).toEqual({
      ok: true,
    });
    expect(await counted(c)).toBe(3);

    expect(await withdrawComment(h.db, civil, { commentId: second })).toEqual({ ok: true });
    expect(await counted(c)).toBe(2);

    const hidden = await moderateComment(h.db, moderator, { commentId: third, action: "hide", ruleId: c.rules[0]!.id, note: "Off topic." });
    expect(hidden.ok).toBe(true);
    expect(await counted(c)).toBe(1);
    const restored = await moderateComment(h.db, moderator, { commentId: third, action: "restore", ruleId: null, note: "On review." });
    expect(restored.ok).toBe(true);
    expect(await counted(c)).toBe(2);

    await h.db.delete(commentVersions).where(eq(commentVersions.commentId, first));
    await h.db.delete(comments).where(eq(comments.id, first));
    expect(await counted(c)).toBe(1);
  });

  it("count every one of many comments posted at the same time", async () => {
    const c = await moderatedConsultation(h.db, { threshold: 50 });
    const authors = await Promise.all(Array.from({ length: 12 }, (_, i) => newActor(h.db, i % 2 ? "academia" : "private_sector")));
    await Promise.all(
      authors.map((a, i) => postComment(h.db, a, c, { stance: i % 3 ? "supports" : "opposes", body: `Comment ${i} at once.` })),
    );
    expect(await counted(c)).toBe(12);
  });

  it("refuse to go below zero, so a missed decrement cannot hide silently", async () => {
    const c = await moderatedConsultation(h.db, { threshold: 50 });
    const a = await newActor(h.db, "academia");
    await postComment(h.db, a, c, { stance: "supports" });
    const attempt = h.db
      .update(principleCommentCounts)
      .set({ n: sql`${principleCommentCounts.n} - 2` })
      .where(eq(principleCommentCounts.principleId, c.principleId));
    await expect(attempt).rejects.toThrow();
    expect(await counted(c)).toBe(1);
  });
});
