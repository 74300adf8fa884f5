import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { lockForRegrouping, parseJsonList, type CampaignSigner } from "@/db/queries/campaigns";
import { getCommentLocation, listCommentThreads } from "@/db/queries/comments";
import { insertOffPlatformSubmission } from "@/db/queries/off-platform";
import { getPrincipleOutline } from "@/db/queries/principle-page";
import { auditLog, comments } from "@/db/schema";
import { createUser } from "@/db/seed";
import { splitCampaignMember } from "@/lib/commands/campaigns";
import { createComment, editComment } from "@/lib/commands/comments";
import type { Stance, StakeholderGroup } from "@/lib/limits";
import { freshDatabase, testEngines } from "../support/engines";
import { commentInput, expectNoWrites, newActor, newConsultation, SECRET, type SignedIn } from "./consultation-fixtures";

const GROUPS: StakeholderGroup[] = ["government", "private_sector", "civil_society", "technical_community", "academia"];

const CAMPAIGN =
  "We ask the drafters to protect the public core of the Internet: no state should attack the infrastructure that keeps it running.";

/** The campaign text with the small changes people make when they copy it: case, punctuation, a word. */
function variant(i: number): string {
  const v = [
    CAMPAIGN,
    CAMPAIGN.toUpperCase(),
    CAMPAIGN.replace(":", " -").replace(".", "!!"),
    CAMPAIGN.replace("We ask", "We urge"),
    `${CAMPAIGN}  `.replace("  ", " ").replace("running", "running smoothly"),
    CAMPAIGN.replace("drafters", "authors"),
  ];
  return v[i % v.length]!;
}

const MONTH_AGO = new Date(Date.now() - 30 * 86_400_000);

describe.each(testEngines())("campaign grouping on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  async function participants(n: number): Promise<SignedIn[]> {
    const out: SignedIn[] = [];
    for (let i = 0; i < n; i++) {
      const group = GROUPS[i % GROUPS.length]!;
      // Established accounts: copies from accounts made in the last day are held past a number (bulk-intake.test.ts).
      const u = await createUser(h.db, {
        passwordHash: "not-used",
        stakeholderGroup: group,
        name: `Participant ${i}`,
        createdAt: MONTH_AGO,
      });
      out.push({ id: u.id, role: "participant", stakeholderGroup: group });
    }
    return out;
  }

  async function post(
    actor: SignedIn,
    c: { slug: string; principle: string },
    body: string,
    parentId?: number,
    o: { stance?: Stance; language?: "en" | "hi" } = {},
  ) {
    const r = await createComment(h.db, actor, {
      consultationSlug: c.slug,
      principleSlug: c.principle,
      input: commentInput({ body, ...(parentId ? { parentId } : {}), ...(o.stance ? { stance: o.stance } : {}) }),
      language: o.language ?? "en",
      secret: SECRET,
    });
    if (!r.ok) throw new Error(`comment refused: ${r.error}`);
    return r.id;
  }

  async function page(principleId: string, viewerId: string | null = null) {
    const p = await listCommentThreads(h.db, { principleId, viewerId, sort: "oldest", start: {}, pageSize: 200 });
    return p.threads.map((t) => ({ ...t, signers: parseJsonList<CampaignSigner>(t.campaignSigners) }));
  }

  async function leads(ids: number[]) {
    const rows = await h.db
      .select({ id: comments.id, lead: comments.campaignLeadId })
      .from(comments)
      .where(sql`${comments.id} in ${ids}`);
    return new Map(rows.map((r) => [r.id, r.lead]));
  }

  async function place() {
    const c = await newConsultation(h.db, { principleCount: 1 });
    return { slug: c.slug, principle: c.principles[0]!.slug, principleId: c.principles[0]!.id };
  }

  it("groups 100 near-identical comments from 100 participants into one entry that counts 100; statistics count 100", async () => {
    const c = await place();
    const people = await participants(100);
    const ids: number[] = [];
    for (const [i, p] of people.entries()) ids.push(await post(p, c, variant(i)));
    const byId = await leads(ids);
    expect(new Set(byId.values())).toEqual(new Set([ids[0]]));

    const threads = await page(c.principleId);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.id).toBe(ids[0]);
    expect(threads[0]!.body).toBe(CAMPAIGN);
    expect(threads[0]!.signers).toHaveLength(100);
    expect(threads[0]!.signers.filter((s) => s.group === "academia")).toHaveLength(20);
    expect(threads[0]!.signers[1]!.name).toBe("Participant 1");

    const outline = await getPrincipleOutline(h.db, c.slug, c.principle);
    expect(outline?.total).toBe(100);
    expect(outline?.commentStats.reduce((n, r) => n + r.n, 0)).toBe(100);
  });

  it("locates a grouped member at its group's entry (the earliest published member), for its permalink", async () => {
    const c = await place();
    const [a, b, d] = await participants(3);
    const first = await post(a!, c, CAMPAIGN);
    const second = await post(b!, c, variant(1));
    const alone = await post(d!, c, "A wholly different comment about reporting incidents to a national team.");
    expect((await getCommentLocation(h.db, second))?.campaignEntryId).toBe(first);
    expect((await getCommentLocation(h.db, first))?.campaignEntryId).toBe(first);
    expect((await getCommentLocation(h.db, alone))?.campaignEntryId).toBeNull();
  });

  it("keeps distinct texts apart, and short texts that differ in a word that matters", async () => {
    const c = await place();
    const [a, b, d, e] = await participants(4);
    const ids = [
      await post(a!, c, "I support this principle."),
      await post(b!, c, "I support this principle strongly."),
      await post(d!, c, "Critical infrastructure needs an explicit list of sectors."),
      await post(e!, c, "We do not support this principle."),
    ];
    expect([...(await leads(ids)).values()]).toEqual([null, null, null, null]);
    expect(await page(c.principleId)).toHaveLength(4);
  });

  it("groups texts identical once normalised, also short ones and those without trigrams (Devanagari)", async () => {
    const c = await place();
    const [a, b, d, e] = await participants(4);
    const short = [await post(a!, c, "I agree with this."), await post(b!, c, "i AGREE, with this!")];
    const hindi = [await post(d!, c, "मैं इस सिद्धांत का समर्थन करता हूँ।"), await post(e!, c, "मैं इस सिद्धांत का समर्थन करता हूँ")];
    const byId = await leads([...short, ...hindi]);
    expect(byId.get(short[1]!)).toBe(short[0]);
    expect(byId.get(hindi[1]!)).toBe(hindi[0]);
    expect(byId.get(hindi[0]!)).toBe(hindi[0]);
  });

  it("never groups replies, even with the campaign's text", async () => {
    const c = await place();
    const [a, b, d] = await participants(3);
    const top = await post(a!, c, CAMPAIGN);
    const reply = await post(b!, c, CAMPAIGN, top);
    const second = await post(d!, c, CAMPAIGN);
    const byId = await leads([top, reply, second]);
    expect(byId.get(reply)).toBeNull();
    expect(byId.get(second)).toBe(top);
  });

  it("groups a submission entered off the platform like any other", async () => {
    const c = await place();
    const [a] = await participants(1);
    const moderator = await newActor(h.db);
    const first = await post(a!, c, CAMPAIGN);
    const entered = await insertOffPlatformSubmission(h.db, {
      consultationId: (await h.db.select({ id: comments.consultationId }).from(comments).where(eq(comments.id, first)))[0]!.id,
      principleId: c.principleId,
      submitterName: "Letter writer",
      stakeholderGroup: "academia",
      channel: "post",
      receivedAt: new Date(),
      stance: "supports",
      language: "en",
      body: variant(1),
      formToken: crypto.randomUUID(),
      enteredBy: moderator.id,
      enteredByRole: "moderator",
    });
    if (!entered.ok) throw new Error("refused");
    expect((await leads([entered.id])).get(entered.id)).toBe(first);
    const [entry] = await page(c.principleId);
    expect(entry!.signers.map((s) => s.name)).toEqual(["Participant 0", "Letter writer"]);
  });

  it("counts only published members in the entry, shows the group at its earliest published member, and names signers as their bylines do", async () => {
    const c = await place();
    const people = await participants(4);
    const ids: number[] = [];
    for (const p of people) ids.push(await post(p, c, CAMPAIGN));
    await h.db.update(comments).set({ state: "hidden" }).where(eq(comments.id, ids[0]!));
    await h.db.update(comments).set({ nameShown: false }).where(eq(comments.id, ids[2]!));
    const threads = await page(c.principleId);
    // The hidden first comment keeps its placeholder; the group shows at its earliest published member.
    expect(threads.map((t) => t.id)).toEqual([ids[0], ids[1]]);
    const entry = threads[1]!;
    expect(entry.signers.map((s) => s.id)).toEqual([ids[1], ids[2], ids[3]]);
    expect(entry.signers[1]!.name).toBeNull();
    // A member sees their own comment too (to edit or withdraw it), besides the grouped entry.
    const own = await page(c.principleId, people[3]!.id);
    expect(own.map((t) => t.id)).toEqual([ids[0], ids[1], ids[3]]);
  });

  it("lets a moderator split a member out (audited, never regrouped) and refuses anyone else", async () => {
    const c = await place();
    const people = await participants(4);
    const ids: number[] = [];
    for (const p of people.slice(0, 3)) ids.push(await post(p, c, CAMPAIGN));
    const moderator: SignedIn = { ...(await newActor(h.db)), role: "moderator" };

    const refused = await expectNoWrites(h, () => splitCampaignMember(h.db, people[0]!, { commentId: ids[1]! }));
    expect(refused).toEqual({ ok: false, error: "forbidden" });
    expect(await splitCampaignMember(h.db, null, { commentId: ids[1]! })).toEqual({ ok: false, error: "unauthenticated" });

    expect(await splitCampaignMember(h.db, moderator, { commentId: ids[1]! })).toEqual({ ok: true });
    const [split] = await h.db.select().from(comments).where(eq(comments.id, ids[1]!));
    expect(split!.campaignLeadId).toBeNull();
    expect(split!.campaignSplitBy).toBe(moderator.id);
    expect(split!.campaignSplitAt).toBeInstanceOf(Date);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "campaign.split"));
    expect(audit.some((a) => a.targetId === String(ids[1]) && a.actorId === moderator.id)).toBe(true);
    expect(await splitCampaignMember(h.db, moderator, { commentId: ids[1]! })).toEqual({ ok: false, error: "notGrouped" });

    // Splitting the first comment hands the group to the next earliest member; new copies join that group.
    ids.push(await post(people[3]!, c, CAMPAIGN));
    expect(await splitCampaignMember(h.db, moderator, { commentId: ids[0]! })).toEqual({ ok: true });
    const byId = await leads(ids);
    expect(byId.get(ids[0]!)).toBeNull();
    expect(byId.get(ids[1]!)).toBeNull();
    expect(byId.get(ids[2]!)).toBe(ids[2]);
    expect(byId.get(ids[3]!)).toBe(ids[2]);
    const threads = await page(c.principleId);
    expect(threads.map((t) => [t.id, t.signers.length])).toEqual([
      [ids[0], 0],
      [ids[1], 0],
      [ids[2], 2],
    ]);

    // The split comment's author edits it: it stays out of every group.
    expect(await editComment(h.db, people[1]!, { commentId: ids[1]!, body: `${CAMPAIGN} Indeed.`, stance: "supports" })).toEqual({
      ok: true,
    });
    expect((await leads([ids[1]!])).get(ids[1]!)).toBeNull();
  });

  it("regroups on an edit: a member whose text no longer resembles its group leaves it, and joins again when it does", async () => {
    const c = await place();
    const people = await participants(3);
    const ids: number[] = [];
    for (const p of people) ids.push(await post(p, c, CAMPAIGN));
    const other = "A completely different view: the principle should name the sectors it protects.";
    expect(await editComment(h.db, people[2]!, { commentId: ids[2]!, body: other, stance: "opposes" })).toEqual({ ok: true });
    expect((await leads(ids)).get(ids[2]!)).toBeNull();
    expect(await editComment(h.db, people[2]!, { commentId: ids[2]!, body: variant(2), stance: "supports" })).toEqual({ ok: true });
    expect((await leads(ids)).get(ids[2]!)).toBe(ids[0]);
    // The first comment edited away from the group: the rest stays together under the next earliest.
    expect(await editComment(h.db, people[0]!, { commentId: ids[0]!, body: other, stance: "opposes" })).toEqual({ ok: true });
    const byId = await leads(ids);
    expect(byId.get(ids[0]!)).toBeNull();
    expect(byId.get(ids[1]!)).toBe(ids[1]);
    expect(byId.get(ids[2]!)).toBe(ids[1]);
  });

  // On PostgreSQL the inserts run on several pooled connections at once: without the advisory lock two
  // transactions that each see no earlier copy both stay ungrouped (this test fails then; checked).
  it("forms one group when identical comments are posted at the same time", async () => {
    const c = await place();
    const people = await participants(24);
    const ids = await Promise.all(people.map((p) => post(p, c, CAMPAIGN)));
    const byId = await leads(ids);
    const first = Math.min(...ids);
    expect(new Set(byId.values())).toEqual(new Set([first]));
    const threads = await page(c.principleId);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.signers).toHaveLength(24);
  });
  it("never groups opposite views or different languages, however alike the words; a member changing its stance leaves", async () => {
    const c = await place();
    const people = await participants(5);
    const supports = await post(people[0]!, c, CAMPAIGN, undefined, { stance: "supports" });
    const opposes = await post(people[1]!, c, CAMPAIGN, undefined, { stance: "opposes" });
    const hindiTagged = await post(people[2]!, c, CAMPAIGN, undefined, { stance: "supports", language: "hi" });
    const second = await post(people[3]!, c, variant(1), undefined, { stance: "supports" });
    const secondOpposes = await post(people[4]!, c, variant(2), undefined, { stance: "opposes" });
    let byId = await leads([supports, opposes, hindiTagged, second, secondOpposes]);
    expect(byId.get(supports)).toBe(supports);
    expect(byId.get(second)).toBe(supports);
    expect(byId.get(opposes)).toBe(opposes);
    expect(byId.get(secondOpposes)).toBe(opposes);
    expect(byId.get(hindiTagged)).toBeNull();

    // Same words, stance turned round: it leaves the supporters and joins the opponents.
    expect(await editComment(h.db, people[3]!, { commentId: second, body: variant(1), stance: "opposes" })).toEqual({ ok: true });
    byId = await leads([supports, opposes, second, secondOpposes]);
    expect(byId.get(supports)).toBeNull();
    expect(byId.get(second)).toBe(opposes);
    expect(byId.get(secondOpposes)).toBe(opposes);
  });

  it("adds a copy without rewriting the rest of the group, and re-keys the group only when an older comment joins it", async () => {
    const c = await place();
    const people = await participants(5);
    const early = await post(people[0]!, c, "Something else entirely, about sectors and lists of them.");
    const ids: number[] = [];
    for (const p of people.slice(1, 4)) ids.push(await post(p, c, CAMPAIGN));
    const versions = async () => {
      const r = await h.db.execute(sql`select id, xmin::text as v from comments where id in ${ids}`);
      const list = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { id: number; v: string }[];
      return new Map(list.map((x) => [Number(x.id), x.v]));
    };
    const before = await versions();
    ids.push(await post(people[4]!, c, CAMPAIGN));
    const after = await versions();
    // The members already in the group (the first included) were not written to.
    for (const id of ids.slice(0, 3)) expect(after.get(id)).toBe(before.get(id));
    expect((await leads(ids)).get(ids[3]!)).toBe(ids[0]);

    // The older comment edited into the campaign's text: the group's key becomes its id, for every member.
    expect(await editComment(h.db, people[0]!, { commentId: early, body: CAMPAIGN, stance: "supports" })).toEqual({ ok: true });
    expect(new Set((await leads([early, ...ids])).values())).toEqual(new Set([early]));
  });

  // Only PostgreSQL runs transactions side by side; PGlite runs one at a time, so it cannot deadlock at all.
  it.runIf(engine === "postgres")(
    "does not deadlock an edit with a transaction that holds the principle's grouping lock and writes group rows",
    async () => {
      const c = await place();
      const people = await participants(3);
      const ids: number[] = [];
      for (const p of people) ids.push(await post(p, c, CAMPAIGN));
      let edit: Promise<unknown> = Promise.resolve();
      // As an insert or a departing first comment does: the principle's lock first, then other members' rows.
      await h.db.transaction(async (tx) => {
        await lockForRegrouping(tx, ids[0]!);
        edit = editComment(h.db, people[2]!, { commentId: ids[2]!, body: variant(3), stance: "supports" });
        await new Promise((r) => setTimeout(r, 300));
        await tx.update(comments).set({ campaignLeadId: ids[0]! }).where(eq(comments.id, ids[2]!));
      });
      expect(await edit).toEqual({ ok: true });
      expect((await leads(ids)).get(ids[2]!)).toBe(ids[0]);
    },
    20_000,
  );
});
