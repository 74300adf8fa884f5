import { axeViolations, expect, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./support";

// The e2e server runs in demo mode without SMTP_URL: the confirmation link waits in the outbox the admin persona reads.
const TEXT = {
  en: {
    heading: "Change your email address",
    newEmail: "New email address",
    password: "Current password",
    submit: "Send the confirmation link",
    sent: "We have sent a link to the new address.",
  },
  hi: {
    heading: "अपना ईमेल पता बदलें",
    newEmail: "नया ईमेल पता",
    password: "मौजूदा पासवर्ड",
    submit: "पुष्टि का लिंक भेजें",
    sent: "हमने नए पते पर एक लिंक भेज दिया है।",
  },
} as const;

for (const locale of ["en", "hi"] as const) {
  test(`email change (${locale}): an empty form is refused, the link goes to the new address, the old one counts until then; no axe violations`, async ({
    page,
    asAdmin,
  }) => {
    const t = TEXT[locale];
    const email = uniqueEmail("change");
    const newEmail = uniqueEmail("changed");
    await signUp(page, { name: "Kavya Pillai", email, password: STRONG_PASSWORD, group: "academia", language: locale });

    await page.goto(`/${locale}/profile/email`);
    await expect(page.getByRole("heading", { level: 1, name: t.heading })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(email);
    expect(await axeViolations(page), "empty form").toEqual([]);

    await page.getByRole("button", { name: t.submit }).click();
    await expect(page.getByTestId("error-summary")).toBeVisible();
    expect(await axeViolations(page), "form with errors").toEqual([]);

    await page.getByLabel(t.newEmail).fill(newEmail);
    await page.getByLabel(t.password).fill(STRONG_PASSWORD);
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page.getByTestId("email-change-sent")).toContainText(t.sent);
    expect(await axeViolations(page), "link sent").toEqual([]);

    // Until the link is followed, the account keeps its address.
    await page.goto(`/${locale}/profile/email`);
    await expect(page.getByRole("main")).toContainText(email);
    await expect(page.getByRole("main")).not.toContainText(newEmail);

    await asAdmin.goto("/en/admin/outbox");
    await expect(
      asAdmin.getByTestId("outbox-item").filter({ has: asAdmin.getByTestId("outbox-to").getByText(newEmail, { exact: true }) }),
    ).toHaveCount(1);
  });
}
