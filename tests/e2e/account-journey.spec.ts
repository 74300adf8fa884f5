import { expect, test } from "@playwright/test";
import { signIn, signOut, signUp, STRONG_PASSWORD, uniqueEmail } from "./support";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`account journey, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("sign up as civil society, sign out, wrong password keeps the email, sign in, profile shows the group", async ({ page }) => {
      const email = uniqueEmail("journey");
      await signUp(page, {
        name: "Ira Banerjee",
        email,
        password: STRONG_PASSWORD,
        group: "civil_society",
        designation: "Programme Officer",
        newOrganisation: `Lok Shakti Forum ${Date.now()}`,
      });
      await expect(page).toHaveURL(/\/en\/profile\?welcome=1$/);
      await expect(page.getByTestId("profile-summary")).toContainText("Civil society");
      await expect(page.getByTestId("signed-in-as")).toHaveText("Signed in as Ira Banerjee, Civil society");
      await expect(page.getByTestId("memberships")).toContainText("Membership not yet verified");

      await signOut(page);
      await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

      await signIn(page, email, "not the right password");
      await expect(page.getByTestId("error-summary")).toContainText("The email or password is not correct.");
      await expect(page.getByLabel("Email")).toHaveValue(email);
      await expect(page.getByLabel("Password")).toHaveValue("");

      await page.getByLabel("Password").fill(STRONG_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      // The page signed in to says so (the confirmation rides on the redirect, so it works without JavaScript).
      await expect(page).toHaveURL(/\/en\?done=signedIn$/);
      await expect(page.getByTestId("action-done")).toHaveText(/You are signed in\./);
      await expect(page.getByTestId("signed-in-as")).toHaveText("Signed in as Ira Banerjee, Civil society");

      await page.getByRole("link", { name: "Profile" }).click();
      await expect(page.getByTestId("profile-summary")).toContainText("Civil society · Participant");
    });

    test("profile edits are saved and shown", async ({ page }) => {
      await signUp(page, { name: "Dev Malhotra", email: uniqueEmail("edit"), password: STRONG_PASSWORD, group: "academia" });
      await page.getByLabel("Full name").fill("Dev S. Malhotra");
      await page.locator("#stakeholderGroup-technical_community").check();
      await page.getByLabel("Designation", { exact: true }).fill("Research Engineer");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByTestId("profile-saved")).toBeVisible();
      await page.goto("/en/profile");
      await expect(page.getByTestId("profile-summary")).toContainText("Dev S. Malhotra");
      await expect(page.getByTestId("profile-summary")).toContainText("Technical community");
      await expect(page.getByLabel("Designation", { exact: true })).toHaveValue("Research Engineer");
    });
  });
}

test("a session cookie copied before sign-out is refused afterwards", async ({ page, browser }) => {
  const email = uniqueEmail("stale");
  await signUp(page, { name: "Sara Thomas", email, password: STRONG_PASSWORD, group: "government" });
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "next-auth.session-token");
  expect(session).toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  await signOut(page);

  const other = await browser.newContext();
  await other.addCookies(cookies.filter((c) => c.name === "next-auth.session-token"));
  const stale = await other.newPage();
  await stale.goto("/en/profile");
  await expect(stale).toHaveURL(/\/en\/signin\?callbackUrl=/);
  const api = await stale.request.get("/api/auth/session");
  expect(await api.json()).toEqual({});
  await other.close();
});

test("a password change signs out other sessions", async ({ page, browser }) => {
  const email = uniqueEmail("pwchange");
  await signUp(page, { name: "Anil Kumar", email, password: STRONG_PASSWORD, group: "private_sector" });
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, email, STRONG_PASSWORD);
  await expect(second.getByTestId("signed-in-as")).toBeVisible();

  await page.getByLabel("Current password").fill(STRONG_PASSWORD);
  await page.getByLabel("New password").fill("evening rain over Shillong");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-changed")).toBeVisible();
  await page.goto("/en/profile");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();

  await second.goto("/en/profile");
  await expect(second).toHaveURL(/\/en\/signin/);
  await other.close();
});

test("a demo account signs in from the listed credentials", async ({ page }) => {
  await page.goto("/en/signin");
  await expect(page.getByTestId("demo-accounts")).toContainText("vikram.rao@kavach-cloud.example");
  await signIn(page, "vikram.rao@kavach-cloud.example", "paris-call-demo-2018");
  await page.goto("/en/profile");
  await expect(page.getByTestId("memberships")).toContainText("May sign on behalf of the organisation");
});
