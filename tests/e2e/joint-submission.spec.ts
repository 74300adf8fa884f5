import { afterVisitorsCopyExpires, axeViolations, expect, test } from "./support";

// Fatima Sheikh (secondParticipant) speaks for the Digital Adhikar Collective; Vikram Rao (orgRep) may sign for
// Kavach Cloud Services. The test makes its own comment and request, and answers only that one.
const PRINCIPLE = "/en/consultations/paris-call/principles/non-proliferation";
const CAMPAIGN_PRINCIPLE = "/en/consultations/paris-call/principles/protect-the-internet";
const KAVACH = "Kavach Cloud Services (demo)";

test.describe("joint submissions, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a co-signer shows only once its authorised representative confirmed", async ({ asSecondParticipant, openAs, browser }) => {
    // Two personas, a visitor and two axe runs: longer than the default minute on a busy machine.
    test.slow();
    const tag = Math.random().toString(36).slice(2, 8);
    const text = `Export controls on intrusion software need a public list of licensed exporters, reviewed yearly ${tag}.`;
    const author = asSecondParticipant;
    await author.goto(PRINCIPLE);
    const form = author.getByTestId("comment-form");
    await form.getByLabel(/Your comment/).fill(text);
    await form.getByLabel("Supports", { exact: true }).check();
    await form.getByLabel("On behalf of Digital Adhikar Collective (demo)").check();
    await form.getByRole("button", { name: /Publish/ }).click();
    const mine = author.getByTestId("comment").filter({ hasText: text }).first();
    await expect(mine).toBeVisible();
    const commentId = await mine.getAttribute("data-comment-id");

    await mine.getByTestId("invite-cosigners").click();
    await expect(author).toHaveURL(new RegExp(`/en/cosign/request/${commentId}$`));
    // axe runs on pages rendered with JavaScript on.
    const authorJs = await openAs("secondParticipant", { javaScriptEnabled: true });
    await authorJs.goto(`/en/cosign/request/${commentId}`);
    expect(await axeViolations(authorJs)).toEqual([]);
    await author.getByLabel("Organisation to ask").selectOption({ label: `${KAVACH} (Private sector)` });
    await author.getByRole("button", { name: "Ask to co-sign" }).click();
    await expect(author.getByTestId("action-done")).toContainText("asked to co-sign");
    await expect(author.getByTestId("cosigners").locator('[data-state="pending"]')).toContainText(KAVACH);

    // Pending: nobody sees it on the comment, not even its author.
    const visitor = await browser.newPage({ javaScriptEnabled: false });
    await afterVisitorsCopyExpires();
    await visitor.goto(`/en/comments/${commentId}`);
    const publicItem = visitor.locator(`#comment-${commentId}`);
    await expect(publicItem).toContainText(text);
    await expect(publicItem.getByTestId("cosigned-by")).toHaveCount(0);

    // Vikram answers from his list of requests (linked from his profile).
    const rep = await openAs("orgRep", { javaScriptEnabled: false });
    await rep.goto("/en/profile");
    await rep.getByTestId("cosign-link").click();
    await expect(rep).toHaveURL(/\/en\/cosign$/);
    const repJs = await openAs("orgRep", { javaScriptEnabled: true });
    await repJs.goto("/en/cosign");
    expect(await axeViolations(repJs)).toEqual([]);
    const request = rep.locator(`[data-testid="cosign-request"][data-comment-id="${commentId}"]`);
    await expect(request).toContainText(text);
    await request.getByRole("button", { name: "Confirm co-signing" }).click();
    await expect(rep.getByTestId("action-done")).toContainText("You confirmed co-signing");
    await expect(rep.locator(`[data-testid="cosign-request"][data-comment-id="${commentId}"]`)).toHaveCount(0);

    await afterVisitorsCopyExpires();
    await visitor.goto(`/en/comments/${commentId}`);
    await expect(visitor.locator(`#comment-${commentId}`).getByTestId("cosigned-by")).toHaveText(`Co-signed by ${KAVACH}`);
    await visitor.close();
  });

  test("the demo campaign shows once, with its count, and lists its participants without JavaScript", async ({ page }) => {
    await page.goto(CAMPAIGN_PRINCIPLE);
    const entry = page.getByTestId("campaign");
    await expect(entry).toHaveCount(1);
    await expect(entry.getByTestId("campaign-count")).toHaveText(/Submitted by \d+ participants/);
    const count = Number((await entry.getByTestId("campaign-count").innerText()).match(/\d+/)?.[0]);
    expect(count).toBeGreaterThanOrEqual(25);
    await expect(entry.getByTestId("campaign-groups")).toContainText("Civil society");
    const signers = entry.getByTestId("campaign-signer");
    await expect(signers.first()).toBeHidden();
    await entry.locator("summary").click();
    await expect(signers).toHaveCount(count);
    await expect(signers.first()).toBeVisible();
    await expect(entry).toContainText("A participant from");
    // Visitors get no split control.
    await expect(entry.getByTestId("campaign-split")).toHaveCount(0);
  });

  test("a grouped member's permalink opens its principle page at that member in the group's list of signers", async ({ page }) => {
    await page.goto(CAMPAIGN_PRINCIPLE);
    const links = page.getByTestId("campaign").getByTestId("campaign-signer").locator("a.comment-link");
    // Not the first: that one is the group's entry itself.
    const href = await links.nth(4).getAttribute("href");
    const id = /\/comments\/(\d+)$/.exec(href ?? "")?.[1];
    expect(id).toBeTruthy();
    await page.goto(`/en/comments/${id}`);
    await expect(page).toHaveURL(new RegExp(`/principles/protect-the-internet\\?from=\\d+#signer-${id}$`));
    // The browser opens the <details> that holds the fragment's target, without JavaScript.
    await expect(page.locator(`#signer-${id}`)).toBeVisible();
    await expect(page.locator(`#signer-${id}`)).toContainText(`#${id}`);
  });

  test("the grouped entry, opened, passes axe (JavaScript on)", async ({ browser }) => {
    test.slow();
    const context = await browser.newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    await page.goto(CAMPAIGN_PRINCIPLE);
    await page.getByTestId("campaign").locator("summary").click();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test("a moderator sees the split control on the grouped entry", async ({ asModerator }) => {
    await asModerator.goto(CAMPAIGN_PRINCIPLE);
    const entry = asModerator.getByTestId("campaign");
    await entry.locator("summary").click();
    await expect(entry.getByTestId("campaign-split").first()).toBeVisible();
  });
});
