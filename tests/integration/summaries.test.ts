import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getSummaryDraft, getSummaryVersion, listSummaryVersions, listVersionCitations, summaryCoverage } from "@/db/queries/summaries";
import { comments, summaryCitations, summaryDrafts, summaryVersions } from "@/db/schema";
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from "@/lib/limits";
import type { SummaryContent } from "@/lib/limits";
import { withdrawComment } from "@/lib/commands/comments";
import { moderateComment } from "@/lib/commands/moderation";
import { publishSummary, saveSummary } from "@/lib/commands/summaries";
import type { CitationProblem } from "@/lib/rules/citations";
import { countRows, freshDatabase, testEngines } from "../support/engines";
import { newActor, type SignedIn } from "./consultation-fixtures";
import {
  expectUnchanged,
  moderatedConsultation,
  newBlockedActor,
  newOrganisationRepresentative,
  newStaff,
  postComment,
  refusedByDatabase,
  type ModeratedConsultation,
} from "./moderation-fixtures";

describe.each(testEngines())("principle summaries on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  // ---- helpers ----------------------------------------------------------------------------------------------

  /** Saves a draft as `actor` (a moderator unless told), failing the test if the save itself is refused. */
  async function saveDraft(actor: SignedIn, principleId: string, sections: SummaryContent): Promise<CitationProblem[]> {
    const r = await saveSummary(h.db, actor, { principleId, sections });
    if (!r.ok) throw new Error(`setup save refused: ${r.error}`);
    return r.problems;
  }

  async function versionsOf(principleId: string) {
    return h.db.select().from(summaryVersions).where(eq(summaryVersions.principleId, principleId)).orderBy(asc(summaryVersions.version));
  }

  async function citationsOf(versionId: number) {
    const got = await h.db
      .select({ commentId: summaryCitations.commentId, section: summaryCitations.section })
      .from(summaryCitations)
      .where(eq(summaryCitations.versionId, versionId));
    return got.sort((a, b) => a.commentId - b.commentId || a.section.localeCompare(b.section));
  }

  async function stateOf(commentId: number) {
    const [row] = await h.db.select({ state: comments.state }).from(comments).where(eq(comments.id, commentId));
    return row?.state;
  }

  /** Every row of the two summary tables that matter to a refused command, in a stable order. */
  async function summaryTables() {
    return {
      drafts: await h.db.select().from(summaryDrafts).orderBy(asc(summaryDrafts.principleId)),
      versions: await h.db.select().from(summaryVersions).orderBy(asc(summaryVersions.id)),
      citations: await h.db.select().from(summaryCitations).orderBy(asc(summaryCitations.versionId), asc(summaryCitations.commentId)),
    };
  }

  async function hide(c: ModeratedConsultation, commentId: number, moderator: SignedIn) {
    const r = await moderateComment(h.db, moderator, { commentId, action: "hide", ruleId: c.rules[0]!.id, note: "" });
    if (!r.ok) throw new Error(`setup hide refused: ${r.error}`);
  }

  /** A consultation with a moderator, and a published comment from each of the given groups on its first principle. */
  async function withComments(groups: StakeholderGroup[]) {
    const c = await moderatedConsultation(h.db, { threshold: 1000 });
    const moderator = await newStaff(h.db, "moderator");
    const ids: number[] = [];
    for (const g of groups) ids.push(await postComment(h.db, await newActor(h.db, g), c));
    return { c, moderator, ids };
  }

  // ---- citations that stop publication ----------------------------------------------------------------------

  describe("a draft with an invalid citation is saved, but cannot be published", () => {
    type Case = {
      name: string;
      kind: CitationProblem["kind"];
      section: keyof SummaryContent;
      arrange: () => Promise<{ principleId: string; commentId: number; moderator: SignedIn }>;
    };
    const cases: Case[] = [
      {
        name: "a hidden comment",
        kind: "notVisible",
        section: "civil_society",
        arrange: async () => {
          const { c, moderator, ids } = await withComments(["civil_society"]);
          await hide(c, ids[0]!, moderator);
          expect(await stateOf(ids[0]!)).toBe("hidden");
          return { principleId: c.principleId, commentId: ids[0]!, moderator };
        },
      },
      {
        name: "a withdrawn comment",
        kind: "notVisible",
        section: "civil_society",
        arrange: async () => {
          const c = await moderatedConsultation(h.db);
          const author = await newActor(h.db, "civil_society");
          const commentId = await postComment(h.db, author, c);
          expect(await withdrawComment(h.db, author, { commentId })).toEqual({ ok: true });
          expect(await stateOf(commentId)).toBe("withdrawn");
          return { principleId: c.principleId, commentId, moderator: await newStaff(h.db, "moderator") };
        },
      },
      {
        name: "a comment held for pre-moderation",
        kind: "notVisible",
        section: "overview",
        arrange: async () => {
          const c = await moderatedConsultation(h.db, { preModeration: true });
          const commentId = await postComment(h.db, await newActor(h.db, "civil_society"), c);
          expect(await stateOf(commentId)).toBe("awaiting_moderation");
          return { principleId: c.principleId, commentId, moderator: await newStaff(h.db, "moderator") };
        },
      },
      {
        name: "a comment on another principle",
        kind: "otherPrinciple",
        section: "overview",
        arrange: async () => {
          const c = await moderatedConsultation(h.db);
          const commentId = await postComment(h.db, await newActor(h.db, "civil_society"), {
            slug: c.slug,
            principleSlug: c.principles[1]!.slug,
          });
          expect(await stateOf(commentId)).toBe("published");
          return { principleId: c.principleId, commentId, moderator: await newStaff(h.db, "moderator") };
        },
      },
      {
        name: "another group's comment in a group's part",
        kind: "otherGroup",
        section: "government",
        arrange: async () => {
          const { c, moderator, ids } = await withComments(["academia"]);
          return { principleId: c.principleId, commentId: ids[0]!, moderator };
        },
      },
      {
        name: "a comment that does not exist",
        kind: "missing",
        section: "disagreement",
        arrange: async () => {
          const c = await moderatedConsultation(h.db);
          return { principleId: c.principleId, commentId: 987_654_321, moderator: await newStaff(h.db, "moderator") };
        },
      },
    ];

    it.each(cases)("citing $name: citationProblems with $kind", async ({ kind, section, arrange }) => {
      const { principleId, commentId, moderator } = await arrange();
      const sections: SummaryContent = { [section]: `A point made in consultation [#${commentId}].` };
      const expected = [{ section, kind, commentId }];

      // Saving keeps the draft as written and lists the problem beside it.
      expect(await saveDraft(moderator, principleId, sections)).toEqual(expected);
      expect((await getSummaryDraft(h.db, principleId))?.sections).toEqual(sections);

      const versionsBefore = await countRows(h, "summary_versions");
      const citationsBefore = await countRows(h, "summary_citations");
      const r = await expectUnchanged(h, () => publishSummary(h.db, moderator, { principleId }));
      expect(r).toEqual({ ok: false, error: "citationProblems", problems: expected });
      expect(await versionsOf(principleId)).toEqual([]);
      expect(await countRows(h, "summary_versions")).toBe(versionsBefore);
      expect(await countRows(h, "summary_citations")).toBe(citationsBefore);
    });

    it("citing [#0] or a number beyond the id range is a missing comment, not a database error", async () => {
      const { c, moderator, ids } = await withComments(["civil_society"]);
      const sections: SummaryContent = { overview: `Real [#${ids[0]}], zero [#0], too large [#2147483648] and [#9999999999].` };
      const expected = [0, 2147483648, 9999999999].map((commentId) => ({ section: "overview", kind: "missing", commentId }));
      expect(await saveDraft(moderator, c.principleId, sections)).toEqual(expected);
      const r = await expectUnchanged(h, () => publishSummary(h.db, moderator, { principleId: c.principleId }));
      expect(r).toEqual({ ok: false, error: "citationProblems", problems: expected });
    });

    it("an uncited paragraph in the overview stops publication; the same paragraph under agreement does not", async () => {
      const { c, moderator, ids } = await withComments(["civil_society"]);
      const uncited: SummaryContent = { overview: `Supported widely [#${ids[0]}].\n\nBut this claim has no source.` };
      expect(await saveDraft(moderator, c.principleId, uncited)).toEqual([
        { section: "overview", kind: "uncitedBlock", block: 2, excerpt: "But this claim has no source." },
      ]);
      const r = await expectUnchanged(h, () => publishSummary(h.db, moderator, { principleId: c.principleId }));
      expect(r).toMatchObject({
        ok: false,
        error: "citationProblems",
        problems: [{ section: "overview", kind: "uncitedBlock", block: 2 }],
      });
      expect(await versionsOf(c.principleId)).toEqual([]);

      // Moved under agreement, the uncited paragraph is allowed.
      expect(
        await saveDraft(moderator, c.principleId, {
          overview: `Supported widely [#${ids[0]}].`,
          agreement: "But this claim has no source.",
        }),
      ).toEqual([]);
      expect(await publishSummary(h.db, moderator, { principleId: c.principleId })).toEqual({ ok: true, version: 1 });
    });

    it("an uncited list item in a group's part stops publication", async () => {
      const { c, moderator, ids } = await withComments(["technical_community"]);
      await saveDraft(moderator, c.principleId, {
        technical_community: `- interoperability [#${ids[0]}]\n- and an unsourced second point`,
      });
      const r = await expectUnchanged(h, () => publishSummary(h.db, moderator, { principleId: c.principleId }));
      expect(r).toEqual({
        ok: false,
        error: "citationProblems",
        problems: [{ section: "technical_community", kind: "uncitedBlock", block: 2, excerpt: "and an unsourced second point" }],
      });
    });

    it("a principle without a draft, or with only blank sections, has nothing to publish", async () => {
      const { c, moderator } = await withComments([]);
      expect(await expectUnchanged(h, () => publishSummary(h.db, moderator, { principleId: c.principleId }))).toEqual({
        ok: false,
        error: "emptySummary",
      });
      await saveDraft(moderator, c.principleId, { overview: "   ", agreement: "\n\n" });
      expect(await expectUnchanged(h, () => publishSummary(h.db, moderator, { principleId: c.principleId }))).toEqual({
        ok: false,
        error: "emptySummary",
      });
      expect(await versionsOf(c.principleId)).toEqual([]);
    });

    it("saving for a principle that does not exist is notFound and writes no draft", async () => {
      const moderator = await newStaff(h.db, "moderator");
      const r = await expectUnchanged(h, () =>
        saveSummary(h.db, moderator, { principleId: crypto.randomUUID(), sections: { agreement: "Text." } }),
      );
      expect(r).toEqual({ ok: false, error: "notFound" });
    });
  });

  // ---- publishing ---------------------------------------------------------------------------------------------

  describe("publishing", () => {
    it("publishes version 1 with its citations, then version 2 after edits; versions are numbered per principle", async () => {
      const { c, moderator, ids } = await withComments(["government", "academia", "civil_society"]);
      const [gov, aca, civ] = ids as [number, number, number];
      const v1: SummaryContent = {
        overview: `Governments and researchers agreed [#${gov}] [#${aca}].\n\n- a reservation [#${civ}]`,
        government: `Asked for time [#${gov}] and again [#${gov}].`,
        academia: `## Research\n\nSupported it [#${aca}].`,
        agreement: "The aim is shared.",
      };
      expect(await saveDraft(moderator, c.principleId, v1)).toEqual([]);
      expect(await publishSummary(h.db, moderator, { principleId: c.principleId })).toEqual({ ok: true, version: 1 });

      const [first] = await versionsOf(c.principleId);
      expect(first).toMatchObject({ version: 1, sections: v1, publishedByRole: "moderator" });
      expect(first?.publishedAt).toBeInstanceOf(Date);
      // One row per comment and section; a comment cited twice in a section is one row.
      expect(await citationsOf(first!.id)).toEqual(
        [
          { commentId: gov, section: "overview" },
          { commentId: gov, section: "government" },
          { commentId: aca, section: "overview" },
          { commentId: aca, section: "academia" },
          { commentId: civ, section: "overview" },
        ].sort((a, b) => a.commentId - b.commentId || a.section.localeCompare(b.section)),
      );

      // An admin edits and publishes again: version 2; version 1 stays as it was.
      const admin = await newStaff(h.db, "admin");
      const v2: SummaryContent = { overview: `Revised: researchers agreed [#${aca}].`, disagreement: `Civil society dissented [#${civ}].` };
      expect(await saveDraft(admin, c.principleId, v2)).toEqual([]);
      expect(await publishSummary(h.db, admin, { principleId: c.principleId })).toEqual({ ok: true, version: 2 });
      const [again, second] = await versionsOf(c.principleId);
      expect(again).toEqual(first);
      expect(second).toMatchObject({ version: 2, sections: v2, publishedByRole: "admin" });
      expect(await citationsOf(second!.id)).toEqual([
        { commentId: aca, section: "overview" },
        { commentId: civ, section: "disagreement" },
      ]);
      expect(await getSummaryVersion(h.db, c.principleId)).toMatchObject({ id: second!.id, version: 2 });
      expect(await getSummaryVersion(h.db, c.principleId, 1)).toMatchObject({ id: first!.id, sections: v1 });
      expect((await listSummaryVersions(h.db, c.principleId)).map((v) => v.version)).toEqual([2, 1]);

      // The second principle of the same consultation starts at 1.
      const otherPrinciple = c.principles[1]!;
      const onOther = await postComment(h.db, await newActor(h.db, "academia"), { slug: c.slug, principleSlug: otherPrinciple.slug });
      await saveDraft(moderator, otherPrinciple.id, { academia: `Agreed [#${onOther}].` });
      expect(await publishSummary(h.db, moderator, { principleId: otherPrinciple.id })).toEqual({ ok: true, version: 1 });
      expect((await versionsOf(otherPrinciple.id)).map((v) => v.version)).toEqual([1]);
      expect((await versionsOf(c.principleId)).map((v) => v.version)).toEqual([1, 2]);
    });

    it("saving a draft overwrites the one draft of the principle and records who saved it", async () => {
      const { c, moderator, ids } = await withComments(["academia"]);
      const other = await newStaff(h.db, "admin");
      await saveDraft(moderator, c.principleId, { overview: "First words." });
      await saveDraft(other, c.principleId, { overview: `Second words [#${ids[0]}].` });
      const drafts = await h.db.select().from(summaryDrafts).where(eq(summaryDrafts.principleId, c.principleId));
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ sections: { overview: `Second words [#${ids[0]}].` }, updatedBy: other.id });
    });

    it("five publishes of the same principle at once get versions 1 to 5, each with its citations", async () => {
      const { c, moderator, ids } = await withComments(["private_sector"]);
      const sections: SummaryContent = { private_sector: `Industry supported it [#${ids[0]}].` };
      await saveDraft(moderator, c.principleId, sections);
      const staff = [
        moderator,
        await newStaff(h.db, "moderator"),
        await newStaff(h.db, "admin"),
        await newStaff(h.db, "moderator"),
        moderator,
      ];

      const results = await Promise.all(staff.map((s) => publishSummary(h.db, s, { principleId: c.principleId })));
      for (const r of results) expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(results.map((r) => (r.ok ? r.version : 0)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
      const rows = await versionsOf(c.principleId);
      expect(rows.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
      for (const v of rows) {
        expect(v.sections).toEqual(sections);
        expect(await citationsOf(v.id)).toEqual([{ commentId: ids[0], section: "private_sector" }]);
      }
    });

    it("concurrent publishes of two principles number each principle's versions on its own", async () => {
      const { c, moderator, ids } = await withComments(["academia"]);
      const second = c.principles[1]!;
      const onSecond = await postComment(h.db, await newActor(h.db, "academia"), { slug: c.slug, principleSlug: second.slug });
      await saveDraft(moderator, c.principleId, { overview: `First [#${ids[0]}].` });
      await saveDraft(moderator, second.id, { overview: `Second [#${onSecond}].` });
      const targets = [c.principleId, second.id, c.principleId, second.id, c.principleId, second.id];
      const results = await Promise.all(targets.map((principleId) => publishSummary(h.db, moderator, { principleId })));
      for (const r of results) expect(r.ok, JSON.stringify(r)).toBe(true);
      expect((await versionsOf(c.principleId)).map((v) => v.version)).toEqual([1, 2, 3]);
      expect((await versionsOf(second.id)).map((v) => v.version)).toEqual([1, 2, 3]);
    });
  });

  // ---- immutability -------------------------------------------------------------------------------------------

  describe("published versions never change", () => {
    it("the database refuses UPDATE, DELETE and TRUNCATE on summary_versions and summary_citations", async () => {
      const { c, moderator, ids } = await withComments(["civil_society"]);
      await saveDraft(moderator, c.principleId, { overview: `Cited [#${ids[0]}].` });
      expect(await publishSummary(h.db, moderator, { principleId: c.principleId })).toEqual({ ok: true, version: 1 });
      // A version that cites nothing, so no citation row stands in the way of its delete but the trigger.
      const bare = (await withComments([])).c;
      await saveDraft(moderator, bare.principleId, { agreement: "Nothing to cite here." });
      expect(await publishSummary(h.db, moderator, { principleId: bare.principleId })).toEqual({ ok: true, version: 1 });
      const [cited] = await versionsOf(c.principleId);
      const [uncited] = await versionsOf(bare.principleId);
      expect(await citationsOf(uncited!.id)).toEqual([]);
      const before = await summaryTables();
      expect(before.citations.length).toBeGreaterThan(0);

      const versions = /summary_versions is append-only/;
      const citations = /summary_citations is append-only/;
      expect(
        await refusedByDatabase(
          h.db,
          sql`update summary_versions set sections = '{"overview":"rewritten"}'::jsonb where id = ${cited!.id}`,
        ),
      ).toMatch(versions);
      expect(await refusedByDatabase(h.db, sql`update summary_versions set version = 7 where id = ${uncited!.id}`)).toMatch(versions);
      expect(await refusedByDatabase(h.db, sql`update summary_versions set published_by_role = 'admin'`)).toMatch(versions);
      expect(await refusedByDatabase(h.db, sql`delete from summary_versions where id = ${uncited!.id}`)).toMatch(versions);
      expect(await refusedByDatabase(h.db, sql`delete from summary_versions`)).toMatch(/append-only/);
      expect(await refusedByDatabase(h.db, sql`truncate summary_versions cascade`)).toMatch(
        /summary_(versions|citations) is append-only: TRUNCATE refused/,
      );
      expect(
        await refusedByDatabase(h.db, sql`update summary_citations set section = 'agreement' where version_id = ${cited!.id}`),
      ).toMatch(citations);
      expect(
        await refusedByDatabase(h.db, sql`update summary_citations set comment_id = comment_id where version_id = ${cited!.id}`),
      ).toMatch(citations);
      expect(await refusedByDatabase(h.db, sql`delete from summary_citations where version_id = ${cited!.id}`)).toMatch(citations);
      expect(await refusedByDatabase(h.db, sql`truncate summary_citations`)).toMatch(/summary_citations is append-only: TRUNCATE refused/);

      expect(await summaryTables()).toEqual(before);
    });

    it("hiding a cited comment after publication leaves the version's text and citations as published", async () => {
      const { c, moderator, ids } = await withComments(["government", "academia"]);
      const [gov, aca] = ids as [number, number];
      const sections: SummaryContent = {
        overview: `Both groups agreed [#${gov}] [#${aca}].`,
        government: `Governments in favour [#${gov}].`,
      };
      await saveDraft(moderator, c.principleId, sections);
      expect(await publishSummary(h.db, moderator, { principleId: c.principleId })).toEqual({ ok: true, version: 1 });
      const [published] = await versionsOf(c.principleId);
      const citedBefore = await citationsOf(published!.id);

      await hide(c, gov, moderator);
      expect(await stateOf(gov)).toBe("hidden");

      const [after] = await versionsOf(c.principleId);
      expect(after).toEqual(published);
      expect(after?.sections).toEqual(sections);
      expect(await citationsOf(published!.id)).toEqual(citedBefore);
      // The reader's list shows the comment's state today, without the hidden comment's words.
      const shown = await listVersionCitations(h.db, published!.id);
      expect(shown.map((s) => s.id)).toEqual([gov, aca].sort((a, b) => a - b));
      // Nor its author's name: a named person is not tied to a removal, here any more than in the thread.
      expect(shown.find((s) => s.id === gov)).toMatchObject({
        state: "hidden",
        excerpt: null,
        authorName: null,
        stakeholderGroup: "government",
      });
      expect(shown.find((s) => s.id === aca)).toMatchObject({ state: "published", stakeholderGroup: "academia" });
      expect(shown.find((s) => s.id === aca)?.authorName).toEqual(expect.any(String));
      expect(shown.find((s) => s.id === aca)?.excerpt).toEqual(expect.any(String));

      // The unchanged draft can no longer be published as a new version.
      const r = await expectUnchanged(h, () => publishSummary(h.db, moderator, { principleId: c.principleId }));
      expect(r).toEqual({
        ok: false,
        error: "citationProblems",
        problems: [
          { section: "overview", kind: "notVisible", commentId: gov },
          { section: "government", kind: "notVisible", commentId: gov },
        ],
      });
    });
  });

  // ---- authorisation ------------------------------------------------------------------------------------------

  describe("only moderators and admins save and publish", () => {
    const refused = [
      { who: "anonymous", error: "unauthenticated", actor: async () => null },
      { who: "a participant", error: "forbidden", actor: async () => newActor(h.db) },
      { who: "an organisation's representative", error: "forbidden", actor: async () => (await newOrganisationRepresentative(h.db)).actor },
      { who: "a blocked participant", error: "forbidden", actor: async () => newBlockedActor(h.db) },
    ] as const;

    it.each(refused)("$who can neither save nor publish ($error), and nothing changes", async ({ error, actor }) => {
      const { c, moderator, ids } = await withComments(["civil_society"]);
      const published: SummaryContent = { overview: `Published text [#${ids[0]}].` };
      await saveDraft(moderator, c.principleId, published);
      expect(await publishSummary(h.db, moderator, { principleId: c.principleId })).toEqual({ ok: true, version: 1 });
      // A valid, unpublished draft waits: the refusal below is about who asks, not what is asked.
      const waiting: SummaryContent = { overview: `Waiting text [#${ids[0]}].` };
      await saveDraft(moderator, c.principleId, waiting);
      const who = await actor();
      const before = await summaryTables();

      const saved = await expectUnchanged(h, () =>
        saveSummary(h.db, who, { principleId: c.principleId, sections: { overview: "Overwritten by someone without the right." } }),
      );
      expect(saved).toEqual({ ok: false, error });
      const pub = await expectUnchanged(h, () => publishSummary(h.db, who, { principleId: c.principleId }));
      expect(pub).toEqual({ ok: false, error });

      expect(await summaryTables()).toEqual(before);
      expect((await getSummaryDraft(h.db, c.principleId))?.sections).toEqual(waiting);
      expect((await versionsOf(c.principleId)).map((v) => v.version)).toEqual([1]);
      // The same draft is publishable by a moderator: it was the actor that was refused.
      expect(await publishSummary(h.db, moderator, { principleId: c.principleId })).toEqual({ ok: true, version: 2 });
    });
  });

  // ---- coverage -----------------------------------------------------------------------------------------------

  describe("summaryCoverage", () => {
    it("counts, per group, the published comments received and how many of them the version cites", async () => {
      const { c, moderator, ids } = await withComments([
        "government",
        "government",
        "government",
        "academia",
        "civil_society",
        "civil_society",
      ]);
      const [g1, g2, , a1, cs1, cs2] = ids as [number, number, number, number, number, number];
      // Not counted: a hidden and a withdrawn comment, and a comment on the other principle.
      await hide(c, cs2, moderator);
      const withdrawer = await newActor(h.db, "private_sector");
      const withdrawn = await postComment(h.db, withdrawer, c);
      expect(await withdrawComment(h.db, withdrawer, { commentId: withdrawn })).toEqual({ ok: true });
      await postComment(h.db, await newActor(h.db, "technical_community"), { slug: c.slug, principleSlug: c.principles[1]!.slug });

      await saveDraft(moderator, c.principleId, {
        overview: `Governments and researchers [#${g1}] [#${a1}].`,
        government: `Two governments [#${g1}] [#${g2}].`,
        academia: `Research view [#${a1}].`,
      });
      expect(await publishSummary(h.db, moderator, { principleId: c.principleId })).toEqual({ ok: true, version: 1 });
      await saveDraft(moderator, c.principleId, { overview: `Only civil society now [#${cs1}].` });
      expect(await publishSummary(h.db, moderator, { principleId: c.principleId })).toEqual({ ok: true, version: 2 });
      const [v1, v2] = await versionsOf(c.principleId);

      const byGroup = async (versionId: number) => {
        const rows = await summaryCoverage(h.db, c.principleId, versionId);
        expect(new Set(rows.map((r) => r.stakeholderGroup)).size).toBe(rows.length);
        const map = new Map(rows.map((r) => [r.stakeholderGroup, { received: r.received, cited: r.cited }]));
        return Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, map.get(g) ?? { received: 0, cited: 0 }]));
      };
      expect(await byGroup(v1!.id)).toEqual({
        government: { received: 3, cited: 2 },
        private_sector: { received: 0, cited: 0 },
        civil_society: { received: 1, cited: 0 },
        technical_community: { received: 0, cited: 0 },
        academia: { received: 1, cited: 1 },
      });
      expect(await byGroup(v2!.id)).toEqual({
        government: { received: 3, cited: 0 },
        private_sector: { received: 0, cited: 0 },
        civil_society: { received: 1, cited: 1 },
        technical_community: { received: 0, cited: 0 },
        academia: { received: 1, cited: 0 },
      });
    });
  });
});
