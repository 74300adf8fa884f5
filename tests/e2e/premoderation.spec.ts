import { afterVisitorsCopyExpires, expect, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./support";

const PRINCIPLE = "/en/consultations/paris-call/principles/non-proliferation";

test("with pre-moderation on, a new comment waits for approval and only its author sees it", async ({ browser, asModerator: mod }) => {
  await mod.goto("/en/moderate");
  await mod.getByRole("button", { name: "Turn pre-moderation on" }).click();
  await expect(mod.getByTestId("premoderation-state")).toHaveText("On: new comments wait for approval.");
  try {
    const authorContext = await browser.newContext();
    const author = await authorContext.newPage();
    await signUp(author, { name: "Held Writer", email: uniqueEmail("held"), password: STRONG_PASSWORD, group: "technical_community" });
    await author.goto(PRINCIPLE);
    const text = `Export controls should exempt coordinated vulnerability disclosure ${Date.now()}.`;
    await author
      .getByTestId("comment-form")
      .getByLabel(/Your comment/)
      .fill(text);
    await author.getByTestId("comment-form").getByLabel("Supports with changes", { exact: true }).check();
    await author.getByRole("button", { name: "Publish comment" }).click();
    const mine = author.getByTestId("comment").filter({ hasText: text });
    await expect(mine).toContainText("Awaiting moderation: only you can see this comment.");

    const anon = await browser.newPage();
    await anon.goto(PRINCIPLE);
    await expect(anon.getByText(text)).toHaveCount(0);

    await mod.goto("/en/moderate");
    const item = mod.getByTestId("queue-item").filter({ hasText: text });
    await expect(item).toContainText("Held for approval");
    await item.getByLabel("Approve and publish").check();
    await item.getByRole("button", { name: "Record decision" }).click();
    // The decision is a server action; wait for the queue to drop the item before another page reads.
    await expect(item).toHaveCount(0);
    await afterVisitorsCopyExpires();
    await anon.goto(PRINCIPLE);
    await expect(anon.getByText(text)).toBeVisible();
    await authorContext.close();
  } finally {
    await mod.goto("/en/moderate");
    await mod.getByRole("button", { name: "Turn pre-moderation off" }).click();
    await expect(mod.getByTestId("premoderation-state")).toHaveText("Off: new comments are published at once.");
  }
});
