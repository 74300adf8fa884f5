import type { Page } from "@playwright/test";
import { axeViolations, expect, test } from "./support";

const LOCALES = ["en", "hi"] as const;
const NEW_PAGES = ["/about", "/contact", "/feedback", "/help", "/policies", "/sitemap", "/search", "/search?q=internet"] as const;

/** A word nobody else has written: Latin letters, or Devanagari letters, from a random number. */
function uniqueWords() {
  const n = Math.floor(Math.random() * 1e9);
  const latin = `zq${n.toString(36)}`;
  const devanagari = [..."कखगघचछजझटठ"];
  const hindi = `${[...String(n)].map((d) => devanagari[Number(d)]).join("")}म`;
  return { latin, hindi };
}

async function footerLinks(page: Page): Promise<{ href: string; name: string }[]> {
  const links = page.getByRole("contentinfo").getByRole("navigation").getByRole("link");
  return links.evaluateAll((els) => els.map((a) => ({ href: a.getAttribute("href") ?? "", name: a.textContent?.trim() ?? "" })));
}

test.describe("footer pages, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of LOCALES) {
    test(`every footer link answers with a page and a heading (${locale})`, async ({ page }) => {
      await page.goto(`/${locale}`);
      const links = await footerLinks(page);
      const names = links.map((l) => l.name);
      const expected =
        locale === "en"
          ? [
              "About Samvad",
              "Contact us",
              "Feedback",
              "Help",
              "Website policies",
              "Accessibility statement",
              "Sitemap",
              "Moderation policy",
              "Moderation ledger",
            ]
          : [
              "संवाद के बारे में",
              "संपर्क करें",
              "प्रतिक्रिया",
              "सहायता",
              "वेबसाइट नीतियाँ",
              "सुगम्यता विवरण",
              "साइटमैप",
              "मॉडरेशन नीति",
              "सार्वजनिक मॉडरेशन रजिस्टर",
            ];
      for (const name of expected) expect(names).toContain(name);
      for (const link of links) {
        expect(link.href.startsWith(`/${locale}/`), link.href).toBe(true);
        const response = await page.goto(link.href);
        expect(response?.status(), link.href).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      }
    });
  }

  test("the contact page names the grievance officer and the data-protection contact, marked as fictional", async ({ page }) => {
    await page.goto("/en/contact");
    await expect(page.getByTestId("demo-contacts")).toContainText("fictional");
    for (const [id, heading, email] of [
      ["grievance", "Grievance officer", "grievance@samvad.example"],
      ["dataProtection", "Data protection contact", "privacy@samvad.example"],
    ] as const) {
      const officer = page.getByTestId(`officer-${id}`);
      await expect(officer.getByRole("heading", { name: heading })).toBeVisible();
      await expect(officer.getByRole("link", { name: email })).toHaveAttribute("href", `mailto:${email}`);
      await expect(officer).toContainText("Response time");
      await expect(officer).toContainText("New Delhi");
    }
  });

  test("the sitemap lists every public consultation with its sections, and the policies page their moderation pages", async ({ page }) => {
    await page.goto("/en/sitemap");
    const consultations = page.getByTestId("sitemap-consultations");
    await expect(consultations.getByRole("link", { name: /Paris Call/ }).first()).toBeVisible();
    expect(await consultations.locator('a[href$="/principles/cyber-hygiene"]').count()).toBeGreaterThan(0);
    await page.goto("/hi/policies");
    const moderation = page.getByTestId("moderation-policies");
    expect(await moderation.locator('a[href$="/moderation-policy"]').count()).toBeGreaterThan(0);
    expect(await moderation.locator('a[href$="/ledger"]').count()).toBeGreaterThan(0);
  });

  test("the feedback form acknowledges at once with a reference number, and keeps the text on an error", async ({ page }) => {
    await page.goto("/en/help");
    await page.getByRole("contentinfo").getByRole("link", { name: "Feedback" }).click();
    const form = page.getByTestId("feedback-form");
    await form.getByLabel(/Your email address/).fill("not an address");
    await form.getByLabel("Your message").fill("Too short");
    await form.getByRole("button", { name: "Send feedback" }).click();
    await expect(page.getByTestId("error-summary")).toBeVisible();
    await expect(page.getByTestId("feedback-email-error")).toBeVisible();
    await expect(page.getByTestId("feedback-message-error")).toBeVisible();
    await expect(form.getByLabel("Your message")).toHaveValue("Too short");

    await form.getByLabel(/Your email address/).fill("reader@example.org");
    await form.getByLabel("Your message").fill("The help page answered my question about endorsing for an organisation.");
    await form.getByRole("button", { name: "Send feedback" }).click();
    await expect(page.getByTestId("feedback-received")).toBeVisible();
    await expect(page.getByTestId("feedback-reference")).toHaveText(/^FB-\d{4}-\d{6}$/);
    await expect(form.getByLabel("Your message")).toHaveValue("");
  });

  test("the Hindi feedback form works too", async ({ page }) => {
    await page.goto("/hi/feedback");
    await page.getByLabel("आपका संदेश").fill("हिंदी पृष्ठ पढ़ने में आसान हैं, धन्यवाद।");
    await page.getByRole("button", { name: "प्रतिक्रिया भेजें" }).click();
    await expect(page.getByTestId("feedback-received")).toContainText("आपकी संदर्भ संख्या है");
    await expect(page.getByTestId("feedback-reference")).toHaveText(/^FB-\d{4}-\d{6}$/);
  });

  test("an admin reads the feedback; a participant may not", async ({ openAs }) => {
    const admin = await openAs("admin", { javaScriptEnabled: false });
    await admin.goto("/en/admin/feedback");
    await expect(admin.getByRole("heading", { level: 1, name: "Feedback received" })).toBeVisible();
    const participant = await openAs("participant", { javaScriptEnabled: false });
    await participant.goto("/en/admin/feedback");
    await expect(participant).toHaveURL(/\/not-permitted$/);
  });
});

test.describe("search, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's search box is on every page and an empty search shows the hint", async ({ page }) => {
    for (const path of ["/en", "/en/help", "/en/consultations/paris-call/principles/cyber-hygiene"]) {
      await page.goto(path);
      await expect(page.getByRole("banner").getByRole("searchbox", { name: "Search" })).toBeVisible();
    }
    await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/en\/search\?q=$/);
    await expect(page.getByTestId("search-empty")).toBeVisible();
    await page.goto(`/en/search?q=${"a".repeat(201)}`);
    await expect(page.getByTestId("search-error")).toBeVisible();
  });

  test("finds a comment posted through the comment form, in English and Hindi, and links to it", async ({ asParticipant, page }) => {
    const { latin, hindi } = uniqueWords();
    const text = `Search should find this comment: ${latin} and ${hindi} are its marker words.`;
    await asParticipant.goto("/en/consultations/paris-call/principles/cyber-hygiene");
    const form = asParticipant.getByTestId("comment-form");
    await form.getByLabel(/Your comment/).fill(text);
    await form.getByLabel("Supports", { exact: true }).check();
    await form.getByRole("button", { name: /Publish/ }).click();
    await expect(asParticipant.getByTestId("comment").filter({ hasText: latin }).first()).toBeVisible();

    // A visitor searches from the header (the search page is never a shared copy, so no wait is needed).
    await page.goto("/en/help");
    await page.getByRole("banner").getByRole("searchbox", { name: "Search" }).fill(latin);
    await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
    const comments = page.getByTestId("search-group-comments");
    const result = comments.getByTestId("search-result").filter({ hasText: latin });
    await expect(result).toHaveCount(1);
    await expect(result.locator("mark")).toHaveText(latin);
    await expect(result).toContainText("Paris Call");
    const href = await result.getByRole("link").getAttribute("href");
    expect(href).toMatch(/^\/en\/comments\/\d+$/);

    // Its reference number, as the result names it, finds it again (leading zeros may be left out).
    const reference = /[A-Z]{2,6}-\d{4}-\d{6}/.exec((await result.getByRole("heading").textContent()) ?? "")?.[0] ?? "";
    expect(reference).not.toBe("");
    await page.goto(`/en/search?q=${encodeURIComponent(reference.replace(/-0+/, "-"))}`);
    await expect(page.getByTestId("search-group-reference").getByRole("link")).toHaveAttribute("href", href ?? "");

    await page.goto(`/hi/search?q=${encodeURIComponent(hindi)}`);
    await expect(page.getByTestId("search-group-comments").getByTestId("search-result").filter({ hasText: hindi })).toHaveCount(1);

    // The result's link opens the comment in its thread.
    await page.goto(href ?? "/");
    await expect(page.getByTestId("comment").filter({ hasText: latin }).first()).toBeVisible();
  });
});

for (const locale of LOCALES) {
  test.describe(`axe on the new pages, ${locale}`, () => {
    for (const path of NEW_PAGES) {
      test(`${path} has no WCAG 2.2 A/AA violations`, async ({ page }) => {
        await page.goto(`/${locale}${path}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    test("the feedback form with errors showing has no violations", async ({ page }) => {
      await page.goto(`/${locale}/feedback`);
      await page.getByTestId("feedback-form").locator("button[type=submit]").click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });

    test("the admin's feedback list has no violations", async ({ asAdmin }) => {
      await asAdmin.goto(`/${locale}/admin/feedback`);
      await expect(asAdmin.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await axeViolations(asAdmin)).toEqual([]);
    });
  });
}
