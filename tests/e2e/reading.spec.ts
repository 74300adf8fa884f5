import { expect, test } from "@playwright/test";
import { parisCallPrinciples } from "@/db/seed-content";

/** The first paragraph of each seeded principle's text, in order. */
const firstParagraphs = parisCallPrinciples.map((p) => p.body.split(/\n\s*\n/)[0]!.trim());

for (const javaScriptEnabled of [true, false]) {
  test.describe(`reading, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("an anonymous visitor reads all nine principles, in order", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/en$/);
      // The home page lists the consultations; the open one leads to its overview.
      await page
        .getByTestId("open-consultations")
        .getByRole("link", { name: /Paris Call for Trust and Security in Cyberspace/ })
        .click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Paris Call for Trust and Security in Cyberspace");
      await expect(page.getByTestId("phase-notice")).toHaveAttribute("data-phase", "comments");
      const links = page.getByTestId("principle-list").getByRole("link");
      await expect(links).toHaveCount(9);
      const titles = (await links.allInnerTexts()).map((t) => t.split("\n").pop()?.trim());
      expect(titles[0]).toBe("Protect individuals and infrastructure");
      expect(titles[8]).toBe("International norms");

      await links.first().click();
      for (let n = 1; n <= 9; n++) {
        await expect(page.getByTestId("principle-position")).toHaveText(`Principle ${n} of 9`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(titles[n - 1] ?? "");
        // The principle's own text is shown, not just its title.
        await expect(page.getByRole("article").getByText(firstParagraphs[n - 1]!, { exact: true })).toBeVisible();
        await expect(page).toHaveTitle(`${titles[n - 1]} | Samvad`);
        if (n < 9) await page.getByRole("link", { name: /^Next: / }).click();
      }
      await expect(page.getByRole("link", { name: /^Next: / })).toHaveCount(0);
      await page.getByRole("link", { name: /^Previous: / }).click();
      await expect(page.getByTestId("principle-position")).toHaveText("Principle 8 of 9");
    });

    test("the language switch shows the same page in Hindi with lang=hi, and back", async ({ page }) => {
      await page.goto("/en/consultations/paris-call/principles/cyber-hygiene");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await page.getByRole("link", { name: "हिन्दी में पढ़ें" }).click();
      await expect(page).toHaveURL(/\/hi\/consultations\/paris-call\/principles\/cyber-hygiene$/);
      await expect(page.locator("html")).toHaveAttribute("lang", "hi");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("साइबर स्वच्छता");
      await expect(page.getByTestId("principle-position")).toHaveText("9 में से सिद्धांत 7");
      await page.getByRole("link", { name: "Read in English" }).click();
      await expect(page).toHaveURL(/\/en\/consultations\/paris-call\/principles\/cyber-hygiene$/);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    });
  });
}

test("unknown pages answer 404 in the reader's language without revealing internals", async ({ page }) => {
  const res = await page.goto("/hi/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("पेज नहीं मिला");
  const missing = await page.goto("/en/consultations/paris-call/principles/no-such-principle");
  expect(missing?.status()).toBe(404);
  const html = await page.content();
  expect(html).not.toMatch(/at \w+ \(|node_modules|Error:/);
});
