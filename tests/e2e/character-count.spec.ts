import { expect, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./support";

const PRINCIPLE = "/en/consultations/paris-call/principles/no-private-hack-back";
/** A text of exactly n characters as a textarea holds it, with a line break every 50 characters. */
const withBreaks = (n: number) =>
  Array.from({ length: n }, (_, i) => (i % 50 === 49 ? "\n" : "x"))
    .join("")
    .replace(/\n$/, "x");

test.describe("JavaScript on", () => {
  test("the comment and edit boxes have the limits, count as the server does, and announce only after a pause", async ({ page }) => {
    await signUp(page, { name: `Counter ${Date.now()}`, email: uniqueEmail("count"), password: STRONG_PASSWORD, group: "academia" });
    await page.goto(PRINCIPLE);
    const form = page.getByTestId("comment-form");
    const box = form.getByLabel(/Your comment/);
    await expect(box).toHaveAttribute("required", "");
    await expect(box).toHaveAttribute("minlength", "10");
    await expect(box).toHaveAttribute("maxlength", "5000");
    await expect(box).toHaveAttribute("aria-describedby", /new-comment-body-count/);
    const count = page.getByTestId("new-comment-body-count");
    const live = page.getByTestId("new-comment-body-count-live");
    await expect(count).toHaveText("5,000 characters left");

    await box.fill("Too short");
    await expect(count).toHaveText("1 more character needed");
    await expect(live).toHaveText("1 more character needed");

    // Near the limit the count is announced once typing pauses, not on every keystroke.
    await box.fill("x".repeat(4985));
    await expect(live).toHaveText("15 characters left");
    await box.pressSequentially("abcde", { delay: 40 });
    await expect(count).toHaveText("10 characters left");
    expect(await live.innerText()).toBe("15 characters left");
    await expect(live).toHaveText("10 characters left");

    // Line breaks count once, as on the server: a 5,000-character text with breaks is accepted whole.
    const full = withBreaks(5000);
    await box.fill(full);
    await expect(count).toHaveText("0 characters left");
    await form.getByLabel("Opposes", { exact: true }).check();
    await form.getByRole("button", { name: "Publish comment" }).click();
    await expect(page).toHaveURL(/#comment-\d+$/);
    const id = Number(/#comment-(\d+)$/.exec(page.url())?.[1]);

    await page
      .locator(`#comment-${id}`)
      .getByRole("link", { name: `Edit comment #${id}` })
      .click();
    const edit = page.getByTestId("edit-form").getByLabel(/Your comment/);
    await expect(edit).toHaveValue(full);
    await expect(edit).toHaveAttribute("required", "");
    await expect(edit).toHaveAttribute("minlength", "10");
    await expect(edit).toHaveAttribute("maxlength", "5000");
    await expect(edit).toHaveAttribute("aria-describedby", new RegExp(`edit-${id}-body-count`));
    const editCount = page.getByTestId(`edit-${id}-body-count`);
    await expect(editCount).toHaveText("0 characters left");
    await edit.fill("Hack-back, no.");
    await expect(editCount).toHaveText("4,986 characters left");
    await page.getByTestId("edit-form").getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator(`#comment-${id}`).getByTestId("comment-body")).toHaveText("Hack-back, no.");
  });

  test("the endorsement statement has its limit and a counter", async ({ page }) => {
    // A new participant has endorsed nothing, so the endorsement form is always there to measure.
    await signUp(page, { name: "Kiran Rao", email: uniqueEmail("count"), password: STRONG_PASSWORD, group: "academia" });
    await page.goto(PRINCIPLE);
    const statement = page.getByTestId("endorsement-panel").getByLabel("Statement");
    await expect(statement).toHaveAttribute("maxlength", "500");
    await expect(page.getByTestId("endorse-statement-count")).toHaveText("500 characters left");
    await statement.fill("  Not while attribution is guesswork.  ");
    await expect(page.getByTestId("endorse-statement-count")).toHaveText("465 characters left");
  });
});

test.describe("JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the boxes state their limits as text and keep the browser's limits; there is no count", async ({ asParticipant: page }) => {
    await page.goto(PRINCIPLE);
    const form = page.getByTestId("comment-form");
    const box = form.getByLabel(/Your comment/);
    await expect(box).toHaveAttribute("minlength", "10");
    await expect(box).toHaveAttribute("maxlength", "5000");
    await expect(form.locator("#new-comment-body-hint")).toContainText("10 to 5,000 characters.");
    await expect(page.getByTestId("new-comment-body-count")).toHaveText("");
  });
});
