import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, type DemoAccount } from "@/db/seed-accounts";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export function uniqueEmail(prefix = "p"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

export const STRONG_PASSWORD = "monsoon letters from Kochi";

export interface SignUpData {
  name: string;
  email: string;
  password: string;
  group: "government" | "private_sector" | "civil_society" | "technical_community" | "academia";
  designation?: string;
  newOrganisation?: string;
  language?: "en" | "hi";
}

/** Fills the sign-up form by its labels, as a person would. */
export async function fillSignUp(page: Page, d: SignUpData) {
  await page.getByLabel("Full name").fill(d.name);
  await page.getByLabel("Email", { exact: true }).fill(d.email);
  await page.getByLabel("Password", { exact: true }).fill(d.password);
  await page.locator(`#stakeholderGroup-${d.group}`).check();
  if (d.newOrganisation) {
    await page.getByLabel("Organisation", { exact: true }).selectOption("new");
    await page.getByLabel("Name of your organisation").fill(d.newOrganisation);
  }
  if (d.designation) await page.getByLabel("Designation", { exact: true }).fill(d.designation);
  await page.locator(`#language-${d.language ?? "en"}`).check();
  await page.getByLabel(/I am 18 years of age or older/).check();
  await page.getByLabel(/I have read the privacy notice/).check();
}

export async function signUp(page: Page, d: SignUpData) {
  await page.goto("/en/signup");
  await fillSignUp(page, d);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("welcome")).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string, locale: "en" | "hi" = "en") {
  await page.goto(`/${locale}/signin`);
  await page.getByLabel(locale === "en" ? "Email" : "ईमेल").fill(email);
  await page.getByLabel(locale === "en" ? "Password" : "पासवर्ड").fill(password);
  await page
    .getByRole("main")
    .getByRole("button", { name: locale === "en" ? "Sign in" : "साइन इन करें" })
    .click();
  // Either we leave the sign-in page or it answers with an error; wait for one of the two.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.endsWith("/signin"), { timeout: 15_000 }),
    page.getByTestId("error-summary").waitFor({ timeout: 15_000 }),
  ]);
}

export async function signOut(page: Page) {
  await page
    .getByRole("banner")
    .getByRole("button", { name: /Sign out|साइन आउट करें/ })
    .click();
  await expect(page.getByRole("banner").getByRole("link", { name: /Sign in|साइन इन करें/ })).toBeVisible();
}

/**
 * axe on the page as rendered with JavaScript on; returns a readable list of violations. Legacy mode runs axe once in
 * the page instead of per frame and again in a blank page to merge the frames (our pages have no frames, so the
 * result is the same), and only violations are serialised: a third of the time per page, measured.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // options() replaces what withTags() set, so it comes first.
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(WCAG_TAGS)
    .setLegacyMode(true)
    .analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

// ---- Personas ------------------------------------------------------------------------------------------------
//
// One demo account per role, signed in once per run through the real sign-in page by personas.setup.ts (the
// "personas" project every other project depends on), its cookies saved as a Playwright storage state. A test
// that just needs "a signed-in moderator" starts from that state instead of signing in again.
//
// Shared state has one rule: no test may end a persona's session. Signing out, changing the password or the role
// bumps the account's session version and every saved copy stops working, for every later test in the run. Tests
// that do any of that sign up a fresh account (signUp) or sign in for themselves (signIn).

export const PERSONA_ACCOUNTS = {
  /** Meera Iyer: academia, verified member of the Institute for Cyber Policy Studies (no authority to sign). */
  participant: "academia",
  /** Fatima Sheikh: civil society, verified member of the Digital Adhikar Collective. */
  secondParticipant: "civil_society",
  /** Vikram Rao: private sector, verified member of Kavach Cloud Services who may sign on its behalf. */
  orgRep: "representative",
  /** Neha Kapoor: moderator. */
  moderator: "moderator",
  /** Sanjay Gupta: administrator. */
  admin: "admin",
} as const satisfies Record<string, DemoAccount["key"]>;

export type Persona = keyof typeof PERSONA_ACCOUNTS;
export const PERSONAS = Object.keys(PERSONA_ACCOUNTS) as Persona[];

/** The demo account behind a persona, with the password the sign-in page lists. */
export function personaAccount(who: Persona): DemoAccount & { password: string } {
  const account = demoAccounts.find((a) => a.key === PERSONA_ACCOUNTS[who]);
  if (!account) throw new Error(`no demo account with key ${PERSONA_ACCOUNTS[who]} for persona ${who}`);
  return { ...account, password: DEMO_PASSWORD };
}

export const PERSONA_DIR = path.resolve(process.env.E2E_PERSONA_DIR ?? ".test-results/personas");

/** The saved storage state of a persona: `test.use({ storageState: persona("moderator") })`. */
export function persona(who: Persona): string {
  return path.join(PERSONA_DIR, `${who}.json`);
}

/**
 * A new browser context signed in as the persona (JavaScript on unless told otherwise). Fails at once, naming
 * the persona, if its saved session no longer works, rather than later with a puzzling 404 or redirect.
 */
export async function openPersona(browser: Browser, who: Persona, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...options, storageState: persona(who) });
  const session = await context.request.get("/api/auth/session");
  const body = (await session.json().catch(() => ({}))) as { user?: { name?: string | null } };
  if (body.user?.name !== personaAccount(who).name) {
    await context.close();
    throw new Error(`The saved session of persona "${who}" no longer works: did a test sign it out or change its password or role?`);
  }
  return context.newPage();
}

interface PersonaFixtures {
  /** Opens more personas in the same test, each in its own context (for example with JavaScript off). */
  openAs: (who: Persona, options?: BrowserContextOptions) => Promise<Page>;
  asParticipant: Page;
  asSecondParticipant: Page;
  asOrgRep: Page;
  asModerator: Page;
  asAdmin: Page;
}

function personaPage(who: Persona) {
  return async ({ browser, javaScriptEnabled }: { browser: Browser; javaScriptEnabled: boolean }, use: (page: Page) => Promise<void>) => {
    const page = await openPersona(browser, who, { javaScriptEnabled });
    await use(page);
    await page.context().close();
  };
}

/**
 * `test` with a page per persona: `test("…", async ({ asModerator }) => …)`. Each is its own browser context,
 * signed in from the saved state and closed after the test; it follows the test's `javaScriptEnabled`.
 */
export const test = base.extend<PersonaFixtures>({
  openAs: async ({ browser }, use) => {
    const opened: Page[] = [];
    await use(async (who, options = {}) => {
      const page = await openPersona(browser, who, options);
      opened.push(page);
      return page;
    });
    await Promise.all(opened.map((p) => p.context().close()));
  },
  asParticipant: personaPage("participant"),
  asSecondParticipant: personaPage("secondParticipant"),
  asOrgRep: personaPage("orgRep"),
  asModerator: personaPage("moderator"),
  asAdmin: personaPage("admin"),
});

export { expect };

/**
 * Visitors share a copy of a principle page for up to SAMVAD_PAGE_CACHE_MS (750 ms; lib/http/page-cache.ts), so a
 * write is on every visitor's page within a second, not at once: a test that reads as a visitor right after a
 * write waits out that window first, as the promise to visitors says.
 */
export async function afterVisitorsCopyExpires(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
