import type { Page } from "@playwright/test";
import {
  afterVisitorsCopyExpires,
  axeViolations,
  expect,
  personaAccount,
  signIn,
  signUp,
  STRONG_PASSWORD,
  test,
  uniqueEmail,
} from "./support";

// A principle the participant persona has no named comments on (seed or other specs), so that her name must be
// absent from the whole page a visitor gets, not only from the one comment.
const PRINCIPLE = "/en/consultations/paris-call/principles/defend-electoral-processes";
const REFERENCE = /^[A-Z]{2,6}-\d{4}-\d{6}$/;

async function postInHindiGroupOnly(page: Page, text: string) {
  const form = page.getByTestId("comment-form");
  await form.getByLabel(/Your comment/).fill(text);
  await form.getByLabel("Supports with changes", { exact: true }).check();
  await form.getByLabel("Show only my stakeholder group").check();
  await form.getByLabel("Hindi (हिन्दी)").check();
  await form.getByRole("button", { name: "Publish comment" }).click();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`submissions, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a participant comments in Hindi showing only her group, and gets a reference number at once and in my contributions", async ({
      asParticipant: page,
      browser,
    }) => {
      const me = personaAccount("participant");
      const tag = Math.random().toString(36).slice(2, 8);
      // The two runs write different sentences: near-identical ones would form a campaign group (on PostgreSQL,
      // whose UTF-8 locale makes trigrams of Devanagari) and be shown once, under the first.
      const text = javaScriptEnabled
        ? `चुनाव से जुड़ी प्रणालियों की सुरक्षा जाँच हर साल सार्वजनिक होनी चाहिए ${tag}।`
        : `बिजली ग्रिड पर हुए साइबर हमलों की रिपोर्ट संसद के सामने रखी जाए ${tag}।`;
      await page.goto(PRINCIPLE);
      // The choice is explained above it.
      await expect(page.getByTestId("comment-form").getByRole("group", { name: "How your comment is signed" })).toContainText(
        "A comment on behalf of an organisation always shows the organisation",
      );
      await postInHindiGroupOnly(page, text);

      await expect(page).toHaveURL(/#comment-\d+$/);
      const id = Number(/#comment-(\d+)$/.exec(page.url())?.[1]);
      const confirmation = page.getByTestId("posted-confirmation");
      await expect(confirmation).toBeVisible();
      const reference = (await confirmation.getByTestId("posted-reference").innerText()).trim();
      expect(reference).toMatch(REFERENCE);
      expect(reference.endsWith(String(id).padStart(6, "0"))).toBe(true);
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);

      const mine = page.locator(`#comment-${id}`);
      await expect(mine.getByTestId("group-only")).toHaveText("A participant from Academia");
      await expect(mine.getByTestId("comment-language")).toHaveText("in Hindi");
      await expect(mine.getByTestId("comment-body")).toHaveAttribute("lang", "hi");
      await expect(mine.getByTestId("reference-number")).toHaveText(`Ref. ${reference}`);
      await expect(mine).not.toContainText(me.name);

      await page.goto("/en/my-contributions");
      const entry = page.getByTestId("my-comment").filter({ hasText: tag });
      await expect(entry.getByTestId("my-reference")).toHaveText(`Reference number ${reference}`);
      await expect(entry.getByTestId("shown-as-group")).toBeVisible();
      const round = page.getByTestId("my-round").filter({ has: entry });
      await expect(round.getByTestId("round-timeline")).toContainText("Comments:");
      await expect(round.getByTestId("summary-due")).toContainText(/Summary expected/);

      // Others see only the group: the name is in neither the HTML nor the RSC payload.
      await afterVisitorsCopyExpires();
      const visitor = await browser.newContext({ javaScriptEnabled });
      const reader = await visitor.newPage();
      await reader.goto(`/en/comments/${id}`);
      await expect(reader.locator(`#comment-${id}`).getByTestId("group-only")).toHaveText("A participant from Academia");
      await expect(reader.locator(`#comment-${id}`).getByTestId("comment-body")).toContainText(tag);
      const html = await (await visitor.request.get(PRINCIPLE)).text();
      const payload = await (await visitor.request.get(PRINCIPLE, { headers: { RSC: "1" } })).text();
      await visitor.close();
      for (const body of [html, payload]) {
        expect(body).toContain(tag);
        expect(body).not.toContain(me.name);
      }
    });

    test("a comment typed while the session ended is kept, with a message to sign in again and post again", async ({ page }) => {
      const email = uniqueEmail("timeout");
      await signUp(page, { name: "Timed Out Writer", email, password: STRONG_PASSWORD, group: "civil_society" });
      await page.goto(PRINCIPLE);
      const text = `Written while my session ran out, and not lost ${Math.random().toString(36).slice(2, 8)}.`;
      const form = page.getByTestId("comment-form");
      await form.getByLabel(/Your comment/).fill(text);
      await form.getByLabel("Supports", { exact: true }).check();
      // The session ends (idle timeout, or signed out elsewhere) while the form is open.
      await page.context().clearCookies();
      await form.getByRole("button", { name: "Publish comment" }).click();
      await expect(page.getByTestId("error-summary")).toContainText("Your session has ended, but your text is kept here");
      await expect(page.getByTestId("comment-form").getByLabel(/Your comment/)).toHaveValue(text);

      // As the message says: sign in again in a new tab, come back, press the button again.
      const tab = await page.context().newPage();
      await signIn(tab, email, STRONG_PASSWORD);
      await tab.close();
      await page.getByTestId("comment-form").getByRole("button", { name: "Publish comment" }).click();
      await expect(page.getByTestId("posted-confirmation")).toBeVisible();
      await expect(page.getByTestId("comment").filter({ hasText: text })).toHaveCount(1);
    });
  });
}

for (const locale of ["en", "hi"] as const) {
  test(`axe: principle page with the comment form, and my contributions (${locale})`, async ({ asParticipant: page }) => {
    await page.goto(`/${locale}/consultations/paris-call/principles/defend-electoral-processes`);
    await expect(page.getByTestId("comment-form")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`/${locale}/my-contributions`);
    await expect(page.getByTestId("my-round").first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
