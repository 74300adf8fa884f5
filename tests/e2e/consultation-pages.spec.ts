import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDb } from "@/db/client";
import { consultations, principles } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed-accounts";
import { axeViolations, expect, signIn, test } from "./support";

const DATE = /\d{1,2} \S+ \d{4}/;

for (const locale of ["en", "hi"] as const) {
  const words =
    locale === "en"
      ? { open: "Open for comments", archive: "Archive", sections: "9 sections", policy: "Moderation policy", ledger: "Moderation ledger" }
      : { open: "टिप्पणियों के लिए खुले", archive: "संग्रह", sections: "9 खंड", policy: "मॉडरेशन नीति", ledger: "सार्वजनिक मॉडरेशन रजिस्टर" };

  test(`home lists the open consultation first, then the archive with the closed pilot (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}`);
    const headings = await page.getByRole("heading", { level: 2 }).allInnerTexts();
    expect(headings.indexOf(words.open)).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf(words.open)).toBeLessThan(headings.indexOf(words.archive));
    // Every public consultation is listed, in that order: open (paris-call), then the archive (the pilot).
    const slugs = await page.getByTestId("consultation-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-slug")));
    expect(slugs.indexOf("paris-call")).toBeGreaterThanOrEqual(0);
    expect(slugs.indexOf("paris-call")).toBeLessThan(slugs.indexOf("paris-call-pilot"));
    const open = page.getByTestId("open-consultations").locator('[data-slug="paris-call"]');
    await expect(open).toContainText(words.sections);
    await expect(open.getByTestId("phase-notice")).toHaveAttribute("data-phase", /^(comments|counter_comments)$/);
    await expect(open.getByTestId("phase-notice")).toContainText(DATE);
    const pilot = page.getByTestId("archived-consultations").locator('[data-slug="paris-call-pilot"]');
    await expect(pilot.getByTestId("phase-notice")).toHaveAttribute("data-phase", "closed");
    await expect(page.getByTestId("last-updated")).toContainText(DATE);
    // The pilot is reachable from here.
    await pilot.getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/consultations/paris-call-pilot$`));
    await expect(page.getByTestId("phase-notice")).toHaveAttribute("data-phase", "closed");
    await expect(page.getByTestId("schedule").locator('[aria-current="step"]')).toHaveAttribute("data-phase", "closed");
  });

  test(`a visitor sees the schedule with dates and reaches the policy and the ledger from every consultation page (${locale})`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/consultations/paris-call`);
    const schedule = page.getByTestId("schedule");
    await expect(schedule.locator('li[data-phase="comments"]')).toContainText(new RegExp(`${DATE.source}.*${DATE.source}`));
    await expect(schedule.locator('li[data-phase="closed"]')).toContainText(DATE);
    // Exactly one phase is the current one, said in words as well as with aria-current.
    await expect(schedule.locator('[aria-current="step"]')).toHaveCount(1);
    await expect(schedule.locator('[aria-current="step"]')).toHaveAttribute("data-phase", "comments");
    await expect(schedule.locator('[aria-current="step"]')).toContainText(locale === "en" ? "Current phase" : "वर्तमान चरण");
    await expect(page.getByTestId("last-updated")).toContainText(DATE);

    const links = page.getByTestId("consultation-links");
    await links.getByRole("link", { name: words.policy }).click();
    await expect(page).toHaveURL(/\/consultations\/paris-call\/moderation-policy$/);
    await expect(page.getByTestId("rules")).toBeVisible();
    await expect(page.getByTestId("last-updated")).toContainText(DATE);
    await page.getByTestId("consultation-links").getByRole("link", { name: words.ledger }).click();
    await expect(page).toHaveURL(/\/consultations\/paris-call\/ledger$/);
    await expect(page.getByTestId("consultation-links").getByRole("link", { name: words.ledger })).toHaveAttribute("aria-current", "page");
    for (const sub of ["registry", "ledger", "moderation-policy"]) {
      await page.goto(`/${locale}/consultations/paris-call/${sub}`);
      await expect(page.getByTestId("policy-link")).toHaveAttribute("href", `/${locale}/consultations/paris-call/moderation-policy`);
      await expect(page.getByTestId("ledger-link")).toHaveAttribute("href", `/${locale}/consultations/paris-call/ledger`);
    }
    await page.goto(`/${locale}/consultations/paris-call-pilot/report`);
    await expect(page.getByTestId("policy-link")).toBeVisible();
    await expect(page.getByTestId("ledger-link")).toBeVisible();
  });

  test(`axe: home and overview have no violations (${locale})`, async ({ page }) => {
    for (const p of ["", "/consultations/paris-call", "/consultations/paris-call-pilot", "/consultations/paris-call-pilot/report"]) {
      await page.goto(`/${locale}${p}`);
      expect(await axeViolations(page), p || "/").toEqual([]);
    }
  });
}

/**
 * Drafts need a draft in the database, and the suite's server holds its embedded database alone. So this part
 * starts a second server on the same build, on a database prepared here with a draft (the server seeds the demo
 * accounts itself at start), and signs in on it as a participant and as a moderator.
 */
test.describe("a draft consultation", () => {
  test.describe.configure({ mode: "serial" });
  const port = Number(process.env.E2E_PORT ?? 3200) + 200;
  const base = `http://127.0.0.1:${port}`;
  const dir = path.resolve(`${process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite"}-drafts`);
  const slug = "draft-data-protection";
  const pages = [
    "",
    "/registry",
    "/ledger",
    "/moderation-policy",
    "/report",
    "/principles/draft-clause-one",
    "/principles/draft-clause-one/summary",
  ];
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
    const h = await openDb({ pgliteDir: dir });
    const [c] = await h.db
      .insert(consultations)
      .values({
        slug,
        title: "Draft rules on data protection",
        description: "Still being prepared.",
        status: "draft",
        opensAt: new Date(Date.now() + 10 * 86_400_000),
        closesAt: new Date(Date.now() + 45 * 86_400_000),
      })
      .returning({ id: consultations.id });
    if (!c) throw new Error("no draft row");
    await h.db
      .insert(principles)
      .values({ consultationId: c.id, position: 1, slug: "draft-clause-one", title: "Clause one", body: "Text." });
    await h.close();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      SAMVAD_DEMO: "1",
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: "e2e-drafts-secret-e2e-drafts-secret-0123456789",
      PGLITE_DIR: dir,
    };
    delete env.DATABASE_URL;
    server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: "ignore" });
    for (let i = 0; i < 240; i++) {
      const up = await fetch(`${base}/api/auth/csrf`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error("the second server did not start");
  });

  test.afterAll(async () => {
    server?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("answers 404 to a visitor on every page and export, and is not listed on the home page", async ({ request }) => {
    for (const p of pages) {
      expect((await request.get(`${base}/en/consultations/${slug}${p}`)).status(), p || "overview").toBe(404);
    }
    for (const p of ["ledger", "registry"]) expect((await request.get(`${base}/api/consultations/${slug}/${p}`)).status(), p).toBe(404);
    const home = await request.get(`${base}/en`);
    expect(home.status()).toBe(200);
    expect(await home.text()).not.toContain(slug);
  });

  test("answers 404 to a signed-in participant; a moderator reads every page, marked as a draft", async ({ browser }) => {
    // Two sign-ins, some twenty pages and an axe run: past a minute on two busy cores (it timed out once in CI).
    test.slow();
    const participant = await (await browser.newContext({ baseURL: base })).newPage();
    await signIn(participant, "meera.iyer@icps.edu.example", DEMO_PASSWORD);
    for (const p of pages) {
      expect((await participant.goto(`/en/consultations/${slug}${p}`))?.status(), p || "overview").toBe(404);
    }
    const moderator = await (await browser.newContext({ baseURL: base })).newPage();
    await signIn(moderator, "neha.kapoor@samvad.example", DEMO_PASSWORD);
    for (const p of pages) {
      expect((await moderator.goto(`/en/consultations/${slug}${p}`))?.status(), p || "overview").toBe(200);
    }
    for (const p of ["", "/registry", "/ledger", "/moderation-policy", "/report"]) {
      await moderator.goto(`/en/consultations/${slug}${p}`);
      await expect(moderator.getByTestId("draft-banner"), p || "overview").toHaveText(/^Draft — not public/);
    }
    // The CSV downloads are open data, which has no drafts: 404 for staff too, as in the API.
    expect((await moderator.request.get(`${base}/api/consultations/${slug}/ledger`)).status()).toBe(404);
    await moderator.goto(`/hi/consultations/${slug}`);
    expect(await axeViolations(moderator)).toEqual([]);
  });
});
