import { expect, test } from "./support";

const PRINCIPLE = "/en/consultations/paris-call/principles/lifecycle-security";

// On a slow link people start typing before the page's JavaScript arrives. The scripts are held back here until
// the edit has been typed, so the page hydrates over a changed field, as it does on a cheap phone.
test("an edit typed before the page's JavaScript arrives is kept and saved", async ({ asParticipant: page }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const original = `Vendors should publish a security support end date for every device they sell ${tag}.`;
  await page.goto(PRINCIPLE);
  const form = page.getByTestId("comment-form");
  await form.getByLabel(/Your comment/).fill(original);
  await form.getByLabel("Supports", { exact: true }).check();
  await form.getByRole("button", { name: "Publish comment" }).click();
  await expect(page).toHaveURL(/#comment-\d+$/);
  const id = Number(/#comment-(\d+)$/.exec(page.url())?.[1]);

  let release: () => void = () => undefined;
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/.*\.js/, async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  await page.goto(`${PRINCIPLE}?edit=${id}#comment-${id}`, { waitUntil: "domcontentloaded" });
  const edited = `Vendors should publish a security support end date on the box and the website ${tag}.`;
  const field = page.getByTestId("edit-form").getByLabel(/Your comment/);
  await field.fill(edited);
  release();
  // The live count appears once the page has hydrated.
  await expect(page.getByTestId(`edit-${id}-body-count`)).not.toBeEmpty();
  await expect(field).toHaveValue(edited);
  await page.getByTestId("edit-form").getByRole("button", { name: "Save changes" }).click();
  const item = page.getByTestId("comment").filter({ hasText: edited }).first();
  await expect(item.getByTestId("edited-mark")).toBeVisible();
});
