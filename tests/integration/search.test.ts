import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  commentSearchQuery,
  getVisibleCommentByNumber,
  searchComments,
  searchOrganisations,
  searchPrinciples,
  searchSummaries,
} from "@/db/queries/search";
import { comments, consultations, organisations, principles, summaryVersions } from "@/db/schema";
import { createComment, withdrawComment } from "@/lib/commands/comments";
import { freshDatabase, testEngines } from "../support/engines";
import { commentInput, newActor, newConsultation, newOrganisation, SECRET, type SignedIn } from "./consultation-fixtures";

const W = { limit: 10, offset: 0 };

describe.each(testEngines())("search on %s", (engine) => {
  let h: DbHandle;
  // The author of the latest comment posted (withdrawing needs them).
  let author: SignedIn;
  let open: Awaited<ReturnType<typeof newConsultation>>;
  beforeAll(async () => {
    h = await freshDatabase(engine);
    open = await newConsultation(h.db);
  });
  afterAll(async () => h?.close());

  /** Each comment from its own author: the comment rate limit is not what these tests are about. */
  async function post(body: string, p: { slug?: string; principleSlug?: string; language?: "en" | "hi" } = {}) {
    author = await newActor(h.db);
    const r = await createComment(h.db, author, {
      consultationSlug: p.slug ?? open.slug,
      principleSlug: p.principleSlug ?? open.principles[0]!.slug,
      input: commentInput({ body }),
      language: p.language ?? "en",
      secret: SECRET,
    });
    if (!r.ok) throw new Error(`setup comment refused: ${r.error}`);
    return r.id;
  }

  const idsFor = async (q: string) => (await searchComments(h.db, q, W)).rows.map((r) => r.id);

  it("finds a published comment by a word of its text, in English and in Hindi, naming its consultation and section", async () => {
    const en = await post("Critical infrastructure needs zebrafinch protection from attacks.");
    const hi = await post("महत्वपूर्ण अवसंरचना की सुरक्षा के लिए मयूरपंख नियम ज़रूरी हैं।", { language: "hi" });
    expect(await idsFor("zebrafinch")).toEqual([en]);
    expect(await idsFor("ZEBRAFINCH protection")).toEqual([en]);
    expect(await idsFor("मयूरपंख")).toEqual([hi]);
    const [row] = (await searchComments(h.db, "मयूरपंख", W)).rows;
    expect(row).toMatchObject({ consultationSlug: open.slug, principleSlug: open.principles[0]!.slug, language: "hi" });
  });

  it("never returns held, hidden or withdrawn text, nor a comment of a draft consultation", async () => {
    const published = await post("The word quokkaword is public here.");
    const hidden = await post("The word quokkaword was hidden by a moderator.");
    await h.db.update(comments).set({ state: "hidden" }).where(eq(comments.id, hidden));
    const withdrawn = await post("The word quokkaword was withdrawn by its author.");
    expect(await withdrawComment(h.db, author, { commentId: withdrawn })).toEqual({ ok: true });

    const held = await newConsultation(h.db);
    await h.db.update(consultations).set({ preModeration: true }).where(eq(consultations.id, held.consultationId));
    const heldId = await post("The word quokkaword awaits a moderator.", { slug: held.slug, principleSlug: held.principles[0]!.slug });
    const [heldRow] = await h.db.select({ state: comments.state }).from(comments).where(eq(comments.id, heldId));
    expect(heldRow?.state).toBe("awaiting_moderation");

    // A comment on a consultation that went back to draft (or was entered before publishing) stays unseen.
    const draft = await newConsultation(h.db);
    const draftId = await post("The word quokkaword is in a draft.", { slug: draft.slug, principleSlug: draft.principles[0]!.slug });
    await h.db.update(consultations).set({ status: "draft" }).where(eq(consultations.id, draft.consultationId));

    expect(await idsFor("quokkaword")).toEqual([published]);
    expect(await idsFor("hidden")).not.toContain(hidden);
    expect(await idsFor("withdrawn")).not.toContain(withdrawn);
    expect(await idsFor("awaits")).toEqual([]);
    expect(await idsFor("draft")).toEqual([]);
    for (const [prefix, id] of [
      ["SV", hidden],
      ["SV", withdrawn],
      ["SV", heldId],
      ["SV", draftId],
    ] as const) {
      expect(await getVisibleCommentByNumber(h.db, { prefix, id })).toBeUndefined();
    }
  });

  it("finds a published comment by its number only under its consultation's reference prefix", async () => {
    const id = await post("A comment someone will look up by its reference number.");
    expect((await getVisibleCommentByNumber(h.db, { prefix: "SV", id }))?.id).toBe(id);
    expect(await getVisibleCommentByNumber(h.db, { prefix: "PC", id })).toBeUndefined();
  });

  it("pages through many matches, newest first, saying whether there are more", async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await post(`Pagination marker wombatpage number ${i}.`));
    const first = await searchComments(h.db, "wombatpage", { limit: 2, offset: 0 });
    expect(first).toEqual({ rows: expect.any(Array), more: true });
    expect(first.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const second = await searchComments(h.db, "wombatpage", { limit: 2, offset: 2 });
    expect(second.rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(second.more).toBe(false);
  });

  it("reads what people type without failing: operators, quotes, punctuation only", async () => {
    const id = await post("Hack-back is a poor answer to ransomware campaigns.");
    expect(await idsFor('"poor answer" -unrelated')).toEqual([id]);
    expect(await idsFor("ransomware or nothingmatches")).toContain(id);
    expect(await idsFor("!!! ((")).toEqual([]);
    expect(await idsFor("'; drop table comments; --")).toEqual([]);
  });

  it("uses the GIN index comments_body_search_idx for comment text", async () => {
    const plan = await h.db.transaction(async (tx) => {
      // With sequential and plain index scans off, only a bitmap scan of a matching index can answer cheaply:
      // if the query's expression were not the index's, the plan would fall back to a (penalised) seq scan.
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_indexscan = off`);
      const result = await tx.execute(sql`explain ${commentSearchQuery(h.db, "zebrafinch", W)}`);
      return (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as Record<string, string>[];
    });
    expect(plan.map((r) => Object.values(r).join(" ")).join("\n")).toContain("comments_body_search_idx");
  });

  it("finds sections by title, text or explainer in either language, never in a draft consultation", async () => {
    const c = await newConsultation(h.db, { principleCount: 1 });
    await h.db
      .update(principles)
      .set({ titleHi: "चुनावी प्रक्रियाएँ", explainer: "Plain words about ballotbox integrity.", explainerHi: "मतपेटी की सुरक्षा।" })
      .where(eq(principles.id, c.principles[0]!.id));
    const d = await newConsultation(h.db, { status: "draft", principleCount: 1 });
    await h.db.update(principles).set({ explainer: "A draft about ballotbox rules." }).where(eq(principles.id, d.principles[0]!.id));

    const slugs = async (q: string) => (await searchPrinciples(h.db, q, W)).rows.map((r) => r.consultationSlug);
    expect(await slugs("ballotbox")).toEqual([c.slug]);
    expect(await slugs("मतपेटी")).toEqual([c.slug]);
    expect(await slugs("प्रक्रियाएँ")).toEqual([c.slug]);
  });

  it("finds a summary by its latest version only, and only when its consultation is public", async () => {
    const c = await newConsultation(h.db, { principleCount: 1 });
    const principleId = c.principles[0]!.id;
    await h.db.insert(summaryVersions).values([
      { principleId, version: 1, sections: { overview: "First wording mentions platypusold." }, publishedByRole: "moderator" },
      {
        principleId,
        version: 2,
        sections: { overview: "Second wording [#1] mentions platypusnew.", agreement: "सहमति का सार" },
        publishedByRole: "moderator",
      },
    ]);
    expect((await searchSummaries(h.db, "platypusold", W)).rows).toEqual([]);
    const found = (await searchSummaries(h.db, "platypusnew", W)).rows;
    expect(found.map((r) => [r.consultationSlug, r.version])).toEqual([[c.slug, 2]]);
    expect((await searchSummaries(h.db, "सहमति", W)).rows).toHaveLength(1);

    await h.db.update(consultations).set({ status: "draft" }).where(eq(consultations.id, c.consultationId));
    expect((await searchSummaries(h.db, "platypusnew", W)).rows).toEqual([]);
  });

  it("finds organisations by a word of their name", async () => {
    const id = await newOrganisation(h.db, { verified: true });
    await h.db.update(organisations).set({ name: "Bandicoot Cyber Trust" }).where(eq(organisations.id, id));
    expect((await searchOrganisations(h.db, "bandicoot", W)).rows).toEqual([expect.objectContaining({ id, verified: true })]);
    expect((await searchOrganisations(h.db, "bandicoot trust", W)).rows).toHaveLength(1);
    expect((await searchOrganisations(h.db, "wallaby", W)).rows).toEqual([]);
  });
});
