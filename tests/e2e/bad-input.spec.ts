import { expect, test, type Page } from "@playwright/test";
import { fillSignUp, signIn, signOut, signUp, STRONG_PASSWORD, uniqueEmail, type SignUpData } from "./support";

interface Case {
  field: string;
  break: (page: Page) => Promise<void>;
  message: string;
}

const cases: Case[] = [
  { field: "name", break: (p) => p.getByLabel("Full name").fill("   "), message: "Enter your full name." },
  {
    field: "email",
    break: (p) => p.getByLabel("Email", { exact: true }).fill("not-an-email"),
    message: "Enter an email address in the form name@example.org.",
  },
  { field: "password", break: (p) => p.getByLabel("Password", { exact: true }).fill("short"), message: "Use at least 12 characters." },
  {
    field: "password",
    break: (p) => p.getByLabel("Password", { exact: true }).fill("Password1234!"),
    message: "This password is too common.",
  },
  {
    field: "newOrganisationName",
    break: async (p) => {
      await p.getByLabel("Organisation", { exact: true }).selectOption("new");
      await p.getByLabel("Name of your organisation").fill("");
    },
    message: "Enter the name of your organisation.",
  },
  {
    field: "designation",
    break: (p) => p.getByLabel("Designation", { exact: true }).fill("d".repeat(121)),
    message: "Use at most 120 characters for your designation.",
  },
  {
    field: "consent",
    break: (p) => p.getByLabel(/I have read the privacy notice/).uncheck(),
    message: "To take part you need to agree to the privacy notice.",
  },
];

for (const javaScriptEnabled of [true, false]) {
  test.describe(`sign-up with bad input, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("each invalid field gets its message beside it, the rest is kept, and nothing is written", async ({ page }) => {
      const data: SignUpData = {
        name: "Neel Chatterjee",
        email: uniqueEmail("bad"),
        password: STRONG_PASSWORD,
        group: "technical_community",
        designation: "Network Architect",
        language: "hi",
      };
      for (const c of cases) {
        await page.goto("/en/signup");
        await fillSignUp(page, data);
        await c.break(page);
        await page.getByRole("button", { name: "Create account" }).click();
        const error = page.getByTestId(`${c.field}-error`);
        await expect(error, c.field).toContainText(c.message);
        // The message sits with its field and is announced with it.
        const describedBy = await page.locator(`#${c.field}`).getAttribute("aria-describedby");
        expect(describedBy ?? "", c.field).toContain(`${c.field}-error`);
        // Exactly one field is blamed.
        await expect(page.locator('[data-testid$="-error"]')).toHaveCount(1);
        // What was typed is kept, except the password.
        if (c.field !== "name") await expect(page.getByLabel("Full name")).toHaveValue(data.name);
        if (c.field !== "email") await expect(page.getByLabel("Email", { exact: true })).toHaveValue(data.email);
        if (c.field !== "designation") await expect(page.getByLabel("Designation", { exact: true })).toHaveValue(data.designation ?? "");
        await expect(page.locator("#stakeholderGroup-technical_community")).toBeChecked();
        await expect(page.locator("#language-hi")).toBeChecked();
        await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
        if (c.field !== "consent") await expect(page.getByLabel(/I have read the privacy notice/)).toBeChecked();
      }
      // Nothing was written by any refused attempt: the same email still signs up cleanly.
      await signUp(page, data);
      // The chosen language (Hindi) was kept through every retry and takes effect on success.
      await expect(page).toHaveURL(/\/hi\/profile\?welcome=1$/);
    });
  });
}

test("an email already taken, in another letter case, is refused at the email field", async ({ page }) => {
  const email = uniqueEmail("taken");
  await signUp(page, { name: "First Person", email, password: STRONG_PASSWORD, group: "academia" });
  await signOut(page);
  await page.goto("/en/signup");
  await fillSignUp(page, { name: "Second Person", email: email.toUpperCase(), password: STRONG_PASSWORD, group: "government" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("email-error")).toContainText("An account with this email already exists.");
  await expect(page.getByLabel("Full name")).toHaveValue("Second Person");
});

test("the 6th failed sign-in in the window is refused even with the right password, and says when to retry", async ({ page }) => {
  const email = uniqueEmail("limit");
  await signUp(page, { name: "Ritu Desai", email, password: STRONG_PASSWORD, group: "government" });
  await signOut(page);
  for (let i = 1; i <= 5; i++) {
    await signIn(page, email, `wrong password number ${i}`);
    await expect(page.getByTestId("error-summary")).toContainText("The email or password is not correct.");
  }
  await signIn(page, email, STRONG_PASSWORD);
  await expect(page.getByTestId("error-summary")).toContainText(/Too many failed attempts to sign in\. Try again after .+ IST/);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.goto("/en/profile");
  await expect(page).toHaveURL(/\/en\/signin/);
});
