import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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
  await page.getByRole("main").getByRole("button", { name: locale === "en" ? "Sign in" : "साइन इन करें" }).click();
  // Either we leave the sign-in page or it answers with an error; wait for one of the two.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.endsWith("/signin"), { timeout: 15_000 }),
    page.getByTestId("error-summary").waitFor({ timeout: 15_000 }),
  ]);
}

export async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: /Sign out|साइन आउट करें/ }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: /Sign in|साइन इन करें/ })).toBeVisible();
}

/** axe on the page as rendered with JavaScript on; returns a readable list of violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
