import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listCommentThreads } from "@/db/queries/comments";
import { listContributionsOf } from "@/db/queries/contributions";
import { getPrincipleOutline } from "@/db/queries/principle-page";
import { createUser } from "@/db/seed";
import { comments, consultations } from "@/db/schema";
import { createComment, editComment, withdrawComment } from "@/lib/commands/comments";
import type { StakeholderGroup } from "@/lib/limits";
import type { CommentInput } from "@/lib/validation/comments";
import { freshDatabase, testEngines } from "../support/engines";
import {
  addMembership,
  commentInput,
  expectNoWrites,
  newConsultation,
  newOrganisation,
  SECRET,
  type SignedIn,
} from "./consultation-fixtures";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Submissions and acknowledgements (issue 11): the counter-comment window's rules, reference numbers, the
 * per-comment choice between name and stakeholder group, and the comment's language.
 */
describe.each(testEngines())("submissions on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  async function person(name: string, stakeholderGroup: StakeholderGroup = "academia"): Promise<SignedIn> {
    const u = await createUser(h.db, { passwordHash: "not-used", name, designation: "Reader in Law", stakeholderGroup });
    return { id: u.id, role: "participant", stakeholderGroup };
  }

  /** An open consultation whose comment period ended yesterday and whose counter-comment window runs 10 more days. */
  async function inCounterWindow(prefix = "CW") {
    const now = Date.now();
    const c = await newConsultation(h.db, { opensAt: new Date(now - 40 * DAY), closesAt: new Date(now - DAY) });
    await h.db
      .update(consultations)
      .set({ counterClosesAt: new Date(now + 10 * DAY), referencePrefix: prefix })
      .where(eq(consultations.id, c.consultationId));
    return c;
  }

  function post(actor: SignedIn | null, c: { slug: string; principles: { slug: string }[] }, input: CommentInput, now = new Date()) {
    const principleSlug = c.principles[0]?.slug ?? "";
    return createComment(h.db, actor, { consultationSlug: c.slug, principleSlug, input, language: "en", secret: SECRET }, now);
  }

  async function postOk(actor: SignedIn, c: { slug: string; principles: { slug: string }[] }, input: CommentInput, now = new Date()) {
    const r = await post(actor, c, input, now);
    if (!r.ok) throw new Error(`setup comment refused: ${r.error}`);
    return r;
  }

  describe("the counter-comment window", () => {
    it("refuses a new top-level comment (repliesOnly) and writes nothing; accepts a reply", async () => {
      const c = await inCounterWindow();
      const author = await person("Early Author");
      const replier = await person("Late Replier", "government");
      // Written during the comment period, two days ago.
      const then = new Date(Date.now() - 2 * DAY);
      const first = await postOk(author, c, commentInput({}, then), then);

      const refused = await expectNoWrites(h, () => post(replier, c, commentInput()));
      expect(refused).toEqual({ ok: false, error: "repliesOnly" });

      const reply = await post(replier, c, commentInput({ parentId: first.id, body: "A counter-comment, in reply." }));
      expect(reply.ok).toBe(true);
    });

    it("edits follow the same rule: a top-level comment is settled, a reply may still change; withdrawal stays open", async () => {
      const c = await inCounterWindow();
      const author = await person("Editing Author");
      const then = new Date(Date.now() - 2 * DAY);
      const top = await postOk(author, c, commentInput({}, then), then);
      const reply = await postOk(author, c, commentInput({ parentId: top.id, body: "My own reply, to be edited." }));

      const topEdit = await expectNoWrites(h, () =>
        editComment(h.db, author, { commentId: top.id, body: "Changed after the period ended.", stance: "opposes" }),
      );
      expect(topEdit).toEqual({ ok: false, error: "repliesOnly" });
      expect(await editComment(h.db, author, { commentId: reply.id, body: "My own reply, edited in the window.", stance: "none" })).toEqual(
        {
          ok: true,
        },
      );
      expect(await withdrawComment(h.db, author, { commentId: top.id })).toEqual({ ok: true });
    });

    it("after the window closes nothing is taken: no comment, no reply, no edit", async () => {
      const c = await inCounterWindow();
      const author = await person("Closing Author");
      const then = new Date(Date.now() - 2 * DAY);
      const top = await postOk(author, c, commentInput({}, then), then);
      const reply = await postOk(author, c, commentInput({ parentId: top.id, body: "A reply made in the window." }));
      const after = new Date(Date.now() + 11 * DAY);
      await expectNoWrites(h, async () => {
        expect(await post(author, c, commentInput({}, after), after)).toEqual({ ok: false, error: "consultationClosed" });
        expect(await post(author, c, commentInput({ parentId: top.id }, after), after)).toEqual({ ok: false, error: "consultationClosed" });
        expect(await editComment(h.db, author, { commentId: reply.id, body: "Too late to change this.", stance: "none" }, after)).toEqual({
          ok: false,
          error: "consultationClosed",
        });
      });
    });

    it("the comment period itself still takes top-level comments", async () => {
      const c = await newConsultation(h.db);
      const r = await post(await person("Period Author"), c, commentInput());
      expect(r.ok).toBe(true);
    });
  });

  describe("reference numbers", () => {
    it("20 participants posting at once get 20 distinct reference numbers with the consultation's prefix", async () => {
      const c = await newConsultation(h.db);
      await h.db.update(consultations).set({ referencePrefix: "PC" }).where(eq(consultations.id, c.consultationId));
      const people = await Promise.all(Array.from({ length: 20 }, (_, i) => person(`Concurrent ${i}`)));
      const results = await Promise.all(people.map((p, i) => post(p, c, commentInput({ body: `Concurrent comment number ${i}.` }))));
      const refs = results.map((r) => (r.ok ? r.reference : `refused: ${r.error}`));
      expect(new Set(refs).size).toBe(20);
      const year = new Intl.DateTimeFormat("en-IN", { year: "numeric", timeZone: "Asia/Kolkata" }).format(new Date());
      for (const ref of refs) expect(ref).toMatch(new RegExp(`^PC-${year}-\\d{6}$`));
      // Each reference names its own comment.
      for (const r of results) if (r.ok) expect(r.reference.endsWith(String(r.id).padStart(6, "0"))).toBe(true);
    });

    it("a resubmitted form gets the same reference again, and my contributions lists it with the round", async () => {
      const c = await newConsultation(h.db);
      await h.db
        .update(consultations)
        .set({ referencePrefix: "MC", summaryDueAt: new Date(Date.now() + 60 * DAY) })
        .where(eq(consultations.id, c.consultationId));
      const me = await person("Contributor");
      const form = commentInput({ body: "A comment I want to find again." });
      const first = await postOk(me, c, form);
      const again = await postOk(me, c, form);
      expect(again.reference).toBe(first.reference);
      const mine = await listContributionsOf(h.db, me.id);
      expect(mine.comments.map((x) => x.reference)).toEqual([first.reference]);
      expect(mine.rounds).toHaveLength(1);
      expect(mine.rounds[0]?.summaryDueAt).toBeInstanceOf(Date);
    });
  });

  describe("name or group, and language", () => {
    it("a group-only comment's name reaches nobody; its id only its author", async () => {
      const c = await newConsultation(h.db);
      const author = await person("Unmistakable Nameperson");
      const other = await person("Other Reader", "government");
      const r = await postOk(author, c, commentInput({ show: "group", body: "Said without my name, from academia." }));
      const [row] = await h.db.select({ nameShown: comments.nameShown }).from(comments).where(eq(comments.id, r.id));
      expect(row?.nameShown).toBe(false);

      const principleId = (await h.db.select({ id: comments.principleId }).from(comments).where(eq(comments.id, r.id)))[0]?.id ?? "";
      for (const viewerId of [other.id, null]) {
        const page = await listCommentThreads(h.db, { principleId, viewerId, sort: "newest", start: {} });
        const shown = page.threads.find((x) => x.id === r.id);
        expect(shown).toMatchObject({ authorId: null, authorName: null, authorDesignation: null, stakeholderGroup: "academia" });
        // Nowhere in what the query hands on: not in any field, not even in passing.
        expect(JSON.stringify(page)).not.toContain("Nameperson");
        expect(JSON.stringify(page)).not.toContain(author.id);
      }
      const own = await listCommentThreads(h.db, { principleId, viewerId: author.id, sort: "newest", start: {} });
      const mine = own.threads.find((x) => x.id === r.id);
      expect(mine).toMatchObject({ authorId: author.id, authorName: null, nameShown: false });
      expect(JSON.stringify(own)).not.toContain("Nameperson");
    });

    it("a named comment still names its author", async () => {
      const c = await newConsultation(h.db);
      const author = await person("Openly Named");
      const r = await postOk(author, c, commentInput({ show: "name" }));
      const [row] = await h.db.select({ principleId: comments.principleId }).from(comments).where(eq(comments.id, r.id));
      const page = await listCommentThreads(h.db, { principleId: row?.principleId ?? "", viewerId: null, sort: "newest", start: {} });
      expect(page.threads.find((x) => x.id === r.id)?.authorName).toBe("Openly Named");
    });

    it("on behalf of an organisation the organisation is always named, whatever the form said", async () => {
      const c = await newConsultation(h.db);
      const rep = await person("Org Speaker", "private_sector");
      const org = await newOrganisation(h.db);
      await addMembership(h.db, rep.id, org, { verified: true, maySign: false });
      const r = await postOk(rep, c, commentInput({ capacity: org, show: "group" }));
      const [row] = await h.db.select({ nameShown: comments.nameShown }).from(comments).where(eq(comments.id, r.id));
      expect(row?.nameShown).toBe(true);
    });

    it("records the language chosen, else the page's", async () => {
      const c = await newConsultation(h.db);
      const p = await person("Bilingual Writer");
      const hindi = await postOk(p, c, commentInput({ language: "hi", body: "साइबर स्वच्छता पर सबके लिए मार्गदर्शिका चाहिए।" }));
      const plain = await postOk(p, c, commentInput({ body: "No language given: the page's is used." }));
      const langs = await h.db
        .select({ id: comments.id, language: comments.language })
        .from(comments)
        .where(sql`${comments.id} in (${hindi.id}, ${plain.id})`);
      expect(Object.fromEntries(langs.map((l) => [l.id, l.language]))).toEqual({ [hindi.id]: "hi", [plain.id]: "en" });
    });
  });

  describe("the principle page outline", () => {
    it("carries the explainer, the schedule and a last-updated time from the newest published comment", async () => {
      const c = await newConsultation(h.db);
      const p = await person("Updating Writer");
      const at = new Date(Date.now() - 1000);
      await postOk(p, c, commentInput({}, at), at);
      const outline = await getPrincipleOutline(h.db, c.slug, c.principles[0]?.slug ?? "");
      expect(outline?.consultation.referencePrefix).toBe("SV");
      expect(outline?.principle.explainer).toBeNull();
      expect(outline?.lastUpdated).toBeInstanceOf(Date);
      expect(Math.abs((outline?.lastUpdated.getTime() ?? 0) - at.getTime())).toBeLessThan(1000);
    });
  });
});
