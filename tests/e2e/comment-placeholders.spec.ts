import { afterVisitorsCopyExpires, expect, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./support";

const PRINCIPLE = "/en/consultations/paris-call/principles/no-private-hack-back";

test("a hidden comment's placeholder shows the group, the rule and the date, and names nobody, in the list and at its permalink", async ({
  page,
  openAs,
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const name = `Hidden Author ${tag}`;
  const designation = `Joint Secretary ${tag}`;
  await signUp(page, { name, email: uniqueEmail("hidden"), password: STRONG_PASSWORD, group: "government", designation });
  const text = `Buy cheap security audits at our shop today, best prices in town ${tag}.`;
  await page.goto(PRINCIPLE);
  const form = page.getByTestId("comment-form");
  await form.getByLabel(/Your comment/).fill(text);
  await form.getByLabel("Opposes", { exact: true }).check();
  await form.getByRole("button", { name: "Publish comment" }).click();
  await expect(page).toHaveURL(/#comment-\d+$/);
  const id = Number(/#comment-(\d+)$/.exec(page.url())?.[1]);

  const reporter = await openAs("participant");
  await reporter.goto(`${PRINCIPLE}?report=${id}#report-${id}`);
  await reporter.getByTestId("report-form").getByLabel("Spam", { exact: true }).check();
  await reporter.getByTestId("report-form").getByRole("button", { name: "Send report" }).click();
  await expect(reporter).toHaveURL(new RegExp(`#comment-${id}$`));

  const mod = await openAs("moderator", { javaScriptEnabled: false });
  await mod.goto("/en/moderate");
  const item = mod.locator(`[data-testid="queue-item"][data-comment-id="${id}"]`);
  await item.getByLabel("Hide under a rule").check();
  await item.getByTestId("decision-form").getByLabel("Rule", { exact: true }).selectOption({ label: "Rule 3: No spam or advertising" });
  await item.getByRole("button", { name: "Record decision" }).click();
  await expect(mod.locator(`[data-testid="queue-item"][data-comment-id="${id}"]`)).toHaveCount(0);

  await afterVisitorsCopyExpires();
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const reader = await context.newPage();
    for (const path of [PRINCIPLE, `/en/comments/${id}`]) {
      await reader.goto(path);
      const placeholder = reader.locator(`#comment-${id}`);
      await expect(placeholder).toHaveAttribute("data-state", "hidden");
      await expect(placeholder.getByTestId("hidden-notice")).toHaveText("Hidden by moderators under rule 3.");
      await expect(placeholder.getByTestId("placeholder-group")).toHaveText("Stakeholder group: Government");
      await expect(placeholder.locator("time")).toHaveCount(1);
      await expect(placeholder.getByRole("link", { name: `Link to comment #${id}` })).toBeVisible();
      await expect(placeholder).not.toContainText(name);
      await expect(placeholder).not.toContainText(designation);
      await expect(placeholder).not.toContainText("in a personal capacity");
    }
    await context.close();
  }
  // Not in the page as sent either: neither in the HTML nor in the RSC payload the client router fetches.
  const anon = await browser.newContext();
  const html = await (await anon.request.get(`/en/comments/${id}`)).text();
  const payload = await (await anon.request.get(PRINCIPLE, { headers: { RSC: "1" } })).text();
  await anon.close();
  expect(html).toContain(`comment-${id}`);
  expect(payload).toContain(`comment-${id}`);
  for (const body of [html, payload]) {
    expect(body).not.toContain(name);
    expect(body).not.toContain(designation);
    expect(body).not.toContain(text);
  }
  // The author's own page shows their name in the header, so only the placeholder itself is checked for them.
  await page.goto(PRINCIPLE);
  await expect(page.locator(`#comment-${id}`)).not.toContainText(name);
});
