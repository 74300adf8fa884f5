import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listCommentThreads, listCommentVersions } from "@/db/queries/comments";
import { countCommentsByGroupAndStance } from "@/db/queries/statistics";
import { comments, consultations, rateLimitBuckets } from "@/db/schema";
import { createComment, editComment, withdrawComment } from "@/lib/commands/comments";
import { COMMENT_RATE } from "@/lib/rules/token-bucket";
import { commentSchema, type CommentInput } from "@/lib/validation/comments";
import { freshDatabase, testEngines } from "../support/engines";
import {
  addMembership,
  commentInput,
  coreCounts,
  expectNoWrites,
  newActor,
  newConsultation,
  newOrganisation,
  PARIS,
  parisCall,
  rows,
  SECRET,
  type SignedIn,
} from "./consultation-fixtures";

describe.each(testEngines())("comments on %s", (engine) => {
  let h: DbHandle;
  let principleSlug: string;
  let principleId: string;
  beforeAll(async () => {
    h = await freshDatabase(engine);
    const paris = await parisCall(h.db);
    principleSlug = paris.principles[4]!.slug;
    principleId = paris.principles[4]!.id;
  });
  afterAll(async () => h?.close());

  async function published(consultationId: string, principleId: string) {
    return (await countCommentsByGroupAndStance(h.db, { consultationId, principleId })).reduce((sum, r) => sum + r.n, 0);
  }

  function post(actor: SignedIn | null, input: CommentInput, now = new Date(), where = { consultationSlug: PARIS, principleSlug }) {
    return createComment(h.db, actor, { ...where, input, language: "en", secret: SECRET }, now);
  }

  async function postOk(actor: SignedIn, overrides: Partial<CommentInput> = {}): Promise<number> {
    const r = await post(actor, commentInput(overrides));
    if (!r.ok) throw new Error(`setup comment refused: ${r.error}`);
    return r.id;
  }

  async function commentRow(id: number) {
    const [row] = await h.db.select().from(comments).where(eq(comments.id, id));
    return row;
  }

  describe("form tokens", () => {
    it("one form submitted twice at once makes one comment and one version; the second answer is a duplicate", async () => {
      const a = await newActor(h.db);
      const form = commentInput({ body: "Submitted twice by a double click." });
      const [first, second] = await Promise.all([post(a, form), post(a, form)]);
      expect(first.ok && second.ok).toBe(true);
      if (!first.ok || !second.ok) return;
      expect(first.id).toBe(second.id);
      expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);

      const made = await rows<{ id: number }>(h.db, sql`select id from comments where form_token = ${form.formToken}`);
      expect(made).toHaveLength(1);
      expect(await listCommentVersions(h.db, first.id)).toHaveLength(1);

      // Sent once more later (back button, retry): still the same comment.
      const again = await post(a, form);
      expect(again).toEqual({ ok: true, id: first.id, duplicate: true, reference: first.reference });
      expect(await rows(h.db, sql`select id from comments where author_id = ${a.id}`)).toHaveLength(1);

      // Only the comment that was made took a rate-limit token.
      const [bucket] = await h.db
        .select()
        .from(rateLimitBuckets)
        .where(eq(rateLimitBuckets.key, `comment:${a.id}`));
      expect(bucket?.tokens).toBe(COMMENT_RATE.capacity - 1);
    });

    it("ten concurrent copies of one form still make one comment, and the refused copies take no rate-limit token", async () => {
      // More copies than two make it near certain that several reach the insert at once on PostgreSQL.
      const a = await newActor(h.db);
      const form = commentInput({ body: "Sent ten times by an impatient browser." });
      const results = await Promise.all(Array.from({ length: 10 }, () => post(a, form)));
      const ids = new Set(results.map((r) => (r.ok ? r.id : r.error)));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
      const [only] = [...ids] as number[];
      expect(await rows(h.db, sql`select id from comments where author_id = ${a.id}`)).toHaveLength(1);
      expect(await listCommentVersions(h.db, only!)).toHaveLength(1);
      const [bucket] = await h.db
        .select()
        .from(rateLimitBuckets)
        .where(eq(rateLimitBuckets.key, `comment:${a.id}`));
      expect(bucket?.tokens).toBe(COMMENT_RATE.capacity - 1);
    });
  });

  describe("authorisation", () => {
    it("nobody can edit or withdraw someone else's comment", async () => {
      const a = await newActor(h.db);
      const b = await newActor(h.db);
      const id = await postOk(a, { body: "The author's own words, unchanged." });
      expect(
        await expectNoWrites(h, () => editComment(h.db, b, { commentId: id, body: "Words put in another's mouth.", stance: "opposes" })),
      ).toEqual({ ok: false, error: "notFound" });
      expect(await expectNoWrites(h, () => withdrawComment(h.db, b, { commentId: id }))).toEqual({ ok: false, error: "notFound" });
      expect(await commentRow(id)).toMatchObject({ body: "The author's own words, unchanged.", stance: "supports", state: "published" });
      // A comment that does not exist answers the same.
      expect(await expectNoWrites(h, () => withdrawComment(h.db, b, { commentId: 2_000_000_000 }))).toEqual({
        ok: false,
        error: "notFound",
      });
    });

    it("refuses anonymous comments, edits and withdrawals", async () => {
      const a = await newActor(h.db);
      const id = await postOk(a);
      expect(await expectNoWrites(h, () => post(null, commentInput()))).toEqual({ ok: false, error: "unauthenticated" });
      expect(
        await expectNoWrites(h, () => editComment(h.db, null, { commentId: id, body: "Anonymous rewrite of the text.", stance: "none" })),
      ).toEqual({ ok: false, error: "unauthenticated" });
      expect(await expectNoWrites(h, () => withdrawComment(h.db, null, { commentId: id }))).toEqual({
        ok: false,
        error: "unauthenticated",
      });
      expect(await commentRow(id)).toMatchObject({ state: "published", editedAt: null });
    });

    it("only a verified member comments on behalf of an organisation", async () => {
      const org = await newOrganisation(h.db, { stakeholderGroup: "government" });
      const unverified = await newActor(h.db);
      const outsider = await newActor(h.db);
      const verified = await newActor(h.db, "academia");
      await addMembership(h.db, unverified.id, org, { verified: false, maySign: true });
      await addMembership(h.db, verified.id, org, { verified: true, maySign: false });

      for (const actor of [unverified, outsider]) {
        const r = await expectNoWrites(h, () => post(actor, commentInput({ capacity: org })));
        expect(r).toEqual({ ok: false, error: "capacityInvalid" });
      }
      // The control: a verified member may, and the comment carries the organisation's voice.
      const ok = await post(verified, commentInput({ capacity: org }));
      if (!ok.ok) throw new Error(`refused: ${ok.error}`);
      expect(await commentRow(ok.id)).toMatchObject({ organisationId: org, stakeholderGroup: "government", authorId: verified.id });
    });

    it("takes nothing on a closed consultation or after its closing time", async () => {
      const a = await newActor(h.db);
      const closed = await newConsultation(h.db, { status: "closed" });
      const r1 = await expectNoWrites(h, () =>
        post(a, commentInput(), new Date(), { consultationSlug: closed.slug, principleSlug: closed.principles[0]!.slug }),
      );
      expect(r1).toEqual({ ok: false, error: "consultationClosed" });
      const past = await newConsultation(h.db, {
        opensAt: new Date(Date.now() - 10 * 86_400_000),
        closesAt: new Date(Date.now() - 86_400_000),
      });
      const r2 = await expectNoWrites(h, () =>
        post(a, commentInput(), new Date(), { consultationSlug: past.slug, principleSlug: past.principles[0]!.slug }),
      );
      expect(r2).toEqual({ ok: false, error: "consultationClosed" });

      // A comment made while open can be neither edited nor withdrawn once the consultation has closed.
      const open = await newConsultation(h.db);
      const made = await post(a, commentInput(), new Date(), { consultationSlug: open.slug, principleSlug: open.principles[1]!.slug });
      if (!made.ok) throw new Error(`refused: ${made.error}`);
      const afterClosing = new Date(Date.now() + 31 * 86_400_000);
      const edit = { commentId: made.id, body: "Edited after the consultation closed.", stance: "opposes" as const };
      expect(await expectNoWrites(h, () => editComment(h.db, a, edit, afterClosing))).toEqual({ ok: false, error: "consultationClosed" });
      expect(await expectNoWrites(h, () => withdrawComment(h.db, a, { commentId: made.id }, afterClosing))).toEqual({
        ok: false,
        error: "consultationClosed",
      });
      await h.db.update(consultations).set({ status: "closed" }).where(eq(consultations.id, open.consultationId));
      expect(await expectNoWrites(h, () => editComment(h.db, a, edit))).toEqual({ ok: false, error: "consultationClosed" });
      expect(await expectNoWrites(h, () => withdrawComment(h.db, a, { commentId: made.id }))).toEqual({
        ok: false,
        error: "consultationClosed",
      });
      expect(await commentRow(made.id)).toMatchObject({ state: "published", editedAt: null });
    });
  });

  describe("rate limit", () => {
    it("accepts a burst of 5, refuses the 6th until 20 seconds later, and writes nothing for the refused one", async () => {
      const a = await newActor(h.db);
      const now = new Date();
      for (let i = 0; i < 5; i++) {
        const r = await post(a, commentInput({ body: `Quick comment number ${i + 1}.` }, now), now);
        expect(r).toMatchObject({ ok: true, duplicate: false });
      }
      const sixth = commentInput({ body: "The sixth comment, sent too soon." }, now);
      const before = await coreCounts(h);
      const refused = await post(a, sixth, now);
      expect(await coreCounts(h)).toEqual(before);
      expect(refused.ok).toBe(false);
      if (refused.ok || refused.error !== "rateLimited") throw new Error(`expected rateLimited, got ${JSON.stringify(refused)}`);
      const wait = refused.retryAt.getTime() - now.getTime();
      expect(wait).toBeGreaterThan(19_000);
      expect(wait).toBeLessThanOrEqual(COMMENT_RATE.refillMs);
      expect(await rows(h.db, sql`select id from comments where form_token = ${sixth.formToken}`)).toHaveLength(0);

      // 20 seconds later the same form goes through, and only that one.
      const later = new Date(now.getTime() + 20_000);
      const accepted = await post(a, sixth, later);
      expect(accepted).toMatchObject({ ok: true, duplicate: false });
      const seventh = await post(a, commentInput({ body: "And a seventh one straight after." }, later), later);
      expect(seventh).toMatchObject({ ok: false, error: "rateLimited" });
      expect(await rows(h.db, sql`select id from comments where author_id = ${a.id}`)).toHaveLength(6);
    });
  });

  describe("validation and the database agree", () => {
    it("stores the shortest and longest bodies the schema accepts, in any script", async () => {
      const a = await newActor(h.db);
      for (const body of ["😀".repeat(10), "स".repeat(10), "😀".repeat(5000)]) {
        const parsed = commentSchema.safeParse({ body, stance: "none", formToken: crypto.randomUUID() });
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        const r = await post(a, commentInput({ body: parsed.data.body, stance: parsed.data.stance }));
        expect(r).toMatchObject({ ok: true, duplicate: false });
        if (r.ok) expect((await commentRow(r.id))?.body).toBe(body);
      }
    });
  });

  describe("versions, withdrawal and threads", () => {
    it("an edit keeps every earlier version, in order", async () => {
      const a = await newActor(h.db);
      const id = await postOk(a, { body: "First text of the comment.", stance: "has_concerns" });
      expect(
        await editComment(h.db, a, { commentId: id, body: "Second text, after some thought.", stance: "supports_with_changes" }),
      ).toEqual({
        ok: true,
      });
      expect(await editComment(h.db, a, { commentId: id, body: "Third and final text.", stance: "supports" })).toEqual({ ok: true });
      const versions = await listCommentVersions(h.db, id);
      expect(versions.map(({ version, body, stance }) => ({ version, body, stance }))).toEqual([
        { version: 1, body: "First text of the comment.", stance: "has_concerns" },
        { version: 2, body: "Second text, after some thought.", stance: "supports_with_changes" },
        { version: 3, body: "Third and final text.", stance: "supports" },
      ]);
      expect(await commentRow(id)).toMatchObject({ body: "Third and final text.", stance: "supports" });
      expect((await commentRow(id))?.editedAt).toBeInstanceOf(Date);
    });

    it("a withdrawn comment stays in its thread without its text, and its replies stay visible", async () => {
      const a = await newActor(h.db);
      const b = await newActor(h.db);
      const c = await newConsultation(h.db);
      const where = { consultationSlug: c.slug, principleSlug: c.principles[0]!.slug };
      const parent = await post(a, commentInput({ body: "A parent comment to be withdrawn." }), new Date(), where);
      if (!parent.ok) throw new Error("setup refused");
      const reply = await post(b, commentInput({ body: "A reply that must stay visible.", parentId: parent.id }), new Date(), where);
      if (!reply.ok) throw new Error("setup refused");
      expect(await published(c.consultationId, c.principles[0]!.id)).toBe(2);

      expect(await withdrawComment(h.db, a, { commentId: parent.id })).toEqual({ ok: true });
      expect(await published(c.consultationId, c.principles[0]!.id)).toBe(1);

      const page = await listCommentThreads(h.db, { principleId: c.principles[0]!.id, viewerId: null, sort: "newest", start: {} });
      expect(page.threads).toHaveLength(1);
      expect(page.threads[0]).toMatchObject({ id: parent.id, state: "withdrawn", body: null, threadReplyCount: 1 });
      expect(page.replies).toHaveLength(1);
      expect(page.replies[0]).toMatchObject({
        id: reply.id,
        parentId: parent.id,
        rootId: parent.id,
        depth: 1,
        body: "A reply that must stay visible.",
      });
      // Its text is gone for everyone but its author; the versions are still kept.
      const forAuthor = await listCommentThreads(h.db, { principleId: c.principles[0]!.id, viewerId: a.id, sort: "newest", start: {} });
      expect(forAuthor.threads[0]?.body).toBe("A parent comment to be withdrawn.");
      const forOther = await listCommentThreads(h.db, { principleId: c.principles[0]!.id, viewerId: b.id, sort: "newest", start: {} });
      expect(forOther.threads[0]?.body).toBeNull();
      expect(await listCommentVersions(h.db, parent.id)).toHaveLength(1);

      // Withdrawing twice finds nothing to withdraw, and a withdrawn comment takes no more edits.
      expect(await withdrawComment(h.db, a, { commentId: parent.id })).toEqual({ ok: false, error: "notFound" });
      expect(
        await expectNoWrites(h, () => editComment(h.db, a, { commentId: parent.id, body: "Editing a withdrawn comment.", stance: "none" })),
      ).toEqual({ ok: false, error: "notFound" });
    });

    it("replies nest at most three levels deep", async () => {
      const a = await newActor(h.db);
      const b = await newActor(h.db);
      const top = await postOk(a, { body: "Level one: the top comment." });
      const second = await postOk(b, { body: "Level two: a reply.", parentId: top });
      const third = await postOk(a, { body: "Level three: a reply to the reply.", parentId: second });
      expect(await commentRow(third)).toMatchObject({ depth: 2, parentId: second, rootId: top });
      expect(await commentRow(top)).toMatchObject({ threadReplyCount: 2 });

      const fourth = await expectNoWrites(h, () => post(b, commentInput({ body: "Level four: one level too deep.", parentId: third })));
      expect(fourth).toEqual({ ok: false, error: "parentInvalid" });
      expect(await commentRow(top)).toMatchObject({ threadReplyCount: 2 });

      // A reply to a comment on another principle, or to none at all, is refused the same way.
      const elsewhere = await newConsultation(h.db);
      const foreign = await post(a, commentInput(), new Date(), {
        consultationSlug: elsewhere.slug,
        principleSlug: elsewhere.principles[0]!.slug,
      });
      if (!foreign.ok) throw new Error("setup refused");
      expect(await expectNoWrites(h, () => post(b, commentInput({ parentId: foreign.id })))).toEqual({ ok: false, error: "parentInvalid" });
      expect(await expectNoWrites(h, () => post(b, commentInput({ parentId: 2_000_000_000 })))).toEqual({
        ok: false,
        error: "parentInvalid",
      });

      const page = await listCommentThreads(h.db, { principleId, viewerId: null, sort: "newest", start: {} });
      const thread = page.replies.filter((r) => r.rootId === top).map((r) => r.id);
      expect(thread).toEqual([second, third]);
    });
  });
});
