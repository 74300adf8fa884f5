import { expect, test } from "./support";

test("the demo table says who may sign for an organisation, from the seeded memberships", async ({ page }) => {
  await page.goto("/en/signin");
  const row = (email: string) => page.getByTestId("demo-accounts").getByRole("row").filter({ hasText: email });
  await expect(row("vikram.rao@kavach-cloud.example").getByTestId("demo-account-role")).toHaveText(
    "Participant · Private sector · representative who may sign for Kavach Cloud Services (demo)",
  );
  await expect(row("vikram.rao@kavach-cloud.example").getByTestId("demo-account-role").locator('[lang="en"]')).toHaveText(
    "Kavach Cloud Services (demo)",
  );
  await expect(row("meera.iyer@icps.edu.example").getByTestId("demo-account-role")).toHaveText(
    "Participant · Academia · verified member of Institute for Cyber Policy Studies (demo)",
  );
  await expect(row("rohan.mehta@setu-pay.example").getByTestId("demo-account-role")).toHaveText(
    "Participant · Private sector · member of Setu Payments (demo), not yet verified",
  );
  await expect(row("neha.kapoor@samvad.example").getByTestId("demo-account-role")).toHaveText("Moderator · Civil society");

  await page.goto("/hi/signin");
  await expect(row("vikram.rao@kavach-cloud.example").getByTestId("demo-account-role")).toContainText(
    "Kavach Cloud Services (demo) के प्रतिनिधि, जिन्हें उसकी ओर से हस्ताक्षर करने का अधिकार है",
  );
});
