import type { Page } from "@playwright/test";
import { afterVisitorsCopyExpires, axeViolations, expect, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./support";

// A principle no other spec writes on, so that what these tests count is theirs.
const PRINCIPLE = "/en/consultations/paris-call/principles/no-private-hack-back";

async function postComment(page: Page, text: string, stance = "Has concerns"): Promise<number> {
  await page.goto(PRINCIPLE);
  const form = page.getByTestId("comment-form");
  await form.getByLabel(/Your comment/).fill(text);
  await form.getByLabel(stance, { exact: true }).check();
  await form.getByRole("button", { name: "Publish comment" }).click();
  await expect(page).toHaveURL(/#comment-\d+$/);
  return Number(/#comment-(\d+)$/.exec(page.url())?.[1]);
}

async function reply(page: Page, parentId: number, text: string): Promise<number> {
  await page.goto(`${PRINCIPLE}?reply=${parentId}#reply-${parentId}`);
  const form = page.getByTestId("reply-form");
  await form.getByLabel(/Your comment/).fill(text);
  await form.getByLabel("Supports", { exact: true }).check();
  await form.getByRole("button", { name: "Publish reply" }).click();
  await expect(page).toHaveURL(/#comment-\d+$/);
  return Number(/#comment-(\d+)$/.exec(page.url())?.[1]);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`withdrawing, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a comment is withdrawn only after a confirmation step; Cancel keeps it; the placeholder names nobody", async ({
      page,
      openAs,
      browser,
    }) => {
      const tag = Math.random().toString(36).slice(2, 8);
      const name = `Withdrawer ${tag}`;
      const designation = `Network analyst ${tag}`;
      await signUp(page, { name, email: uniqueEmail("withdraw"), password: STRONG_PASSWORD, group: "technical_community", designation });
      const text = `Private hack-back would escalate conflicts between companies and states ${tag}.`;
      const id = await postComment(page, text);
      // Someone else's reply keeps its place in the thread after the withdrawal.
      const other = await openAs("secondParticipant", { javaScriptEnabled });
      const replyText = `Agreed: attribution is far too uncertain for anyone to strike back ${tag}.`;
      const replyId = await reply(other, id, replyText);

      await page.goto(PRINCIPLE);
      const item = page.locator(`#comment-${id}`);
      await item.getByRole("link", { name: `Withdraw comment #${id}` }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]withdraw=${id}[&#]`));
      const step = page.getByTestId("withdraw-confirm");
      await expect(step).toHaveCount(1);
      await expect(step.getByRole("heading", { name: `Withdraw comment #${id}?` })).toBeVisible();
      await expect(step).toContainText("This cannot be undone");
      // Asking changed nothing yet.
      await expect(item).toHaveAttribute("data-state", "published");
      await expect(item.getByTestId("comment-body")).toContainText(text);
      if (javaScriptEnabled) {
        await expect(step.getByRole("heading", { name: `Withdraw comment #${id}?` })).toBeFocused();
        expect(await axeViolations(page)).toEqual([]);
      }

      await step.getByRole("link", { name: `No, keep comment #${id}` }).click();
      await expect(page.getByTestId("withdraw-confirm")).toHaveCount(0);
      await expect(page).not.toHaveURL(/withdraw=/);
      await expect(page.locator(`#comment-${id}`)).toHaveAttribute("data-state", "published");

      await page
        .locator(`#comment-${id}`)
        .getByRole("link", { name: `Withdraw comment #${id}` })
        .click();
      await page
        .getByTestId("withdraw-confirm")
        .getByRole("button", { name: `Yes, withdraw comment #${id}` })
        .click();
      await expect(page).toHaveURL(new RegExp(`[?&]done=commentWithdrawn.*#comment-${id}$`));
      await expect(page.getByTestId("action-done")).toContainText("Your comment has been withdrawn.");
      const placeholder = page.locator(`#comment-${id}`);
      await expect(placeholder).toHaveAttribute("data-state", "withdrawn");
      await expect(placeholder.getByTestId("withdrawn-notice")).toContainText("Withdrawn by its author on");
      await expect(placeholder.getByTestId("placeholder-group")).toHaveText("Stakeholder group: Technical community");
      await expect(placeholder).not.toContainText(name);
      await expect(placeholder).not.toContainText(designation);
      await expect(placeholder.getByRole("link", { name: /Withdraw/ })).toHaveCount(0);
      // The reply stays, under the placeholder.
      await expect(page.getByRole("list", { name: `Replies to comment #${id}` }).locator(`#comment-${replyId}`)).toContainText(replyText);

      // Readers see the group, the withdrawal and its date; the name is in neither the HTML nor the RSC payload.
      await afterVisitorsCopyExpires();
      const anon = await browser.newContext({ javaScriptEnabled });
      const reader = await anon.newPage();
      await reader.goto(PRINCIPLE);
      const seen = reader.locator(`#comment-${id}`);
      await expect(seen.getByTestId("withdrawn-notice")).toContainText("Withdrawn by its author on");
      await expect(seen.getByTestId("placeholder-group")).toHaveText("Stakeholder group: Technical community");
      await expect(seen.locator("time")).toHaveCount(1);
      await expect(seen).not.toContainText(name);
      const html = await (await reader.request.get(PRINCIPLE)).text();
      const rsc = await reader.request.get(PRINCIPLE, { headers: { RSC: "1" } });
      expect(rsc.headers()["content-type"]).toContain("text/x-component");
      const payload = await rsc.text();
      expect(html).toContain(`comment-${id}`);
      expect(payload).toContain(`comment-${id}`);
      for (const body of [html, payload]) {
        expect(body).not.toContain(name);
        expect(body).not.toContain(designation);
        expect(body).not.toContain(text);
      }
      await anon.close();
    });

    test("an endorsement is withdrawn only after a confirmation step; nobody else can open that step", async ({ page, openAs }) => {
      await signUp(page, { name: `Endorser ${Date.now()}`, email: uniqueEmail("unendorse"), password: STRONG_PASSWORD, group: "academia" });
      await page.goto(PRINCIPLE);
      const panel = page.getByTestId("endorsement-panel");
      await panel.getByLabel("Personally").check();
      await panel.getByLabel("Statement").fill("Hack-back has no place in a rules-based order.");
      await panel.getByRole("button", { name: "Record endorsement" }).click();
      await expect(panel.getByTestId("active-endorsements")).toContainText("You endorse this personally");

      const trigger = panel.getByRole("link", { name: "Withdraw this endorsement, made in a personal capacity" });
      const endorsementId = /withdrawEndorsement=(\d+)/.exec((await trigger.getAttribute("href")) ?? "")?.[1];
      expect(endorsementId).toBeTruthy();
      await trigger.click();
      await expect(page).toHaveURL(new RegExp(`[?&]withdrawEndorsement=${endorsementId}#`));
      const step = panel.getByTestId("withdraw-endorsement-confirm");
      await expect(step.getByRole("heading", { name: "Withdraw your personal endorsement?" })).toBeVisible();
      await expect(step).toContainText("This cannot be undone");
      await expect(panel.getByTestId("active-endorsements")).toContainText("You endorse this personally");

      // Another participant opening the same address sees no such step: it is not their endorsement.
      const other = await openAs("participant", { javaScriptEnabled });
      await other.goto(`${PRINCIPLE}?withdrawEndorsement=${endorsementId}#endorse`);
      await expect(other.getByTestId("endorsement-panel")).toBeVisible();
      await expect(other.getByTestId("withdraw-endorsement-confirm")).toHaveCount(0);

      await step.getByRole("link", { name: "No, keep the endorsement" }).click();
      await expect(panel.getByTestId("withdraw-endorsement-confirm")).toHaveCount(0);
      await expect(panel.getByTestId("active-endorsements")).toContainText("You endorse this personally");

      await panel.getByRole("link", { name: "Withdraw this endorsement, made in a personal capacity" }).click();
      await panel
        .getByTestId("withdraw-endorsement-confirm")
        .getByRole("button", { name: "Yes, withdraw my personal endorsement" })
        .click();
      await expect(page).toHaveURL(/[?&]done=endorsementWithdrawn/);
      await expect(page.getByTestId("action-done")).toContainText("The endorsement has been withdrawn.");
      await expect(panel.getByTestId("active-endorsements")).toHaveCount(0);
    });

    test("nobody can open the withdrawal step of someone else's comment", async ({ asParticipant: page, browser }) => {
      const authorContext = await browser.newContext({ javaScriptEnabled });
      const author = await authorContext.newPage();
      await signUp(author, {
        name: `Author ${Date.now()}`,
        email: uniqueEmail("notyours"),
        password: STRONG_PASSWORD,
        group: "government",
      });
      // Each run writes its own sentence: near-identical comments would form a campaign group shown once.
      const sentence = javaScriptEnabled
        ? "Hack-back by companies would blur who speaks for a state"
        : "Private retaliation against attackers leaves victims without a neutral referee";
      const id = await postComment(author, `${sentence} ${Date.now()}.`);
      await authorContext.close();
      await page.goto(`${PRINCIPLE}?withdraw=${id}#withdraw-${id}`);
      await expect(page.locator(`#comment-${id}`)).toHaveAttribute("data-state", "published");
      await expect(page.getByTestId("withdraw-confirm")).toHaveCount(0);
      await expect(page.locator(`#comment-${id}`).getByRole("link", { name: /^Withdraw/ })).toHaveCount(0);
    });
  });
}
