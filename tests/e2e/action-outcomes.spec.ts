import { expect, personaAccount, test } from "./support";

// Every action says what it did, and staff pages answer visitors and participants plainly. All without
// JavaScript: the confirmation rides on the redirect (?done= / ?failed=), not on client code.
test.use({ javaScriptEnabled: false });

// Meera Iyer's comment on principle 9, reported by another participant.
const PRINCIPLE = "/en/consultations/paris-call/principles/international-norms";

test("a visitor who opens a staff page is sent to sign in and brought back to it", async ({ page }) => {
  await page.goto("/en/moderate/organisations");
  await expect(page).toHaveURL(/\/en\/signin\?callbackUrl=%2Fen%2Fmoderate%2Forganisations$/);
  const account = personaAccount("moderator");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/moderate\/organisations\?done=signedIn$/);
  await expect(page.getByTestId("action-done")).toHaveText(/You are signed in\./);
});

test("a participant on a staff page gets a plain 'not permitted' page, not a 404", async ({ asParticipant, asModerator }) => {
  for (const path of ["/en/moderate", "/en/moderate/summaries", "/en/admin/users"]) {
    await asParticipant.goto(path);
    await expect(asParticipant, path).toHaveURL(/\/en\/not-permitted$/);
    await expect(asParticipant.getByRole("heading", { level: 1 })).toHaveText("Not permitted");
  }
  await asModerator.goto("/hi/admin/audit");
  await expect(asModerator).toHaveURL(/\/hi\/not-permitted$/);
  await expect(asModerator.getByTestId("forbidden")).toContainText("आपके खाते को इस पृष्ठ तक पहुँच नहीं है");
});

test("sending a report confirms it on the page the reporter lands on", async ({ asSecondParticipant }) => {
  await asSecondParticipant.goto(PRINCIPLE);
  const first = asSecondParticipant.locator("[data-testid='comment'][data-state='published']").filter({ hasText: "Meera Iyer" }).first();
  const id = Number((await first.getAttribute("id"))?.replace("comment-", ""));
  expect(id).toBeGreaterThan(0);
  await asSecondParticipant.goto(`${PRINCIPLE}?report=${id}#report-${id}`);
  const form = asSecondParticipant.getByTestId("report-form");
  await form.getByLabel("Off-topic", { exact: true }).check();
  await form.getByRole("button", { name: "Send report" }).click();
  await expect(asSecondParticipant).toHaveURL(new RegExp(`done=reportSent#comment-${id}$`));
  await expect(asSecondParticipant.getByTestId("action-done")).toHaveText(/Your report has been sent to the moderators/);
});

test("a moderator's switch confirms what it switched, and a refused one-button action says why", async ({ asModerator, asAdmin }) => {
  await asModerator.goto("/en/moderate?consultation=paris-call-pilot");
  await asModerator.getByRole("button", { name: /Turn pre-moderation on/ }).click();
  await expect(asModerator.getByTestId("action-done")).toHaveText(/Pre-moderation is on/);
  await asModerator.getByRole("button", { name: /Turn pre-moderation off/ }).click();
  await expect(asModerator.getByTestId("action-done")).toHaveText(/Pre-moderation is off/);

  // Saving a role someone already has changes nothing: the admin is told so instead of seeing no reaction.
  await asAdmin.goto("/en/admin/users?q=meera");
  const row = asAdmin.getByTestId("user-row").first();
  await row.getByRole("button", { name: "Save" }).click();
  await expect(asAdmin).toHaveURL(/\/en\/admin\/users\?failed=/);
  await expect(asAdmin.getByTestId("action-failed")).toContainText("That did not work");
});
