import fs from "node:fs";
import type { Page } from "@playwright/test";
import { axeViolations, expect, fillSignUp, signIn, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./support";

// Comments here go on a principle whose other specs count endorsements of another group, never comments.
const PRINCIPLE = "/en/consultations/paris-call/principles/lifecycle-security";

const tagOf = () => Math.random().toString(36).slice(2, 8);

async function postComment(page: Page, text: string): Promise<number> {
  await page.goto(PRINCIPLE);
  const form = page.getByTestId("comment-form");
  await form.getByLabel(/Your comment/).fill(text);
  await form.getByLabel("Supports", { exact: true }).check();
  await form.getByRole("button", { name: "Publish comment" }).click();
  await expect(page).toHaveURL(/#comment-\d+$/);
  return Number(/#comment-(\d+)$/.exec(page.url())?.[1]);
}

async function erase(page: Page, choice: "Withdraw them" | "Keep them", password = STRONG_PASSWORD) {
  await page.goto("/en/my-data");
  const form = page.getByTestId("erase-form");
  await form.getByLabel(new RegExp(`^${choice}`)).check();
  await form.getByLabel("Your current password").fill(password);
  await form.getByLabel(/I understand that my account will be erased/).check();
  await form.getByRole("button", { name: "Erase my account" }).click();
}

test.describe("privacy notice", () => {
  for (const [locale, heading, item] of [
    ["en", "Privacy notice", "Your name and email address"],
    ["hi", "गोपनीयता सूचना", "आपका नाम और ईमेल पता"],
  ] as const) {
    test(`lists each item with its purpose and retention, and the rights (${locale}); no axe violations`, async ({ page }) => {
      await page.goto(`/${locale}/privacy`);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      const table = page.getByTestId("privacy-items");
      await expect(table.getByRole("row")).toHaveCount(10);
      await expect(table.getByRole("rowheader").first()).toHaveText(item);
      await expect(page.getByRole("link", { name: locale === "en" ? "My data: download or erase" : /मेरी जानकारी/ })).toHaveAttribute(
        "href",
        `/${locale}/my-data`,
      );
      await expect(page.getByRole("link", { name: locale === "en" ? "Make a complaint" : "शिकायत करें" })).toHaveAttribute(
        "href",
        `/${locale}/grievance`,
      );
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test("sign-up refuses someone who does not declare they are 18 or over, keeping what was typed", async ({ page }) => {
  const email = uniqueEmail("minor");
  await page.goto("/en/signup");
  await fillSignUp(page, { name: "Young Person", email, password: STRONG_PASSWORD, group: "academia" });
  await page.getByLabel(/I am 18 years of age or older/).uncheck();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("adult-error")).toHaveText("Samvad is for adults: to sign up you need to declare that you are 18 or over.");
  await expect(page.getByTestId("error-summary")).toContainText("18 or over");
  await expect(page.getByLabel("Full name")).toHaveValue("Young Person");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel(/I have read the privacy notice/)).toBeChecked();
  await page.getByLabel("Password", { exact: true }).fill(STRONG_PASSWORD);
  await page.getByLabel(/I am 18 years of age or older/).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("welcome")).toBeVisible();
});

test("download my data: the file holds the profile, the consent and the comments with their versions", async ({ page, request }) => {
  const tag = tagOf();
  const email = uniqueEmail("mydata");
  await signUp(page, { name: `Data Subject ${tag}`, email, password: STRONG_PASSWORD, group: "academia", designation: "Lecturer" });
  const id = await postComment(page, `Devices should say for how long they get security updates ${tag}.`);
  await page.goto("/en/profile");
  await page.getByTestId("my-data-link").click();
  await expect(page).toHaveURL(/\/en\/my-data$/);
  await expect(page.getByRole("heading", { level: 1, name: "My data" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-my-data").click()]);
  expect(download.suggestedFilename()).toMatch(/^samvad-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
    profile: { email: string; name: string; designation: string };
    consents: { noticeVersion: string; adultDeclared: boolean }[];
    comments: { id: number; body: string; versions: { version: number }[] }[];
    memberships: unknown[];
    endorsementEvents: unknown[];
  };
  expect(data.profile).toMatchObject({ email, name: `Data Subject ${tag}`, designation: "Lecturer" });
  await page.goto("/en/privacy");
  const version = (await page.getByTestId("notice-version").innerText()).replace("Version ", "");
  expect(data.consents).toEqual([expect.objectContaining({ noticeVersion: version, adultDeclared: true })]);
  expect(data.comments).toEqual([expect.objectContaining({ id, versions: [expect.objectContaining({ version: 1 })] })]);
  expect(data.memberships).toEqual([]);
  expect(data.endorsementEvents).toEqual([]);

  // Nobody else's: signed out, the route answers 401.
  expect((await request.get("/api/me/data")).status()).toBe(401);
});

test.describe("erasing an account", () => {
  test("keep: the comment and the endorsement stay, by 'a former participant (Academia)'; signing in fails", async ({ page }) => {
    const tag = tagOf();
    const name = `Erased Keeper ${tag}`;
    const email = uniqueEmail("erase-keep");
    await signUp(page, { name, email, password: STRONG_PASSWORD, group: "academia", designation: `Fellow ${tag}` });
    const text = `Security updates should come for as long as a device is sold and five years more ${tag}.`;
    const id = await postComment(page, text);
    const panel = page.getByTestId("endorsement-panel");
    await panel.getByLabel("Personally").check();
    await panel.getByLabel("Statement").fill(`Endorsed before erasure ${tag}.`);
    await panel.getByRole("button", { name: "Record endorsement" }).click();
    await expect(panel.getByTestId("active-endorsements")).toContainText("You endorse this personally");

    // A wrong password erases nothing, and says why.
    await erase(page, "Keep them", "not my password at all");
    await expect(page.getByTestId("currentPassword-error")).toBeVisible();
    await expect(page.getByTestId("erase-form").getByLabel(/^Keep them/)).toBeChecked();
    expect(await axeViolations(page)).toEqual([]);

    await erase(page, "Keep them");
    await expect(page).toHaveURL(/\/en\/?\?done=accountErased$/);
    await expect(page.getByTestId("action-done")).toContainText("Your account has been erased");
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

    await page.goto(`/en/comments/${id}`);
    const item = page.locator(`#comment-${id}`);
    await expect(item).toHaveAttribute("data-state", "published");
    await expect(item.getByTestId("former-participant")).toHaveText("a former participant (Academia)");
    await expect(item).toContainText(text);
    await expect(page.locator("body")).not.toContainText(name);
    await expect(page.locator("body")).not.toContainText(`Fellow ${tag}`);

    await page.goto("/en/consultations/paris-call/registry?group=academia");
    const row = page.getByTestId("registry-row").filter({ hasText: `Endorsed before erasure ${tag}.` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("a former participant (Academia)");
    await expect(row).toHaveAttribute("data-state", "active");
    await expect(page.locator("body")).not.toContainText(name);

    await signIn(page, email, STRONG_PASSWORD);
    await expect(page.getByTestId("error-summary")).toBeVisible();
    await expect(page).toHaveURL(/\/en\/signin/);
  });

  test("withdraw: the comment shows as withdrawn by its author; signing in fails", async ({ page }) => {
    const tag = tagOf();
    const name = `Erased Withdrawer ${tag}`;
    const email = uniqueEmail("erase-withdraw");
    await signUp(page, { name, email, password: STRONG_PASSWORD, group: "academia" });
    const text = `Vendors should keep a public list of the devices they still patch ${tag}.`;
    const id = await postComment(page, text);
    await erase(page, "Withdraw them");
    await expect(page).toHaveURL(/\/en\/?\?done=accountErased$/);

    await page.goto(`/en/comments/${id}`);
    const placeholder = page.locator(`#comment-${id}`);
    await expect(placeholder).toHaveAttribute("data-state", "withdrawn");
    await expect(placeholder.getByTestId("withdrawn-notice")).toContainText("Withdrawn by its author on");
    await expect(page.locator("body")).not.toContainText(text);
    await expect(page.locator("body")).not.toContainText(name);

    await signIn(page, email, STRONG_PASSWORD);
    await expect(page.getByTestId("error-summary")).toBeVisible();
  });
});

test.describe("grievances", () => {
  test("a visitor's grievance gets a reference number; an admin reads it and marks it resolved", async ({ page, asAdmin }) => {
    const tag = tagOf();
    await page.goto("/en/grievance");
    await expect(page.getByRole("heading", { level: 1, name: "Grievances" })).toBeVisible();
    await expect(page.getByTestId("grievance-officer")).toContainText("fictional");
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByTestId("grievance-form");
    await form.getByLabel("Your grievance").fill("Too short");
    await form.getByRole("button", { name: "Send grievance" }).click();
    await expect(page.getByTestId("error-summary")).toBeVisible();
    await expect(page.getByTestId("grievance-name-error")).toBeVisible();
    await expect(page.getByTestId("grievance-message-error")).toContainText("at least 10 characters");
    await expect(form.getByLabel("Your grievance")).toHaveValue("Too short");
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel("Your name").fill(`Complainant ${tag}`);
    await form.getByLabel("Your email address").fill(uniqueEmail("grievance"));
    await form.getByLabel("Your grievance").fill(`My comment was hidden without the rule being named ${tag}.`);
    await form.getByRole("button", { name: "Send grievance" }).click();
    await expect(page.getByTestId("grievance-received")).toContainText("We have received your grievance.");
    const reference = await page.getByTestId("grievance-reference").innerText();
    expect(reference).toMatch(/^GR-\d{4}-\d{6}$/);

    await asAdmin.goto("/en");
    await asAdmin.getByRole("banner").getByRole("link", { name: "Grievances" }).click();
    await expect(asAdmin).toHaveURL(/\/en\/admin\/grievances$/);
    const item = asAdmin.getByTestId("grievance-item").filter({ hasText: reference });
    await expect(item).toContainText(`Complainant ${tag}`);
    expect(await axeViolations(asAdmin)).toEqual([]);
    await item.getByLabel("What was done").fill(`Answered by email, rule named ${tag}.`);
    await item.getByRole("button", { name: "Mark resolved" }).click();
    await expect(asAdmin.getByTestId("action-done")).toContainText("The grievance is marked resolved.");
    await expect(asAdmin.getByTestId("grievances-resolved").getByTestId("grievance-item").filter({ hasText: reference })).toContainText(
      `Answered by email, rule named ${tag}.`,
    );
    await expect(asAdmin.getByTestId("grievances-open").getByTestId("grievance-item").filter({ hasText: reference })).toHaveCount(0);
  });

  test("a signed-in sender finds their name and address filled in (Hindi page)", async ({ page }) => {
    const tag = tagOf();
    const email = uniqueEmail("grievance-signed-in");
    await signUp(page, { name: `Signed In ${tag}`, email, password: STRONG_PASSWORD, group: "government" });
    await page.goto("/hi/grievance");
    await expect(page.getByLabel("आपका नाम")).toHaveValue(`Signed In ${tag}`);
    await expect(page.getByLabel("आपका ईमेल पता")).toHaveValue(email);
    expect(await axeViolations(page)).toEqual([]);
  });
});
