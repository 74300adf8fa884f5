import type { Page } from "@playwright/test";
import { axeViolations, expect, test } from "./support";

/** A datetime-local / date value in India time, `days` from now. */
function indiaInput(days: number, kind: "datetime" | "date" = "datetime"): string {
  const ist = new Date(Date.now() + days * 86_400_000 + 330 * 60_000).toISOString();
  return kind === "date" ? ist.slice(0, 10) : ist.slice(0, 16);
}

const PASTED = [
  "Draft Rules on Public Wi-Fi, 2026",
  "",
  "Clause 1 – Scope",
  "These rules apply to every public Wi-Fi provider.",
  "",
  "They do not apply to home networks.",
  "Clause 2 – Registration",
  "A provider registers with the licensing authority.",
  "Clause 3 – Grievances",
  "Every provider names a grievance officer.",
].join("\n");

/** The texts of a new consultation, in the form as a person fills it (sections come from elsewhere). */
async function fillTexts(page: Page, slug: string, title: string) {
  await page.locator("#title").fill(title);
  await page.locator("#titleHi").fill("सार्वजनिक वाई-फ़ाई पर मसौदा नियम");
  await page.locator("#slug").fill(slug);
  await page.locator("#description").fill("The ministry invites comments on the draft rules.");
  await page.locator("#descriptionHi").fill("मंत्रालय मसौदा नियमों पर टिप्पणियाँ आमंत्रित करता है।");
  await page.locator("#ownerOrganisationId").selectOption({ index: 1 });
  await page.locator("#referencePrefix").fill("WF");
}

test.describe("an admin runs a consultation, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("creates it from a pasted section list, schedules it and publishes it", async ({ asAdmin: page }) => {
    // It waits for the background announcement at the end (a round a minute).
    test.slow();
    const slug = `wifi-rules-${Date.now().toString(36)}`;
    const title = `Draft Rules on Public Wi-Fi ${slug}`;
    await page.goto("/en/admin/consultations");
    await page.getByRole("link", { name: "New consultation" }).click();
    await fillTexts(page, slug, title);
    await page.locator("#pasted").fill(PASTED);
    await page.getByRole("button", { name: "Split into sections" }).click();

    // The review step: three sections as fields, what was typed kept, nothing saved yet.
    await expect(page.getByTestId("consultation-form-status")).toContainText("nothing is saved yet");
    await expect(page.getByTestId("section-fields")).toHaveCount(3);
    await expect(page.locator("#s0_title")).toHaveValue("Scope");
    await expect(page.locator("#s0_body")).toHaveValue(
      "These rules apply to every public Wi-Fi provider.\n\nThey do not apply to home networks.",
    );
    await expect(page.locator("#s2_title")).toHaveValue("Grievances");
    await expect(page.locator("#title")).toHaveValue(title);
    const list = await page.context().newPage();
    await list.goto("/en/admin/consultations");
    await expect(list.getByTestId("consultations-draft")).toBeVisible();
    await expect(list.getByTestId("consultations-draft")).not.toContainText(title);
    await list.close();

    // Review: correct one title, then save.
    await page.locator("#s1_title").fill("Registration of providers");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page.getByTestId("action-done")).toContainText("created as a draft");
    const id = /\/admin\/consultations\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(id).toBeTruthy();
    await expect(page.locator("#s1_title")).toHaveValue("Registration of providers");
    await expect(page.getByTestId("consultation-state")).toContainText("Not yet open");

    // Schedule: a 10-day period is refused until acknowledged; bad order is refused.
    await page.getByRole("link", { name: "Schedule", exact: true }).first().click();
    await page.locator("#opensAt").fill(indiaInput(-1));
    await page.locator("#closesAt").fill(indiaInput(-2));
    await page.getByRole("button", { name: "Save schedule" }).click();
    await expect(page.getByTestId("closesAt-error")).toContainText("must end after it opens");
    await page.locator("#closesAt").fill(indiaInput(10));
    const counterCloses = indiaInput(15);
    await page.locator("#counterClosesAt").fill(counterCloses);
    await page.locator("#summaryDueAt").fill(indiaInput(30, "date"));
    await page.getByRole("button", { name: "Save schedule" }).click();
    await expect(page.getByTestId("acknowledgeShort-error")).toContainText("shorter than 30 days");
    await page.getByLabel(/I confirm that a comment period shorter than 30 days/).check();
    await page.getByRole("button", { name: "Save schedule" }).click();
    await expect(page.getByTestId("action-done")).toContainText("schedule has been saved");
    // The saved times come back as they were entered, in India time.
    await expect(page.locator("#counterClosesAt")).toHaveValue(counterCloses);

    // Publish: refused while the sections lack Hindi (listed), allowed with the translation marked pending.
    await page.getByRole("link", { name: "Publish", exact: true }).click();
    await expect(page.getByTestId("missing-hindi").getByRole("listitem")).toHaveCount(6);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByTestId("publish-error")).toContainText("lack their Hindi version");
    await page.getByLabel("Publish now and mark the Hindi version as pending").check();
    await page.getByLabel("Hindi version due on").fill(indiaInput(14, "date"));
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByTestId("action-done")).toContainText("has been published");
    await expect(page.getByTestId("consultation-state")).toContainText("Comment period");

    // Listed as open, recorded in the audit log, and readable on its public page.
    await page.goto("/en/admin/consultations");
    await expect(page.getByTestId("consultations-open")).toContainText(title);
    await page.goto("/en/admin/audit?action=consultation.published");
    await expect(page.getByTestId("audit-row").first()).toContainText(`consultation: ${id}`);
    await page.goto("/en/admin/audit?action=consultation.created");
    await expect(page.getByTestId("audit-row").first()).toContainText(`consultation: ${id}`);
    await page.goto(`/en/consultations/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);

    // Its opening is announced in the app by the background job, although this server has no mail server. Waiting
    // for it here also leaves nothing to announce when the later projects, which compare the database, run.
    await expect(async () => {
      await page.goto("/en/notifications");
      await expect(
        page.locator('[data-testid="other-notification"][data-kind="consultation_opened"]').filter({ hasText: title }),
      ).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 100_000, intervals: [2_000, 5_000] });
  });

  test("moderators are not permitted on the consultation admin pages", async ({ asModerator: page }) => {
    await page.goto("/en/admin/consultations/new");
    await expect(page).toHaveURL(/\/en\/not-permitted/);
  });
});

test.describe("consultation admin pages: accessibility", () => {
  let draftId = "";
  let openId = "";

  test.beforeAll(async ({ browser }) => {
    const { openPersona } = await import("./support");
    const page = await openPersona(browser, "admin");
    await page.goto("/en/admin/consultations/new");
    const slug = `axe-draft-${Date.now().toString(36)}`;
    await fillTexts(page, slug, `Axe draft ${slug}`);
    await page.locator("#s0_title").fill("Scope");
    await page.locator("#s0_body").fill("These rules apply to every provider.");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page.getByTestId("action-done")).toContainText("created as a draft");
    draftId = /\/admin\/consultations\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
    await page.goto("/en/admin/consultations");
    const href = await page.locator('[data-slug="paris-call"] a').first().getAttribute("href");
    openId = /\/admin\/consultations\/([0-9a-f-]{36})/.exec(href ?? "")?.[1] ?? "";
    await page.context().close();
  });

  for (const locale of ["en", "hi"] as const) {
    test(`${locale}: list, new (with errors), texts, schedule, publish and close have no violations`, async ({ asAdmin: page }) => {
      expect(draftId).toMatch(/^[0-9a-f-]{36}$/);
      expect(openId).toMatch(/^[0-9a-f-]{36}$/);
      const paths = [
        "/admin/consultations",
        "/admin/consultations/new",
        `/admin/consultations/${draftId}`,
        `/admin/consultations/${draftId}/schedule`,
        `/admin/consultations/${draftId}/publish`,
        `/admin/consultations/${openId}/close`,
      ];
      for (const path of paths) {
        await page.goto(`/${locale}${path}`);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        expect(await axeViolations(page), path).toEqual([]);
      }
      await page.goto(`/${locale}/admin/consultations/new`);
      await page.locator('button[value="save"]:visible').click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
      expect(await axeViolations(page), "new, with errors").toEqual([]);
    });
  }
});
