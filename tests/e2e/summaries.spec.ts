import { axeViolations, expect, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./support";

const SLUG = "international-norms";
const PRINCIPLE = `/en/consultations/paris-call/principles/${SLUG}`;

test("a summary with a bad citation is refused with the text kept, then published; the citation shows on the comment, in my contributions, and version 2 shows what changed", async ({
  browser,
  openAs,
}) => {
  test.setTimeout(180_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const authorContext = await browser.newContext();
  const author = await authorContext.newPage();
  await signUp(author, { name: `Cited ${tag}`, email: uniqueEmail("cited"), password: STRONG_PASSWORD, group: "civil_society" });
  await author.goto(PRINCIPLE);
  await author
    .getByTestId("comment-form")
    .getByLabel(/Your comment/)
    .fill(`India should back the norms while keeping states in charge of security ${tag}.`);
  await author.getByTestId("comment-form").getByLabel("Supports with changes", { exact: true }).check();
  await author.getByRole("button", { name: "Publish comment" }).click();
  await expect(author).toHaveURL(/#comment-\d+$/);
  const id = Number(/#comment-(\d+)$/.exec(author.url())?.[1]);

  // The moderator works without JavaScript.
  const mod = await openAs("moderator", { javaScriptEnabled: false });
  await mod.goto(`/en/moderate/summaries?principle=${SLUG}`);
  const editor = mod.getByTestId("summary-editor");
  const bad = `Participants asked for norms with room for the state's role [#999999].`;
  await editor.getByLabel("Overview").fill(bad);
  await editor.getByLabel("Civil society").fill(`Civil society wants the norms adopted with safeguards [#${id}].`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(mod.getByTestId("citation-problems")).toContainText("Overview: comment #999999 does not exist.");
  await expect(mod.getByTestId("summary-editor").getByLabel("Overview")).toHaveValue(bad);

  await mod
    .getByTestId("summary-editor")
    .getByLabel("Overview")
    .fill(`Participants asked for norms with room for the state's role [#${id}].`);
  await mod.getByTestId("summary-editor").getByRole("button", { name: "Publish" }).click();
  await expect(mod.getByTestId("summary-published")).toHaveText("Version 1 published.");

  await author.goto(PRINCIPLE);
  await expect(author.locator(`#comment-${id}`).getByTestId("cited-mark")).toHaveText("Cited in the summary of principle 9 (version 1)");
  await author.goto("/en/my-contributions");
  await expect(author.getByTestId("my-comment").filter({ hasText: tag }).getByTestId("cited-in")).toHaveText(
    "Cited in the summary of principle 9 (version 1)",
  );
  const json = await author.request.get("/api/me/contributions");
  const data = (await json.json()) as { comments: { id: number; citedInVersions: number[] }[] };
  expect(data.comments.find((c) => c.id === id)?.citedInVersions).toEqual([1]);
  // The download is an export of personal data, so the audit log records it.
  const auditor = await openAs("admin", { javaScriptEnabled: false });
  await auditor.goto("/en/admin/audit?action=export.contributions");
  await expect(
    auditor
      .getByTestId("audit-row")
      .filter({ hasText: `Cited ${tag}` })
      .first(),
  ).toBeVisible();

  await mod.goto(`/en/moderate/summaries?principle=${SLUG}`);
  await mod.getByTestId("summary-editor").getByLabel("Points of disagreement").fill("Some want binding rules; others voluntary norms.");
  await mod.getByTestId("summary-editor").getByRole("button", { name: "Publish" }).click();
  await expect(mod.getByTestId("summary-published")).toHaveText("Version 2 published.");

  const reader = await browser.newPage();
  await reader.goto(`${PRINCIPLE}/summary`);
  await expect(reader.getByTestId("summary-version")).toContainText("Version 2");
  await expect(reader.getByRole("link", { name: `#${id}` }).first()).toHaveAttribute("href", `/en/comments/${id}`);
  await expect(reader.getByTestId("coverage").locator('[data-group="civil_society"] [data-testid="cited-count"]')).not.toHaveText("0");
  await reader.getByRole("link", { name: "Changes from version 1" }).click();
  await expect(reader.getByTestId("version-diff").getByTestId("diff-added")).toContainText("Some want binding rules");
  await Promise.all([authorContext.close(), reader.close()]);
});

test("participants cannot open the summary editor; drafts are not public", async ({ asParticipant: page }) => {
  await page.goto(`/en/moderate/summaries?principle=${SLUG}`);
  await expect(page).toHaveURL(/\/en\/not-permitted$/);
  await expect(page.getByRole("main")).not.toContainText("Overview");
});

test("a closed consultation is read-only; its summary is written after closing and shows in its published report (without JavaScript)", async ({
  browser,
  openAs,
}) => {
  const anon = await browser.newPage();
  await anon.goto("/en/consultations/paris-call-pilot/principles/cyber-hygiene");
  await expect(anon.getByTestId("read-only-notice")).toContainText("This consultation is closed");
  await expect(anon.getByTestId("comment-form")).toHaveCount(0);

  // The pilot's comments on principle 3, which the demo left without a summary: one from government, one from civil society.
  await anon.goto("/en/consultations/paris-call-pilot/principles/defend-electoral-processes");
  const pilotComments = anon.getByTestId("comment");
  const government = await pilotComments.filter({ hasText: "security of voter rolls" }).getAttribute("data-comment-id");
  const civil = await pilotComments.filter({ hasText: "independent body that reviews" }).getAttribute("data-comment-id");

  const admin = await openAs("admin", { javaScriptEnabled: false });
  // The editor opens on the open consultation; the picker leads to the closed pilot.
  await admin.goto("/en/moderate/summaries");
  await admin.getByTestId("consultation-picker").getByRole("link", { name: /pilot/ }).click();
  await expect(admin.getByTestId("consultation-picker").getByRole("link", { name: /pilot/ })).toHaveAttribute("aria-current", "page");
  await admin.getByRole("link", { name: /Edit the summary of principle 3/ }).click();
  const editor = admin.getByTestId("summary-editor");
  const tag = Math.random().toString(36).slice(2, 8);
  await editor
    .getByLabel("Overview")
    .fill(`The pilot split on elections: protect voter rolls, but never take down lawful speech ${tag} [#${government}] [#${civil}].`);
  await editor.getByLabel("Government").fill(`The Department would start with the security of voter rolls [#${government}].`);
  await editor.getByLabel("Civil society").fill(`Civil society wants an independent body to review every takedown [#${civil}].`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(admin.getByTestId("summary-published")).toHaveText(/Version \d+ published\./);
  await expect(admin).toHaveURL(/consultation=paris-call-pilot/);

  // The demo's report was published after the round closed; it shows each principle's latest summary.
  await anon.goto("/en/consultations/paris-call-pilot/report");
  await expect(anon.getByTestId("report-published")).toContainText("Published on");
  await expect(anon.getByTestId("chart-report-comments")).toBeVisible();
  await expect(anon.locator('[data-testid="chart-report-comments"] svg[role="img"]')).toHaveCount(1);
  await expect(anon.getByRole("heading", { name: /Principle 3:/ })).toBeVisible();
  await expect(anon.getByText(`never take down lawful speech ${tag}`)).toBeVisible();
  await anon.close();
});

for (const locale of ["en", "hi"] as const) {
  test(`axe: summary, editor, my contributions and report (${locale})`, async ({ asAdmin: page }) => {
    for (const path of [
      `/consultations/paris-call/principles/${SLUG}/summary`,
      `/moderate/summaries`,
      `/moderate/summaries?principle=${SLUG}`,
      `/my-contributions`,
      `/consultations/paris-call-pilot/report`,
    ]) {
      await page.goto(`/${locale}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
}
