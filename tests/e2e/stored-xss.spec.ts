import postgres from "postgres";
import type { Browser, Page } from "@playwright/test";
import { afterVisitorsCopyExpires, expect, persona, signUp, STRONG_PASSWORD, test, uniqueEmail, type Persona } from "./support";
import { DISTINCT_SENTENCES, markdownSummary, payloadGroups } from "../support/xss-corpus";

// Issue 13: the corpus is posted through the forms, into every field others read, then every page that shows it is
// rendered in Chromium: nothing may run and the Content-Security-Policy must never have to step in.

const SLUG = "lifecycle-security";
const PRINCIPLE = `/en/consultations/paris-call/principles/${SLUG}`;

/** What the pages of a run did that they must not: calls of the sentinel, dialogs, CSP violations. */
interface Watch {
  executions: string[];
  dialogs: string[];
  violations: string[];
}
const newWatch = (): Watch => ({ executions: [], dialogs: [], violations: [] });

/**
 * A page in a fresh context (a persona's, or a visitor's) where `__xss` records who called it, from every frame,
 * a dialog is recorded and dismissed, and every `securitypolicyviolation` event is recorded.
 */
async function watchedPage(browser: Browser, watch: Watch, who?: Persona): Promise<Page> {
  const context = await browser.newContext(who ? { storageState: persona(who) } : {});
  await context.exposeBinding("__xss", ({ frame }, id: unknown) => {
    watch.executions.push(`__xss(${String(id)}) on ${frame.url()}`);
  });
  await context.exposeBinding("__cspViolation", (_source, what: unknown) => {
    watch.violations.push(String(what));
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __cspViolation: (what: string) => void }).__cspViolation;
    document.addEventListener(
      "securitypolicyviolation",
      (e) => report(`${e.effectiveDirective} blocked ${e.blockedURI || "?"} on ${e.documentURI}`),
      true,
    );
  });
  const page = await context.newPage();
  page.on("dialog", (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
}

/**
 * Whatever in the page's DOM could run script: inline handler attributes, links other than http(s)/mailto,
 * frames, objects, a <base> or a refresh.
 */
function scriptableMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}="${a.value}"`);
    }
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href], area[href]"))) {
      if (!["http:", "https:", "mailto:"].includes(a.protocol)) found.push(`link to ${a.getAttribute("href")}`);
    }
    for (const el of Array.from(document.querySelectorAll("iframe, frame, object, embed, base, meta[http-equiv]"))) {
      found.push(el.outerHTML.slice(0, 160));
    }
    return found;
  });
}

/** Opens a page and moves the pointer and the focus over it (for mouseover and focus payloads), then scans it. */
async function render(page: Page, path: string): Promise<string[]> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  await page.mouse.move(300, 300);
  await page.mouse.move(600, 500);
  await page.keyboard.press("Tab");
  return scriptableMarkup(page);
}

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

/** The number of stored CSP reports, on PostgreSQL (the embedded database cannot be read beside the server). */
async function storedReports(): Promise<number | null> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) return null;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from csp_reports`;
    return row?.n ?? 0;
  } finally {
    await sql.end();
  }
}

/** Injects markup past React, as an XSS would: CSP must block its inline handler and report it. */
async function injectInlineHandler(page: Page, mark: string): Promise<void> {
  await page.evaluate((m) => {
    document.body.insertAdjacentHTML("beforeend", `<img alt="" src="/no-such-image-${m}.png" onerror="__xss('canary ${m}')">`);
  }, mark);
}

test("the corpus posted in every field runs nowhere, needs no CSP block, and every page shows it as text", async ({ browser }) => {
  test.setTimeout(240_000);
  const tag = `x${Math.random().toString(36).slice(2, 8)}`;
  const watch = newWatch();
  const problems: string[] = [];
  const check = async (page: Page, path: string) => problems.push(...(await render(page, path)).map((p) => `${path}: ${p}`));
  const reportsBefore = await storedReports();

  // The author: name, designation and a new organisation's name are payloads.
  const author = await watchedPage(browser, watch);
  const name = `Xss ${tag} <img src=x onerror=__xss(131)>\u202E`;
  const designation = `"><svg onload=__xss(132)> \u2066Analyst\u2069`;
  const organisation = `<script>__xss(133)</script> Collective ${tag} аpple`;
  await signUp(author, {
    name,
    email: uniqueEmail("xss"),
    password: STRONG_PASSWORD,
    group: "academia",
    designation,
    newOrganisation: organisation,
  });

  // Four comments and a reply (the burst the comment rate allows), each with a share of the corpus and its own sentence.
  const groups = payloadGroups(5);
  const bodies = groups.map((g, i) => [`${DISTINCT_SENTENCES[i]} ${tag}-${i}`, ...g.map((p) => p.text)].join("\n\n"));
  const ids: number[] = [];
  for (const [i, body] of bodies.entries()) {
    if (i < 4) await author.goto(PRINCIPLE);
    else await author.goto(`${PRINCIPLE}?reply=${ids[0]}#reply-${ids[0]}`);
    const form = author.getByTestId(i < 4 ? "comment-form" : "reply-form");
    await form.getByLabel(/Your comment/).fill(body);
    await form.getByLabel("Supports", { exact: true }).check();
    await form.getByRole("button", { name: /Publish/ }).click();
    await expect(author).toHaveURL(/#comment-\d+$/);
    ids.push(Number(/#comment-(\d+)$/.exec(author.url())?.[1]));
  }
  const [first, second] = ids as [number, number];

  const statement = `${tag} <script>__xss(101)</script> <img src=x onerror=__xss(102)> [x](javascript:__xss(103)) \u202Etnemesrodne`;
  const panel = author.getByTestId("endorsement-panel");
  const target = await panel.getByTestId("endorse-form").locator('input[name="target"]').inputValue();
  await panel.getByLabel("Personally").check();
  await panel.getByLabel("Statement").fill(statement);
  await panel.getByRole("button", { name: "Record endorsement" }).click();
  await expect(panel.getByTestId("active-endorsements")).toContainText("You endorse this personally");

  // Another participant reports the first comment with payload details; a moderator keeps it with a payload note.
  const reporter = await watchedPage(browser, watch, "participant");
  const details = `${tag} </textarea><script>__xss(111)</script><svg onload=__xss(112)> "><img src=x onerror=__xss(113)>`;
  await reporter.goto(`${PRINCIPLE}?report=${first}#report-${first}`);
  await reporter.getByTestId("report-form").getByLabel("Other", { exact: true }).check();
  await reporter.getByTestId("report-form").getByLabel("Details").fill(details);
  await reporter.getByTestId("report-form").getByRole("button", { name: "Send report" }).click();
  await expect(reporter).toHaveURL(new RegExp(`#comment-${first}$`));

  const mod = await watchedPage(browser, watch, "moderator");
  await check(mod, "/en/moderate?consultation=paris-call");
  const item = mod.locator(`[data-testid="queue-item"][data-comment-id="${first}"]`);
  await expect(item.getByTestId("reports")).toContainText(details);
  await expect(item).toContainText(collapse(groups[0]?.[0]?.text ?? "no payload"));
  const note = `${tag} "><img src=x onerror=__xss(121)> [note](javascript:__xss(122))`;
  await item.getByLabel("Keep published (dismiss the reports)").check();
  await item.getByTestId("decision-form").getByLabel("Note").fill(note);
  await item.getByRole("button", { name: "Record decision" }).click();
  await expect(mod).toHaveURL(/done=decisionRecorded/);

  // The summary: Markdown with the tricks, published.
  const editorPath = `/en/moderate/summaries?principle=${SLUG}`;
  await check(mod, editorPath);
  const editor = mod.getByTestId("summary-editor");
  await editor.getByLabel("Overview").fill(markdownSummary(tag, second));
  await editor
    .getByLabel("Academia")
    .fill(`Academics ${tag} want <b onmouseover=__xss(221)>bold</b> [claims](javascript:__xss(222)) [#${first}].`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(mod.getByTestId("summary-published")).toHaveText(/Version \d+ published\./);
  await check(mod, editorPath);
  await expect(mod.getByTestId("summary-editor").getByLabel("Overview")).toHaveValue(markdownSummary(tag, second));
  await check(mod, "/en/moderate/organisations");
  await expect(mod.getByRole("main")).toContainText(organisation);

  const admin = await watchedPage(browser, watch, "admin");
  await check(admin, `/en/admin/users?q=${tag}`);
  await expect(admin.getByTestId("user-row")).toContainText(collapse(name));
  await check(admin, "/en/admin/audit");

  // What visitors read (the principle page from the shared copy, so wait until it has the new comments).
  await afterVisitorsCopyExpires();
  const visitor = await watchedPage(browser, watch);
  await check(visitor, PRINCIPLE);
  for (const [i, id] of ids.entries()) {
    const shown = collapse(await visitor.locator(`#comment-${id}`).getByTestId("comment-body").first().innerText());
    for (const p of groups[i] ?? []) expect(shown, `payload ${p.id} in comment ${id}`).toContain(collapse(p.text));
  }
  await expect(visitor.locator(`#comment-${first}`)).toContainText(`Xss ${tag} <img src=x onerror=__xss(131)>`);
  await expect(visitor.locator(`#comment-${first}`)).toContainText('"><svg onload=__xss(132)>');
  // The name ends in a right-to-left override: isolated in <bdi>, it cannot reverse the group label after it.
  await expect(visitor.locator(`#comment-${first} bdi#comment-${first}-author`)).toContainText(`Xss ${tag}`);
  for (const id of [first, ids[4]]) await check(visitor, `/en/comments/${id}`);
  await expect(visitor.locator(`#comment-${ids[4]}`)).toContainText(collapse(groups[4]?.[0]?.text ?? "no payload"));
  await check(visitor, `/en/consultations/paris-call/registry?target=${encodeURIComponent(target)}`);
  await expect(visitor.getByTestId("registry")).toContainText(collapse(statement).slice(0, 60));
  await check(visitor, `${PRINCIPLE}/summary`);
  const summary = visitor.getByRole("main");
  await expect(summary).toContainText(`Overview ${tag} with a js link`);
  await expect(summary.getByRole("link", { name: "a js link" })).toHaveCount(0);
  await expect(summary).toContainText("raw HTML item");
  await check(visitor, `/en/search?q=${tag}`);
  await expect(visitor.getByRole("main")).toContainText(tag);

  // What the author reads about herself.
  for (const path of ["/en/my-contributions", "/en/profile", "/en/notifications", "/en/my-data"]) await check(author, path);
  await author.goto("/en/notifications");
  await expect(author.getByRole("main")).toContainText(note);

  expect(watch.executions, "script ran").toEqual([]);
  expect(watch.dialogs, "dialogs opened").toEqual([]);
  expect(watch.violations, "CSP had to block something").toEqual([]);
  expect(problems, "markup that could run script").toEqual([]);

  if (reportsBefore !== null) {
    // A known violation last: browsers send report-uri reports at once, so once its report is in, every earlier one
    // is too, and it must be the only one.
    const canary = await watchedPage(browser, newWatch());
    await canary.goto("/en/help");
    await injectInlineHandler(canary, tag);
    await expect.poll(storedReports, { timeout: 15_000 }).toBeGreaterThan(reportsBefore);
    expect(await storedReports()).toBe(reportsBefore + 1);
  }
  await Promise.all([author, reporter, mod, admin, visitor].map((p) => p.context().close()));
});

test("markup injected past React is blocked by the CSP, seen as a violation, and reported to /api/csp-report", async ({ browser }) => {
  const watch = newWatch();
  const page = await watchedPage(browser, watch);
  const res = await page.goto("/en/help");
  const csp = res?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("report-uri /api/csp-report");

  const before = await storedReports();
  const mark = Math.random().toString(36).slice(2, 8);
  await injectInlineHandler(page, mark);
  await expect.poll(() => watch.violations.length).toBe(1);
  expect(watch.violations[0]).toMatch(/^script-src-attr blocked inline on http/);
  // The image failed to load, yet its handler never ran; the scan of the DOM finds the handler.
  expect(watch.executions).toEqual([]);
  expect(await scriptableMarkup(page)).toEqual([`IMG onerror="__xss('canary ${mark}')"`]);
  // The sentinel and the dialog watch record what reaches them (evaluated by the test, past the CSP).
  await page.evaluate(() => (window as unknown as { __xss: (id: string) => void }).__xss("probe"));
  await page.evaluate(() => alert("probe"));
  await expect.poll(() => watch.executions).toEqual(["__xss(probe) on " + page.url()]);
  expect(watch.dialogs).toEqual(["alert: probe"]);
  if (before !== null) await expect.poll(storedReports, { timeout: 15_000 }).toBe(before + 1);

  // The endpoint itself, as a browser without the Reporting API posts to it (report-uri).
  const posted = await page.request.post("/api/csp-report", {
    headers: { "content-type": "application/csp-report" },
    data: JSON.stringify({
      "csp-report": { "document-uri": "http://127.0.0.1/en/help", "effective-directive": "script-src-elem", "blocked-uri": "inline" },
    }),
  });
  expect(posted.status()).toBe(204);
  const malformed = await page.request.post("/api/csp-report", { headers: { "content-type": "application/csp-report" }, data: "{" });
  expect(malformed.status()).toBe(400);
  if (before !== null) expect(await storedReports()).toBe(before + 2);
  await page.context().close();
});
