import { expect, test } from "@playwright/test";
import { signUp, STRONG_PASSWORD, uniqueEmail } from "./support";

test("HTML responses carry a nonce CSP and the security headers", async ({ request }) => {
  for (const path of ["/en", "/hi/signin", "/en/consultations/paris-call/principles/protect-the-internet"]) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-powered-by"]).toBeUndefined();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const body = await res.text();
    // Every script tag carries this response's nonce.
    const scripts = body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  }
});

test("pages run without CSP violations or console errors", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  });
  await page.goto("/en");
  await page.getByTestId("open-consultations").getByRole("link").first().click();
  await page.getByTestId("principle-list").getByRole("link").first().click();
  await page.getByRole("link", { name: "हिन्दी में पढ़ें" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await page.goto("/en/signup");
  await signUp(page, { name: "Csp Tester", email: uniqueEmail("csp"), password: STRONG_PASSWORD, group: "academia" });
  expect(problems).toEqual([]);
});

test("state-changing auth routes refuse a foreign Origin", async ({ request }) => {
  const res = await request.post("/api/auth/signout", {
    headers: { Origin: "http://evil.example", Cookie: "next-auth.session-token=x" },
    form: { csrfToken: "x" },
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toEqual({ error: "badOrigin" });
});

test("a server action posted from a foreign origin is refused, the same post from our origin is answered", async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto("/en/signin");
  // The fields a browser without JavaScript would post, including Next's hidden action reference.
  const fields = await page.locator("main form").evaluate((form) => {
    const out: Record<string, string> = {};
    new FormData(form as HTMLFormElement).forEach((v, k) => (out[k] = String(v)));
    return out;
  });
  const multipart = { ...fields, email: "nobody@example.org", password: "whatever it is" };
  const foreign = await request.post("/en/signin", { headers: { Origin: "http://evil.example" }, multipart });
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await foreign.text()).not.toContain("The email or password is not correct.");
  const own = await request.post("/en/signin", { headers: { Origin: baseURL ?? "" }, multipart });
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("The email or password is not correct.");
});
