import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { parseJsonList } from "@/db/queries/campaigns";
import { listCommentThreads } from "@/db/queries/comments";
import { countPendingCosignRequests, listPendingCosignRequests } from "@/db/queries/cosigners";
import { commentCosigners, comments, consultations } from "@/db/schema";
import { decideCosigning, requestCosigning } from "@/lib/commands/campaigns";
import { createComment, editComment } from "@/lib/commands/comments";
import { freshDatabase, testEngines } from "../support/engines";
import {
  addMembership,
  commentInput,
  expectNoWrites,
  newActor,
  newConsultation,
  newOrganisation,
  SECRET,
  type SignedIn,
} from "./consultation-fixtures";

describe.each(testEngines())("joint submissions on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  /** An author speaking for their organisation, two co-signing organisations with a representative each, and bystanders. */
  async function scene() {
    const c = await newConsultation(h.db, { principleCount: 1 });
    const author = await newActor(h.db, "civil_society");
    const own = await newOrganisation(h.db, { stakeholderGroup: "civil_society" });
    await addMembership(h.db, author.id, own, { verified: true, maySign: false });
    const orgA = await newOrganisation(h.db, { stakeholderGroup: "academia" });
    const orgB = await newOrganisation(h.db, { stakeholderGroup: "technical_community" });
    const unverified = await newOrganisation(h.db, { verified: false });
    const repA = await newActor(h.db, "academia");
    await addMembership(h.db, repA.id, orgA, { verified: true, maySign: true });
    const repB = await newActor(h.db, "technical_community");
    await addMembership(h.db, repB.id, orgB, { verified: true, maySign: true });
    // A member of A without the authority, and one with it whose membership is not verified.
    const memberA = await newActor(h.db, "academia");
    await addMembership(h.db, memberA.id, orgA, { verified: true, maySign: false });
    const pendingA = await newActor(h.db, "academia");
    await addMembership(h.db, pendingA.id, orgA, { verified: false, maySign: true });
    const r = await createComment(h.db, author, {
      consultationSlug: c.slug,
      principleSlug: c.principles[0]!.slug,
      input: commentInput({ body: "Our organisations ask for a list of the sectors the principle protects.", capacity: own }),
      language: "en",
      secret: SECRET,
    });
    if (!r.ok) throw new Error(r.error);
    return { c, author, own, orgA, orgB, unverified, repA, repB, memberA, pendingA, commentId: r.id };
  }

  async function shownCosigners(principleId: string, commentId: number, viewerId: string | null = null) {
    const page = await listCommentThreads(h.db, { principleId, viewerId, sort: "oldest", start: {} });
    const entry = page.threads.find((t) => t.id === commentId);
    return parseJsonList<string>(entry?.cosignedBy);
  }

  const orgName = async (id: string) =>
    (await h.db.query.organisations.findFirst({ where: (o, { eq: is }) => is(o.id, id), columns: { name: true } }))!.name;

  it("names verified co-signers (not the author's own, not unverified ones), pending until a representative answers", async () => {
    const s = await scene();
    expect(await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.orgA })).toEqual({ ok: true, added: true });
    expect(await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.orgA })).toEqual({ ok: true, added: false });
    expect(await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.orgB })).toEqual({ ok: true, added: true });
    expect(await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.own })).toEqual({
      ok: false,
      error: "cosignerInvalid",
    });
    expect(await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.unverified })).toEqual({
      ok: false,
      error: "cosignerInvalid",
    });
    // Only the author may name co-signers.
    expect(await requestCosigning(h.db, s.repA, { commentId: s.commentId, organisationId: s.orgB })).toEqual({
      ok: false,
      error: "notFound",
    });

    // Pending requests are not shown publicly, nor to the author on the page.
    expect(await shownCosigners(s.c.principles[0]!.id, s.commentId)).toEqual([]);
    expect(await shownCosigners(s.c.principles[0]!.id, s.commentId, s.author.id)).toEqual([]);

    // Each representative sees their own organisation's request only; a member without the authority sees none.
    expect((await listPendingCosignRequests(h.db, s.repA.id)).map((r) => r.organisationId)).toEqual([s.orgA]);
    expect(await countPendingCosignRequests(h.db, s.repB.id)).toBe(1);
    expect(await listPendingCosignRequests(h.db, s.memberA.id)).toEqual([]);
    expect(await listPendingCosignRequests(h.db, s.pendingA.id)).toEqual([]);
  });

  it("lets only an authorised representative of the co-signing organisation confirm; a second confirmation is harmless", async () => {
    const s = await scene();
    await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.orgA });
    await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.orgB });
    const confirmA = { commentId: s.commentId, organisationId: s.orgA, decision: "confirmed" as const };

    for (const who of [s.author, s.memberA, s.pendingA, s.repB] as SignedIn[]) {
      expect(await expectNoWrites(h, () => decideCosigning(h.db, who, confirmA))).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await decideCosigning(h.db, null, confirmA)).toEqual({ ok: false, error: "unauthenticated" });
    expect(await decideCosigning(h.db, s.repA, { ...confirmA, commentId: s.commentId + 1000 })).toEqual({ ok: false, error: "notFound" });

    expect(await decideCosigning(h.db, s.repA, confirmA)).toEqual({ ok: true, changed: true });
    expect(await expectNoWrites(h, () => decideCosigning(h.db, s.repA, confirmA))).toEqual({ ok: true, changed: false });
    expect(await decideCosigning(h.db, s.repA, { ...confirmA, decision: "declined" })).toEqual({
      ok: false,
      error: "cosignAlreadyDecided",
    });

    const [row] = await h.db
      .select()
      .from(commentCosigners)
      .where(and(eq(commentCosigners.commentId, s.commentId), eq(commentCosigners.organisationId, s.orgA)));
    expect(row).toMatchObject({ state: "confirmed", decidedBy: s.repA.id });

    // Confirmed shows publicly; B is still pending and does not.
    expect(await shownCosigners(s.c.principles[0]!.id, s.commentId)).toEqual([await orgName(s.orgA)]);
    expect(await listPendingCosignRequests(h.db, s.repA.id)).toEqual([]);

    // A declined co-signer never shows.
    expect(await decideCosigning(h.db, s.repB, { commentId: s.commentId, organisationId: s.orgB, decision: "declined" })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await shownCosigners(s.c.principles[0]!.id, s.commentId)).toEqual([await orgName(s.orgA)]);
  });

  it("decides a request once when two representatives answer at the same time", async () => {
    const s = await scene();
    const repA2 = await newActor(h.db, "academia");
    await addMembership(h.db, repA2.id, s.orgA, { verified: true, maySign: true });
    await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.orgA });
    const answers = await Promise.all([
      decideCosigning(h.db, s.repA, { commentId: s.commentId, organisationId: s.orgA, decision: "confirmed" }),
      decideCosigning(h.db, repA2, { commentId: s.commentId, organisationId: s.orgA, decision: "declined" }),
    ]);
    expect(answers.filter((a) => a.ok && a.changed)).toHaveLength(1);
    const [row] = await h.db.select().from(commentCosigners).where(eq(commentCosigners.commentId, s.commentId));
    expect(row!.state).not.toBe("pending");
  });

  it("takes co-signers only on a comment made on behalf of an organisation", async () => {
    const c = await newConsultation(h.db, { principleCount: 1 });
    const author = await newActor(h.db);
    const org = await newOrganisation(h.db);
    const r = await createComment(h.db, author, {
      consultationSlug: c.slug,
      principleSlug: c.principles[0]!.slug,
      input: commentInput({ body: "A personal comment, nobody else's." }),
      language: "en",
      secret: SECRET,
    });
    if (!r.ok) throw new Error(r.error);
    expect(await requestCosigning(h.db, author, { commentId: r.id, organisationId: org })).toEqual({
      ok: false,
      error: "notJointSubmission",
    });
  });
  it("asks the co-signers again when the author changes the text or the stance; nobody shows as co-signed until they confirm anew", async () => {
    const s = await scene();
    const principleId = s.c.principles[0]!.id;
    await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.orgA });
    await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.orgB });
    await decideCosigning(h.db, s.repA, { commentId: s.commentId, organisationId: s.orgA, decision: "confirmed" });
    await decideCosigning(h.db, s.repB, { commentId: s.commentId, organisationId: s.orgB, decision: "declined" });
    expect(await shownCosigners(principleId, s.commentId)).toEqual([await orgName(s.orgA)]);
    const states = async () =>
      (await h.db.select().from(commentCosigners).where(eq(commentCosigners.commentId, s.commentId))).map((r) => [
        r.organisationId,
        r.state,
        r.decidedBy,
        r.decidedAt,
      ]);

    // Saving the same text and stance changes nothing.
    const body = "Our organisations ask for a list of the sectors the principle protects.";
    expect(await editComment(h.db, s.author, { commentId: s.commentId, body, stance: "supports" })).toEqual({ ok: true });
    expect(await shownCosigners(principleId, s.commentId)).toEqual([await orgName(s.orgA)]);

    const changed = `${body} And a review every three years.`;
    expect(await editComment(h.db, s.author, { commentId: s.commentId, body: changed, stance: "supports" })).toEqual({ ok: true });
    expect(await shownCosigners(principleId, s.commentId)).toEqual([]);
    expect(await states()).toHaveLength(2);
    expect(await states()).toEqual(
      expect.arrayContaining([
        [s.orgA, "pending", null, null],
        [s.orgB, "pending", null, null],
      ]),
    );
    expect((await listPendingCosignRequests(h.db, s.repA.id)).map((r) => r.body)).toEqual([changed]);

    // Confirmed again for the new text, then only the stance changes: asked again.
    expect(await decideCosigning(h.db, s.repA, { commentId: s.commentId, organisationId: s.orgA, decision: "confirmed" })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await shownCosigners(principleId, s.commentId)).toEqual([await orgName(s.orgA)]);
    expect(await editComment(h.db, s.author, { commentId: s.commentId, body: changed, stance: "has_concerns" })).toEqual({ ok: true });
    expect(await shownCosigners(principleId, s.commentId)).toEqual([]);
    expect(await countPendingCosignRequests(h.db, s.repA.id)).toBe(1);
  });

  it("takes no answer on a comment withdrawn or hidden meanwhile, or once the consultation has closed", async () => {
    for (const change of ["withdrawn", "hidden", "closed"] as const) {
      const s = await scene();
      await requestCosigning(h.db, s.author, { commentId: s.commentId, organisationId: s.orgA });
      if (change === "closed") await h.db.update(consultations).set({ status: "closed" }).where(eq(consultations.id, s.c.consultationId));
      else await h.db.update(comments).set({ state: change }).where(eq(comments.id, s.commentId));
      const confirm = { commentId: s.commentId, organisationId: s.orgA, decision: "confirmed" as const };
      expect(await expectNoWrites(h, () => decideCosigning(h.db, s.repA, confirm))).toEqual({ ok: false, error: "notFound" });
      const [row] = await h.db.select().from(commentCosigners).where(eq(commentCosigners.commentId, s.commentId));
      expect(row!.state).toBe("pending");
    }
  });
});
