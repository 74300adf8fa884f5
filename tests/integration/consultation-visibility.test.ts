import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  getConsultationFacts,
  getConsultationForViewer,
  getPrincipleOfConsultation,
  listPublicConsultations,
} from "@/db/queries/consultations";
import { getPrincipleOutline } from "@/db/queries/principle-page";
import { insertSummaryVersion } from "@/db/queries/summaries";
import { comments, consultations, principles } from "@/db/schema";
import { createComment } from "@/lib/commands/comments";
import { mayViewConsultation } from "@/lib/rules/consultation-visibility";
import { freshDatabase, testEngines } from "../support/engines";
import { commentInput, newActor, newConsultation, SECRET } from "./consultation-fixtures";

const DAY = 24 * 60 * 60 * 1000;

describe.each(testEngines())("consultation visibility and last-updated on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  describe("a draft is seen by staff only", () => {
    it("the rule: a draft for moderators and admins, a published consultation for everyone", () => {
      for (const role of [null, undefined, "participant"] as const) expect(mayViewConsultation("draft", role)).toBe(false);
      for (const role of ["moderator", "admin"] as const) expect(mayViewConsultation("draft", role)).toBe(true);
      for (const status of ["open", "closed"] as const) {
        for (const role of [null, "participant", "moderator", "admin"] as const) expect(mayViewConsultation(status, role)).toBe(true);
      }
    });

    it("a visitor and a participant do not find a draft by its address; a moderator and an admin do", async () => {
      const draft = await newConsultation(h.db, { status: "draft" });
      expect(await getConsultationForViewer(h.db, draft.slug, null)).toBeUndefined();
      expect(await getConsultationForViewer(h.db, draft.slug, "participant")).toBeUndefined();
      expect(await getConsultationForViewer(h.db, draft.slug, "moderator")).toMatchObject({ id: draft.consultationId, status: "draft" });
      expect(await getConsultationForViewer(h.db, draft.slug, "admin")).toMatchObject({ id: draft.consultationId, status: "draft" });
    });

    it("an open or closed consultation is found by everyone", async () => {
      for (const status of ["open", "closed"] as const) {
        const c = await newConsultation(h.db, { status });
        for (const role of [null, "participant", "moderator"] as const) {
          expect(await getConsultationForViewer(h.db, c.slug, role), `${status} for ${role}`).toMatchObject({ id: c.consultationId });
        }
      }
    });

    it("the principle page's and summary page's loaders return a draft with its status, for the page's guard to refuse", async () => {
      const draft = await newConsultation(h.db, { status: "draft" });
      const outline = await getPrincipleOutline(h.db, draft.slug, "principle-1");
      expect(outline?.consultation.status).toBe("draft");
      const found = await getPrincipleOfConsultation(h.db, draft.slug, "principle-1");
      expect(found?.consultation.status).toBe("draft");
      expect(mayViewConsultation(found?.consultation.status ?? "open", null)).toBe(false);
    });

    it("the home page lists every published consultation and never a draft", async () => {
      const draft = await newConsultation(h.db, { status: "draft" });
      const open = await newConsultation(h.db, { status: "open", principleCount: 3 });
      const closed = await newConsultation(h.db, {
        status: "closed",
        opensAt: new Date(Date.now() - 60 * DAY),
        closesAt: new Date(Date.now() - 30 * DAY),
      });
      const listed = await listPublicConsultations(h.db);
      const slugs = listed.map((c) => c.slug);
      expect(slugs).toContain(open.slug);
      expect(slugs).toContain(closed.slug);
      expect(slugs).not.toContain(draft.slug);
      expect(listed.every((c) => c.status !== "draft")).toBe(true);
      expect(listed.find((c) => c.slug === open.slug)).toMatchObject({ sectionCount: 3, status: "open" });
    });
  });

  describe("last updated follows the content", () => {
    it("moves with the consultation's texts, a published comment, a summary version and a section's text; not with a held comment", async () => {
      const t0 = new Date(Date.now() - 3 * DAY);
      const c = await newConsultation(h.db, { opensAt: new Date(Date.now() - 5 * DAY) });
      await h.db.update(consultations).set({ updatedAt: t0 }).where(eq(consultations.id, c.consultationId));
      await h.db.update(principles).set({ updatedAt: t0 }).where(eq(principles.consultationId, c.consultationId));
      const updatedAt = async () => (await getConsultationFacts(h.db, c.consultationId)).updatedAt?.getTime();
      const listed = async () => (await listPublicConsultations(h.db)).find((x) => x.slug === c.slug)?.updatedAt?.getTime();
      expect(await updatedAt()).toBe(t0.getTime());

      // A published comment.
      const t1 = new Date(t0.getTime() + 60_000);
      const actor = await newActor(h.db);
      const posted = await createComment(
        h.db,
        actor,
        {
          consultationSlug: c.slug,
          principleSlug: "principle-1",
          input: commentInput({}, t1),
          language: "en",
          secret: SECRET,
          minFillMs: 0,
        },
        t1,
      );
      expect(posted.ok).toBe(true);
      expect(await updatedAt()).toBe(t1.getTime());
      expect(await listed()).toBe(t1.getTime());

      // A newer comment that is not public (awaiting moderation) changes nothing readers see.
      const t2 = new Date(t1.getTime() + 60_000);
      const held = await createComment(
        h.db,
        actor,
        {
          consultationSlug: c.slug,
          principleSlug: "principle-2",
          input: commentInput({}, t2),
          language: "en",
          secret: SECRET,
          minFillMs: 0,
        },
        t2,
      );
      if (!held.ok) throw new Error(`setup comment refused: ${held.error}`);
      await h.db.update(comments).set({ state: "awaiting_moderation", publishedAt: null }).where(eq(comments.id, held.id));
      expect(await updatedAt()).toBe(t1.getTime());

      // A published summary version.
      const t3 = new Date(t2.getTime() + 60_000);
      const p1 = c.principles[0]!;
      await insertSummaryVersion(
        h.db,
        { principleId: p1.id, sections: { overview: "In short." }, publishedByRole: "moderator", citations: [] },
        t3,
      );
      expect(await updatedAt()).toBe(t3.getTime());

      // A section's text edited.
      const t4 = new Date(t3.getTime() + 60_000);
      await h.db
        .update(principles)
        .set({ updatedAt: t4 })
        .where(inArray(principles.id, [p1.id]));
      expect(await updatedAt()).toBe(t4.getTime());

      // The consultation's own texts or schedule.
      const t5 = new Date(t4.getTime() + 60_000);
      await h.db.update(consultations).set({ updatedAt: t5 }).where(eq(consultations.id, c.consultationId));
      expect(await updatedAt()).toBe(t5.getTime());
      expect(await listed()).toBe(t5.getTime());
    });
  });
});
