import type { Browser, Page } from "@playwright/test";
import { afterVisitorsCopyExpires, axeViolations, expect, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./support";

const PRINCIPLE = "/en/consultations/paris-call/principles/defend-intellectual-property";

async function newParticipant(browser: Browser, name: string, group: "academia" | "civil_society" | "government" = "academia") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, { name, email: uniqueEmail("mod"), password: STRONG_PASSWORD, group });
  return { page, close: () => context.close() };
}

async function report(page: Page, commentId: number, reason: string) {
  await page.goto(`${PRINCIPLE}?report=${commentId}#report-${commentId}`);
  const form = page.getByTestId("report-form");
  await form.getByLabel(reason, { exact: true }).check();
  await form.getByRole("button", { name: "Send report" }).click();
  await expect(page).toHaveURL(new RegExp(`#comment-${commentId}$`));
}

test("report → auto-hide → moderator hides under a rule → ledger → appeal → another moderator restores", async ({ browser, openAs }) => {
  test.setTimeout(180_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const author = await newParticipant(browser, `Author ${tag}`, "civil_society");
  const text = `Trade secrets deserve protection but so does reverse engineering for security research ${tag}.`;
  await author.page.goto(PRINCIPLE);
  const form = author.page.getByTestId("comment-form");
  await form.getByLabel(/Your comment/).fill(text);
  await form.getByLabel("Has concerns", { exact: true }).check();
  await form.getByRole("button", { name: "Publish comment" }).click();
  await expect(author.page).toHaveURL(/#comment-\d+$/);
  const commentId = Number(/#comment-(\d+)$/.exec(author.page.url())?.[1]);

  for (const [i, reason] of ["Spam", "Off-topic", "Abusive"].entries()) {
    const reporter = await newParticipant(browser, `Reporter ${i} ${tag}`);
    await report(reporter.page, commentId, reason);
    await reporter.close();
  }
  await afterVisitorsCopyExpires();
  const anon = await browser.newPage();
  await anon.goto(PRINCIPLE);
  await expect(anon.locator(`#comment-${commentId}`).getByTestId("hidden-notice")).toHaveText(
    "Hidden pending review after reports from participants.",
  );
  await expect(anon.getByText(text)).toHaveCount(0);

  // The moderator decides without JavaScript.
  const mod = await openAs("moderator", { javaScriptEnabled: false });
  await mod.goto("/en/moderate");
  const item = mod.locator(`[data-testid="queue-item"][data-comment-id="${commentId}"]`);
  await expect(item.getByTestId("reports")).toContainText("Spam");
  await item.getByLabel("Hide under a rule").check();
  await item.getByTestId("decision-form").getByLabel("Rule", { exact: true }).selectOption({ label: "Rule 3: No spam or advertising" });
  await item.getByTestId("decision-form").getByLabel("Note").fill("Promotional text.");
  await item.getByRole("button", { name: "Record decision" }).click();
  await expect(mod).toHaveURL(/\/en\/moderate\?consultation=paris-call&done=decisionRecorded$/);
  await expect(mod.getByTestId("action-done")).toContainText("Your decision has been recorded");
  await expect(mod.locator(`[data-testid="queue-item"][data-comment-id="${commentId}"]`)).toHaveCount(0);
  // Until someone appeals, the hidden comment waits under "Hidden comments", where it could be restored.
  await expect(mod.locator(`[data-testid="hidden-item"][data-comment-id="${commentId}"]`).getByLabel("Restore")).toBeVisible();

  await anon.goto(PRINCIPLE);
  await expect(anon.locator(`#comment-${commentId}`).getByTestId("hidden-notice")).toHaveText("Hidden by moderators under rule 3.");
  const ledger = await anon.goto("/en/consultations/paris-call/ledger");
  const ledgerHtml = (await ledger?.text()) ?? "";
  expect(ledgerHtml).not.toContain(text);
  expect(ledgerHtml).not.toContain("Neha");
  const hideRow = anon.locator('[data-testid="ledger-row"][data-action="hide"]').first();
  await expect(hideRow).toContainText("Rule 3");
  await expect(hideRow).toContainText("Moderator");
  await expect(hideRow).toContainText("Civil society");

  await author.page.goto("/en/notifications");
  const notice = author.page.locator('[data-testid="notification"][data-action="hide"]').filter({ hasText: `comment #${commentId}` });
  await expect(notice).toContainText("under rule 3");
  await notice.getByLabel("Your statement").fill("This is a research point, not an advertisement.");
  await notice.getByRole("button", { name: "Send appeal" }).click();
  await expect(
    author.page
      .locator('[data-testid="notification"][data-action="hide"]')
      .filter({ hasText: `comment #${commentId}` })
      .getByTestId("appeal-state"),
  ).toHaveText("Your appeal is waiting for a decision.");

  // The moderator who hid it cannot decide the appeal; an administrator can.
  await mod.goto("/en/moderate");
  await expect(mod.getByTestId("appeal-item").filter({ hasText: "research point" })).toContainText("You made this decision");
  const admin = await openAs("admin", { javaScriptEnabled: false });
  await admin.goto("/en/moderate");
  const appeal = admin.getByTestId("appeal-item").filter({ hasText: "research point" });
  await appeal.getByLabel("Reverse: restore the comment").check();
  await appeal.getByRole("button", { name: "Record outcome" }).click();
  await expect(admin).toHaveURL(/\/en\/moderate\?consultation=paris-call&done=appealDecided$/);

  await anon.goto(PRINCIPLE);
  await expect(anon.getByText(text)).toBeVisible();
  await anon.goto("/en/consultations/paris-call/ledger");
  await expect(anon.locator('[data-testid="ledger-row"][data-action="hide"]').first()).toContainText("Reversed: restored");
  await expect(anon.locator('[data-testid="ledger-row"][data-action="restore"]').first()).toContainText("Administrator");

  await Promise.all([author.close(), anon.close()]);
});

test("organisation membership is verified by email domain once the address is confirmed, or by a moderator's review", async ({
  page,
  browser,
  openAs,
}) => {
  await page.goto("/en/signup");
  await signUp(page, {
    name: "Domain Member",
    email: `dm-${Date.now()}@digitaltrust.gov.example`,
    password: STRONG_PASSWORD,
    group: "government",
    newOrganisation: undefined,
  });
  // Choose the listed organisation from the profile (the sign-up helper names none).
  await page.getByLabel("Add an organisation").selectOption({ label: "Department of Digital Trust (demo)" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("profile-saved")).toBeVisible();
  // An address at the domain proves nothing until its owner follows the emailed link.
  await page.goto("/en/profile");
  await expect(page.getByTestId("memberships")).toContainText("Membership not yet verified");
  await expect(page.getByTestId("email-unconfirmed")).toContainText("We sent a link to dm-");
  expect(await axeViolations(page)).toEqual([]);
  // A demo sends no mail: the profile shows the link the message carries. Opening it confirms nothing yet.
  await page.getByTestId("demo-email-link").getByRole("link").click();
  await expect(page.getByTestId("confirm-email-form")).toBeVisible();
  await page.goto("/en/profile");
  await expect(page.getByTestId("email-unconfirmed")).toBeVisible();
  await page.getByTestId("demo-email-link").getByRole("link").click();
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByTestId("email-confirmed")).toContainText("Your email address is confirmed");
  await page.goto("/en/profile");
  await expect(page.getByTestId("memberships")).toContainText("Membership verified");
  await expect(page.getByTestId("email-unconfirmed")).toHaveCount(0);

  const other = await browser.newContext();
  const p2 = await other.newPage();
  const email = uniqueEmail("review");
  await signUp(p2, { name: "Review Member", email, password: STRONG_PASSWORD, group: "government" });
  await p2.getByLabel("Add an organisation").selectOption({ label: "Department of Digital Trust (demo)" });
  await p2.getByRole("button", { name: "Save changes" }).click();
  await expect(p2.getByTestId("profile-saved")).toBeVisible();
  await p2.goto("/en/profile");
  await expect(p2.getByTestId("memberships")).toContainText("Membership not yet verified");

  const mod = await openAs("moderator", { javaScriptEnabled: false });
  await mod.goto("/en/moderate/organisations");
  const request = mod.getByTestId("membership-request").filter({ hasText: email });
  await request.getByLabel("Verify the membership").check();
  await request.getByRole("button", { name: "Record" }).click();
  await expect(mod.getByTestId("membership-request").filter({ hasText: email })).toHaveCount(0);
  await p2.goto("/en/profile");
  await expect(p2.getByTestId("memberships")).toContainText("Membership verified");
  await other.close();
});

test("a participant cannot open the moderation pages", async ({ asParticipant: page }) => {
  // A plain "not permitted" page rather than a 404 that pretends the page does not exist (issue: staff pages).
  for (const path of ["/en/moderate", "/en/moderate/organisations", "/en/admin/users", "/en/admin/audit"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/en\/not-permitted$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not permitted");
  }
});

for (const locale of ["en", "hi"] as const) {
  test(`axe: queue, ledger, policy, notifications and admin pages (${locale})`, async ({ asAdmin: page }) => {
    // Eight full pages, each analysed by axe: on two busy cores that can pass a minute.
    test.slow();
    for (const path of [
      "/moderate",
      "/moderate?consultation=paris-call-pilot",
      "/moderate/organisations",
      "/consultations/paris-call/ledger",
      "/consultations/paris-call/moderation-policy",
      "/notifications",
      "/admin/users",
      "/admin/audit",
    ]) {
      await page.goto(`/${locale}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
}
