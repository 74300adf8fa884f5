import { afterVisitorsCopyExpires, axeViolations, expect, test } from "./support";

// A moderator enters a submission that arrived by post, email or at a meeting. Without JavaScript: a plain form.
test.use({ javaScriptEnabled: false });

/** Today in India, as a date input takes it. */
const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

test("a moderator enters a letter received by post, is told what to fix, then sees its reference number; it is published, marked off-platform", async ({
  asModerator: mod,
  browser,
}) => {
  const tag = Math.random().toString(36).slice(2, 8);
  // Other specs add consultations of their own; the queue names the one it is about.
  await mod.goto("/en/moderate?consultation=paris-call");
  await mod.getByRole("link", { name: "Enter a submission received by post, email or at a meeting" }).click();
  await expect(mod).toHaveURL(/\/en\/moderate\/off-platform\?consultation=paris-call$/);
  await expect(mod.getByRole("heading", { level: 1 })).toHaveText("Enter an off-platform submission");

  const form = mod.getByTestId("off-platform-form");
  const text = `Our village council has no one trained to keep its computers patched ${tag}.`;
  await form.getByLabel("Section it responds to").selectOption({ label: "Principle 7: Cyber hygiene" });
  await form.getByLabel("Name of the person or organisation").fill(`Gram Panchayat Khedapur ${tag}`);
  await form.getByLabel("Government").check();
  await form.getByLabel("By post").check();
  await form.getByLabel("Date received").fill("2099-01-01");
  await form.getByLabel("English", { exact: true }).check();
  await form.getByLabel("Has concerns").check();
  await form.getByLabel("Text of the submission").fill(text);
  await form.getByRole("button", { name: "Enter the submission" }).click();

  // A date after today is refused, with everything typed kept.
  await expect(mod.getByTestId("op-receivedOn-error")).toHaveText("The date received cannot be after today.");
  await expect(mod.getByTestId("error-summary")).toBeVisible();
  await expect(mod.getByTestId("off-platform-form").getByLabel("Text of the submission")).toHaveValue(text);
  await expect(mod.getByTestId("off-platform-form").getByLabel("Name of the person or organisation")).toHaveValue(
    `Gram Panchayat Khedapur ${tag}`,
  );

  await mod.getByTestId("off-platform-form").getByLabel("Date received").fill(today());
  await mod.getByTestId("off-platform-form").getByRole("button", { name: "Enter the submission" }).click();
  await expect(mod).toHaveURL(/[?&]done=offPlatformEntered/);
  await expect(mod.getByTestId("action-done")).toContainText("The submission has been entered and published");
  const entered = mod.getByTestId("off-platform-entered");
  await expect(entered).toContainText(`Gram Panchayat Khedapur ${tag} (By post)`);
  const reference = (await mod.getByTestId("off-platform-reference").innerText()).trim();
  const id = Number(/[?&]entered=(\d+)/.exec(mod.url())?.[1]);
  expect(reference).toMatch(new RegExp(`^PC-\\d{4}-${String(id).padStart(6, "0")}$`));
  // A fresh form, ready for the next letter.
  await expect(mod.getByTestId("off-platform-form").getByLabel("Text of the submission")).toHaveValue("");

  // Published at once: a visitor reads it on its permalink.
  await afterVisitorsCopyExpires();
  const visitor = await browser.newPage();
  await visitor.goto(`/en/comments/${id}`);
  await expect(visitor.getByText(text)).toBeVisible();
  await visitor.close();
});

test("participants cannot open the entry page", async ({ asParticipant: page }) => {
  await page.goto("/en/moderate/off-platform");
  await expect(page).toHaveURL(/\/en\/not-permitted$/);
});

test("the closed pilot takes no more submissions", async ({ asModerator: mod }) => {
  await mod.goto("/en/moderate/off-platform?consultation=paris-call-pilot");
  await expect(mod.getByTestId("off-platform-not-taking")).toHaveText("This consultation is closed: no more submissions can be entered.");
  await expect(mod.getByTestId("off-platform-form")).toHaveCount(0);
});

// axe runs its checks as a script in the page, so these two run with JavaScript on.
test.describe("axe", () => {
  test.use({ javaScriptEnabled: true });
  for (const locale of ["en", "hi"] as const) {
    test(`axe: the off-platform entry page, empty and with errors (${locale})`, async ({ asModerator: page }) => {
      test.setTimeout(120_000);
      await page.goto(`/${locale}/moderate/off-platform?consultation=paris-call`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId("off-platform-form").locator("button[type=submit]").click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
