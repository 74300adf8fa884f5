import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { PERSONA_DIR, persona, personaAccount, PERSONAS, signIn } from "./support";

// Runs once per run, before every other project: each persona signs in through the real sign-in page, as a
// person would, and its cookies are saved for the tests that need a signed-in user of that role.
test.beforeAll(() => {
  fs.mkdirSync(PERSONA_DIR, { recursive: true });
});

for (const who of PERSONAS) {
  test(`sign in as ${who}`, async ({ page }) => {
    const account = personaAccount(who);
    await page.goto("/en/signin");
    // The account is one the demo table on the sign-in page lists.
    await expect(page.getByTestId("demo-accounts")).toContainText(account.email);
    await signIn(page, account.email, account.password);
    await expect(page.getByTestId("signed-in-as")).toContainText(`Signed in as ${account.name}`);
    await page.context().storageState({ path: persona(who) });
  });
}
