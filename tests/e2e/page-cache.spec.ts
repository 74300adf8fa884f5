import { expect, test } from "./support";

// A principle page no other spec comments on while these tests run.
const PAGE = "/en/consultations/paris-call/principles/defend-intellectual-property";
// What a browser's navigation asks for; the router's own fetches ask for */* and are always rendered.
const HTML = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };
const nonceIn = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("visitors share one rendered page, each response with its own nonce in the policy and the markup", async ({ request }) => {
  const responses = await Promise.all(Array.from({ length: 5 }, () => request.get(PAGE, HTML)));
  const nonces = new Set<string>();
  for (const res of responses) {
    expect(res.status()).toBe(200);
    expect(res.headers()["x-samvad-page-cache"]).toBe("shared");
    const nonce = nonceIn(res.headers()["content-security-policy"]);
    expect(nonce).toBeTruthy();
    const body = await res.text();
    expect(body).toContain(`nonce="${nonce}"`);
    expect(body.match(/nonce="([^"]+)"/g)?.every((n) => n === `nonce="${nonce}"`)).toBe(true);
    nonces.add(nonce!);
  }
  expect(nonces.size).toBe(5);
  // The security headers of a rendered page come with a shared one.
  expect(responses[0]!.headers()["x-frame-options"]).toBe("DENY");
  expect(responses[0]!.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the router's fetch of a page gets React's data, never the shared HTML", async ({ request }) => {
  await request.get(PAGE, HTML);
  const rsc = await request.get(PAGE, { headers: { RSC: "1" } });
  expect(rsc.headers()["x-samvad-page-cache"]).toBeUndefined();
  expect(rsc.headers()["content-type"]).toContain("text/x-component");
});

test("a signed-in reader and a confirmation are never served from the shared page", async ({ asParticipant: page, request }) => {
  const signedIn = await page.goto(PAGE);
  expect(signedIn?.headers()["x-samvad-page-cache"]).toBeUndefined();
  await expect(page.getByTestId("comment-form")).toBeVisible();
  const confirmation = await request.get(`${PAGE}?done=commentPosted`, HTML);
  expect(confirmation.headers()["x-samvad-page-cache"]).toBeUndefined();
  expect(await confirmation.text()).toContain("Your comment has been posted.");
});

test("a new comment is on every visitor's page a second after it is written", async ({ asParticipant: page, request }) => {
  await request.get(PAGE, HTML); // the visitors' copy exists before the comment
  const text = `Rights holders and researchers both need a clear safe harbour for testing ${Math.random().toString(36).slice(2, 8)}.`;
  await page.goto(PAGE);
  const form = page.getByTestId("comment-form");
  await form.getByLabel(/Your comment/).fill(text);
  await form.getByLabel("Has concerns", { exact: true }).check();
  await form.getByRole("button", { name: "Publish comment" }).click();
  await expect(page.getByTestId("comment").filter({ hasText: text })).toBeVisible();
  // The author saw it at once (above); a visitor's shared copy is at most SAMVAD_PAGE_CACHE_MS (750 ms) old.
  await new Promise((r) => setTimeout(r, 1000));
  expect(await (await request.get(PAGE, HTML)).text()).toContain(text);
});
