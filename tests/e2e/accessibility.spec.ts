import { axeViolations, expect, test } from "./support";

const pages = [
  ["home", "/"],
  ["principle", "/consultations/paris-call/principles/defend-electoral-processes"],
  ["sign-in", "/signin"],
  ["sign-up", "/signup"],
  ["privacy", "/privacy"],
  ["accessibility", "/accessibility"],
  ["not found", "/no-such-page"],
  ["email confirmation", `/confirm-email?token=${"A".repeat(43)}`],
] as const;

for (const locale of ["en", "hi"] as const) {
  test.describe(`axe, ${locale}`, () => {
    for (const [name, path] of pages) {
      test(`${name} has no WCAG 2.2 A/AA violations`, async ({ page }) => {
        await page.goto(`/${locale}${path === "/" ? "" : path}`);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    test("profile has no violations", async ({ asSecondParticipant: page }) => {
      await page.goto(`/${locale}/profile`);
      await expect(page.getByTestId("profile-summary")).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });

    test("sign-up with errors showing has no violations", async ({ page }) => {
      await page.goto(`/${locale}/signup`);
      await page.getByRole("main").locator("form button[type=submit]").click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test("every stop of a keyboard walk through sign-up shows a visible focus indicator", async ({ page }) => {
  await page.goto("/en/signup");
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
      return { label: `${el.tagName}#${el.id}`, visible };
    });
    if (!info) continue;
    seen.push(info.label);
    expect(info.visible, `focus not visible on ${info.label}`).toBe(true);
  }
  expect(seen[0]).toBe("A#"); // the skip link comes first
});
