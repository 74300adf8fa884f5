import type { BrowserContext, Page } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { axeViolations, expect, signIn, signOut, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./support";

const PRINCIPLE = "/en/consultations/paris-call/principles/cyber-hygiene";
const COOKIE = "next-auth.session-token";
// The secret playwright.config.ts gives the server, so a test can read and shape a session cookie.
const SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789";

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === COOKIE);
  if (!cookie) throw new Error("no session cookie");
  const claims = await decode({ token: cookie.value, secret: SECRET });
  return { cookie, seenAt: Number(claims?.seenAt), authAt: Number(claims?.authAt) };
}

async function draftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("samvad.draft:")));
}

async function newParticipant(page: Page, tag: string) {
  const email = uniqueEmail(`session-${tag}`);
  await signUp(page, { name: `Kavya ${tag}`, email, password: STRONG_PASSWORD, group: "academia" });
  return email;
}

/**
 * Types into the comment form once the page has hydrated (its live character count appears then): text typed
 * before the script runs is kept, but saved as a draft only from the next keystroke on, by design.
 */
async function typeComment(page: Page, text: string) {
  const field = page.getByTestId("comment-form").getByLabel(/Your comment/);
  const id = await field.getAttribute("id");
  await expect(page.locator(`[id="${id}-count"]`)).not.toBeEmpty();
  await field.fill(text);
}

const warning = (page: Page) => page.getByRole("alertdialog", { name: "Your session is about to end" });

test("the session warns five minutes before it ends, and one press of Stay signed in extends it", async ({ asParticipant: page }) => {
  await page.clock.install();
  await page.goto(PRINCIPLE);
  const before = await sessionCookie(page.context());

  await page.clock.fastForward("54:00");
  await expect(warning(page)).toBeHidden();
  await page.clock.fastForward("01:30");
  const dialog = warning(page);
  await expect(dialog).toBeVisible();
  // Shown in Indian time, as every time on the site; the browser's and Node's formats differ only in spaces.
  const ends = new Intl.DateTimeFormat("en", { timeStyle: "short", timeZone: "Asia/Kolkata" }).format((before.seenAt + 3600) * 1000);
  await expect(dialog).toContainText(new RegExp(`you will be signed out at ${ends.replace(/\s/g, "\\s")}\\.`));
  const stay = dialog.getByRole("button", { name: "Stay signed in" });
  await expect(stay).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);

  // The server's clock never moved: bring the page's back to it, so the new end is not already "five minutes away".
  await page.clock.setSystemTime(new Date());
  await page.waitForTimeout(1100);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("session-extended")).toContainText("You are still signed in. Your session now lasts until");
  await expect(dialog).toBeHidden();

  const after = await sessionCookie(page.context());
  expect(after.seenAt).toBeGreaterThan(before.seenAt);
  expect(after.authAt).toBe(before.authAt);
  // The cookie now lives an idle hour from this moment.
  expect(after.cookie.expires).not.toBe(before.cookie.expires);
  expect(Math.abs(after.cookie.expires - (Date.now() / 1000 + 3600))).toBeLessThan(60);
  const status = await page.request.get("/api/me/session");
  expect(status.status()).toBe(200);
  expect((await status.json()).endsAt).toBe(after.seenAt + 3600);

  await page.reload();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expect(page.getByTestId("comment-form")).toBeVisible();
});

test("a session at its 12-hour limit cannot be extended: the warning says to save work and sign in again", async ({ page }) => {
  await newParticipant(page, "final");
  const { cookie } = await sessionCookie(page.context());
  const claims = await decode({ token: cookie.value, secret: SECRET });
  const nowS = Math.floor(Date.now() / 1000);
  const token = await encode({ token: { ...claims, authAt: nowS - 12 * 3600 + 8 * 60, seenAt: nowS }, secret: SECRET });
  await page.context().addCookies([{ ...cookie, value: token }]);

  // In Hindi, with its axe check: the English dialog is checked above.
  await page.clock.install();
  await page.goto(PRINCIPLE.replace("/en/", "/hi/"));
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await page.clock.fastForward("02:30");
  const dialog = page.getByRole("alertdialog", { name: "आपका सत्र जल्द समाप्त होगा" });
  await expect(dialog).toBeHidden();
  await page.clock.fastForward("01:00");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("इसे बढ़ाया नहीं जा सकता। अपना काम अभी सहेज लें, फिर दोबारा साइन इन करें।");
  await expect(dialog.getByRole("button")).toHaveText(["बंद करें"]);
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("a comment typed when the session ends comes back after signing in again, and is gone once posted", async ({ page }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const email = await newParticipant(page, tag);
  await page.clock.install();
  await page.goto(PRINCIPLE);
  const text = `Kept across sessions ${tag}: cyber hygiene training for small firms should come first.`;
  const form = page.getByTestId("comment-form");
  await form.getByLabel(/Your comment/).fill(text);
  await expect(form.getByTestId(/-draft$/)).toBeEmpty();

  // The session is lost (here: its cookie goes); the page finds out when it next looks.
  await page.context().clearCookies();
  await page.clock.fastForward("56:00");
  const ended = page.getByRole("alertdialog", { name: "Your session has ended" });
  await expect(ended).toBeVisible();
  const again = ended.getByRole("link", { name: "Sign in again" });
  await expect(again).toHaveAttribute("href", `/en/signin?callbackUrl=${encodeURIComponent(PRINCIPLE)}`);
  expect(await axeViolations(page)).toEqual([]);
  await page.clock.setSystemTime(new Date());
  await again.click();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(STRONG_PASSWORD);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${PRINCIPLE}\\?done=signedIn$`));
  const restored = page.getByTestId("comment-form").getByLabel(/Your comment/);
  await expect(restored).toHaveValue(text);
  await expect(page.getByTestId("comment-form").getByRole("status").filter({ hasText: "Restored what you typed here" })).toBeVisible();

  await page.getByTestId("comment-form").getByLabel("Supports", { exact: true }).check();
  await page
    .getByTestId("comment-form")
    .getByRole("button", { name: /Publish/ })
    .click();
  await expect(page).toHaveURL(/\/en\/comments\/\d+\?done=commentPosted/);
  await expect.poll(() => draftKeys(page)).toEqual([]);
  await page.goto(PRINCIPLE);
  await expect(page.getByTestId("comment-form").getByLabel(/Your comment/)).toHaveValue("");
  await expect(page.getByText("Restored what you typed here")).toHaveCount(0);
});

test("drafts never pass to another person: signing out clears them, and so does someone else signing in", async ({ page }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const first = await newParticipant(page, `a${tag}`);
  await page.goto(PRINCIPLE);
  const box = () => page.getByTestId("comment-form").getByLabel(/Your comment/);
  await typeComment(page, `A private draft ${tag} about incident reporting.`);
  await expect.poll(() => draftKeys(page)).toHaveLength(1);
  await signOut(page);
  expect(await draftKeys(page)).toEqual([]);

  await signIn(page, first, STRONG_PASSWORD);
  await page.goto(PRINCIPLE);
  await typeComment(page, `Another private draft ${tag} about patch timelines.`);
  await expect.poll(() => draftKeys(page)).toHaveLength(1);
  // The session ends without a sign-out, and a different person signs in on this computer.
  await page.context().clearCookies();
  await newParticipant(page, `b${tag}`);
  await page.goto(PRINCIPLE);
  await expect(box()).toHaveValue("");
  expect(await draftKeys(page)).toEqual([]);
});
