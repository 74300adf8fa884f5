import type { Page } from "@playwright/test";
import { axeViolations, expect, signIn, signOut, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./support";

// The e2e server runs in demo mode without SMTP_URL: mail stays in the outbox, which the admin persona reads.
// A principle no other spec writes comments on.
const PRINCIPLE = "/en/consultations/paris-call/principles/protect-the-internet";

// Each test walks a whole journey through several pages (and axe on each) on a machine shared with other builds.
test.describe.configure({ timeout: 180_000 });

/** The newest message to an address with this subject, as the admin's outbox shows it: its text. */
async function mailText(admin: Page, to: string, subject: string): Promise<string> {
  await admin.goto("/en/admin/outbox");
  const item = admin
    .getByTestId("outbox-item")
    .filter({ has: admin.getByTestId("outbox-to").getByText(to, { exact: true }) })
    .filter({ hasText: subject });
  await expect(item.first()).toBeVisible();
  return (await item.first().getByTestId("outbox-body").textContent()) ?? "";
}

/** A link in a mail, as a path on this server. */
function pathOf(text: string, pattern: RegExp): string {
  const url = pattern.exec(text)?.[0];
  if (!url) throw new Error(`no link matching ${pattern} in:\n${text}`);
  const u = new URL(url);
  return u.pathname + u.search;
}

test("forgot password: the link from the outbox resets it once; a reused link is refused; the new password signs in", async ({
  page,
  asAdmin,
}) => {
  const email = uniqueEmail("reset");
  await signUp(page, { name: "Rohan Mehta", email, password: STRONG_PASSWORD, group: "academia" });
  await signOut(page);

  await page.goto("/en/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/en\/forgot-password$/);
  expect(await axeViolations(page), "forgot-password page").toEqual([]);
  // An unknown address gets the same answer as a known one.
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("reset-sent")).toContainText("If an account uses this address");
  await page.goto("/en/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("reset-sent")).toContainText("If an account uses this address");

  const text = await mailText(asAdmin, email, "Samvad: reset your password");
  expect(await axeViolations(asAdmin), "outbox page").toEqual([]);
  const link = pathOf(text, /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/);

  const newPassword = "tea gardens of Darjeeling";
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  expect(await axeViolations(page), "reset-password page").toEqual([]);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/en\/signin\?done=passwordReset$/);
  await expect(page.getByTestId("action-done")).toContainText("Your password has been changed");

  // The same link again: refused, with the way on.
  await page.goto(link);
  await page.getByLabel("New password").fill("another passphrase entirely");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByTestId("reset-link-refused")).toContainText("This link has already been used.");

  await signIn(page, email, STRONG_PASSWORD);
  await expect(page.getByTestId("error-summary")).toContainText("The email or password is not correct.");
  await signIn(page, email, newPassword);
  await expect(page.getByTestId("signed-in-as")).toContainText("Rohan Mehta");
});

test("notification settings, and the unsubscribe link of a reply notification turns replies off without signing in", async ({
  page,
  browser,
  openAs,
  asAdmin,
}) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const email = uniqueEmail("notify");
  await signUp(page, { name: "Anjali Desai", email, password: STRONG_PASSWORD, group: "civil_society" });
  // Notification mail goes only to a confirmed address: a demo sends no mail, so the profile shows the link.
  await page.goto("/en/profile");
  await page.getByTestId("demo-email-link").getByRole("link").click();
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByTestId("email-confirmed")).toContainText("Your email address is confirmed");

  await page.goto("/en/notifications");
  await page.getByRole("link", { name: "Choose which notifications you also get by email" }).click();
  await expect(page).toHaveURL(/\/en\/notifications\/settings$/);
  expect(await axeViolations(page), "settings page").toEqual([]);
  await expect(page.getByLabel("Replies to my comments")).toBeChecked();
  await page.getByLabel("Consultations opening, and closing in 3 days").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("action-done")).toContainText("Your notification settings have been saved.");
  await page.reload();
  await expect(page.getByLabel("Consultations opening, and closing in 3 days")).not.toBeChecked();
  await expect(page.getByLabel("Replies to my comments")).toBeChecked();

  // A comment of hers, and someone else's reply to it.
  await page.goto(PRINCIPLE);
  const form = page.getByTestId("comment-form");
  await form.getByLabel(/Your comment/).fill(`The public core of the Internet needs protection from state interference ${tag}.`);
  await form.getByLabel("Supports", { exact: true }).check();
  await form.getByRole("button", { name: "Publish comment" }).click();
  await expect(page).toHaveURL(/#comment-\d+$/);
  const commentId = Number(/#comment-(\d+)$/.exec(page.url())?.[1]);
  const other = await openAs("secondParticipant");
  await other.goto(`${PRINCIPLE}?reply=${commentId}#reply-${commentId}`);
  const replyForm = other.getByTestId("reply-form");
  await replyForm.getByLabel(/Your comment/).fill(`Agreed, and the DNS root belongs in that core ${tag}.`);
  await replyForm.getByLabel("Supports", { exact: true }).check();
  await replyForm.getByRole("button", { name: "Publish reply" }).click();
  await expect(other).toHaveURL(/#comment-\d+$/);

  // In the app...
  await page.goto("/en/notifications");
  await expect(page.getByTestId("other-notification").filter({ hasText: "Someone replied to your comment." })).toHaveCount(1);
  // ...and by email, with its one-click unsubscribe link.
  const text = await mailText(asAdmin, email, "Samvad: someone replied to your comment");
  const unsubscribe = pathOf(text, /https?:\/\/\S+\/api\/unsubscribe\?token=[A-Za-z0-9_.-]+/);

  // Opened in a browser with no session: a page with a button; opening it changed nothing.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(unsubscribe);
  await expect(visitor).toHaveURL(/\/en\/unsubscribe\?token=/);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Stop emails");
  expect(await axeViolations(visitor), "unsubscribe page").toEqual([]);
  await page.goto("/en/notifications/settings");
  await expect(page.getByLabel("Replies to my comments")).toBeChecked();

  await visitor.getByRole("button", { name: "Stop these emails" }).click();
  await expect(visitor.getByTestId("unsubscribed")).toContainText("we no longer send you emails about replies to your comments");
  await visitor.context().close();
  await page.reload();
  await expect(page.getByLabel("Replies to my comments")).not.toBeChecked();
  await expect(page.getByLabel("Moderation decisions about my comments or my account")).toBeChecked();

  // RFC 8058's POST, as a mail client sends it.
  const direct = await page.request.post(unsubscribe, { form: { "List-Unsubscribe": "One-Click" } });
  expect(direct.status()).toBe(200);
});
