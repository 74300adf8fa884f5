import { describe, expect, it } from "vitest";
import { toCommentView, type CommentView } from "@/components/comments/view-types";

const row: CommentView & { organisationId: string; rootId: number | null; threadReplyCount: number } = {
  id: 7,
  parentId: null,
  rootId: null,
  depth: 0,
  authorId: "a0000000-0000-4000-8000-000000000001",
  authorName: "Tara Example",
  authorDesignation: "Researcher",
  nameShown: true,
  offPlatformChannel: null,
  receivedAt: null,
  stakeholderGroup: "civil_society",
  organisationId: "b0000000-0000-4000-8000-000000000002",
  organisationName: "Example Collective",
  organisationVerified: true,
  stance: "supports",
  body: "The text as written.",
  language: "en",
  state: "published",
  threadReplyCount: 2,
  createdAt: new Date("2026-01-05T10:00:00Z"),
  editedAt: null,
  withdrawnAt: null,
  citedInVersion: 1,
  hiddenRule: null,
};

describe("a comment's view", () => {
  it("keeps a published comment's author and text, and nothing the thread does not use", () => {
    const view = toCommentView(row);
    expect(view).toMatchObject({ authorName: "Tara Example", authorDesignation: "Researcher", organisationName: "Example Collective" });
    expect(view.body).toBe("The text as written.");
    expect(view).not.toHaveProperty("organisationId");
  });

  for (const [state, extra] of [
    ["hidden", { hiddenRule: 3 }],
    ["withdrawn", { withdrawnAt: new Date("2026-01-06T10:00:00Z") }],
  ] as const) {
    it(`of a ${state} comment names nobody: no name, designation, organisation or text, but its group, reason and date`, () => {
      const view = toCommentView({ ...row, ...extra, state });
      expect(view).toMatchObject({
        authorName: null,
        authorDesignation: null,
        organisationName: null,
        organisationVerified: false,
        body: null,
      });
      expect(JSON.stringify(view)).not.toMatch(/Tara|Researcher|Example Collective|organisationId/);
      expect(view).toMatchObject({ id: 7, stakeholderGroup: "civil_society", state, createdAt: row.createdAt, ...extra });
    });
  }
});
