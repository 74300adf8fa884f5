// Cross-site request forgery, over real HTTP against the production build: every state-changing route handler
// (found in app/ on disk) and every server action a page offers (found in the pages, as each role sees them) is
// posted from another site with a valid session of the right role and otherwise sensible fields. Each must be
// refused with a 4xx, and the database must not change. This spec runs in its own project after all the others
// (playwright.config.ts), so the whole database can be compared: nothing else writes while it runs.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { postForm } from "../support/html-forms";
import {
  actionFormsOf,
  actionNames,
  changedTables,
  e2eDatabase,
  filledFields,
  fingerprint,
  freshAccount,
  retargeted,
  serverActionExports,
  stateChangingRoutes,
  unsubscribeToken,
  type FreshAccount,
  harvestAsEveryRole,
} from "./action-forms";

const EVIL = "https://evil.example";

/** The three ways a forged post arrives: another site's Origin, an opaque one (sandboxed frame), or none at all. */
const VARIANTS: { name: string; headers: Record<string, string> }[] = [
  { name: "Origin of another site", headers: { origin: EVIL, referer: `${EVIL}/trap` } },
  { name: "Origin: null", headers: { origin: "null" } },
  { name: "no Origin, another site's Referer", headers: { referer: `${EVIL}/trap` } },
];

/**
 * The one deliberate exception: browsers send CSP violation reports from the page that broke the policy, with no
 * cookie that matters, and reports are stored for counting only (lib/http/csp-report.ts). It is posted last, below.
 */
const ACCEPTS_FOREIGN_POSTS = new Set(["/api/csp-report"]);

/**
 * Actions no page shows to these four roles without something a test cannot get from a page: each is named with
 * why, so that a new action is either reached by the harvest or added here on purpose.
 */
const NOT_ON_A_PAGE: Record<string, string> = {
  answerCosignRequest: "only for an organisation's signatory with a co-sign request waiting",
  requestCosigner: "only on the author's own comment made on behalf of an organisation",
  extendSession: "the session-timeout warning is rendered only in a session's last minutes",
  resetPasswordWithLink: "needs a reset link's token, which is only ever sent by email",
  resolveGrievance: "only while a grievance is open, and the demo data has none",
  saveCommentEdit: "only for a comment's author, and a fresh account has written none",
  withdrawOwnComment: "only for a comment's author, and a fresh account has written none",
  withdrawEndorsementAction: "only for an endorsement the account has made, and a fresh account has made none",
  submitAppeal: "only for the author of a comment a moderator decided on",
  submitAppealDecision: "only while an appeal is waiting",
  submitReport: "the report form opens from a comment's Report link (?report=<id>), past the addresses the harvest takes",
  submitBlock: "only beside a reported comment by someone else in the moderation queue",
  submitPublication: "only for a draft consultation, and the demo rounds are published",
  submitSummary: "the summary editor opens for a principle chosen by query on /en/moderate/summaries",
  submitConsultationReport: "the report editor opens for a consultation chosen by query on /en/moderate/summaries",
};

test("every state-changing route handler refuses a cross-origin POST, and nothing is written", async ({ browser, baseURL }) => {
  const base = baseURL ?? "";
  const routes = stateChangingRoutes();
  // The discovery must find the ones we know, or it could pass by finding nothing.
  expect(routes.map((r) => r.pattern)).toEqual(expect.arrayContaining(["/api/auth/[...nextauth]", "/api/unsubscribe"]));
  const account = await freshAccount(browser, base, "forge-route");
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: account.cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const cookie = [account.cookie, csrfCookie].filter(Boolean).join("; ");

  // Concrete requests for each route, with the fields it would accept from our own pages.
  const requestsFor = (pattern: string): { url: string; body: URLSearchParams; variants: typeof VARIANTS }[] => {
    if (pattern === "/api/auth/[...nextauth]")
      return [
        { url: "/api/auth/signout", body: new URLSearchParams({ csrfToken, callbackUrl: "/en" }), variants: VARIANTS },
        {
          url: "/api/auth/callback/credentials",
          body: new URLSearchParams({ csrfToken, email: account.email, password: account.password, callbackUrl: "/en" }),
          variants: VARIANTS,
        },
      ];
    if (pattern === "/api/unsubscribe")
      return [
        {
          url: `/api/unsubscribe?token=${unsubscribeToken(account.id)}`,
          body: new URLSearchParams({ "List-Unsubscribe": "One-Click", page: "1" }),
          // RFC 8058: mail clients post one-click without an Origin, and the signed token (not a cookie) is the
          // authority, so only a post naming another site (or an opaque origin) is refused.
          variants: VARIANTS.filter((v) => "origin" in v.headers),
        },
      ];
    const url = pattern
      .replace(/\[\.\.\.[^\]]+\]/g, "x")
      .replace(/\[slug\]/g, "paris-call")
      .replace(/\[[^\]]+\]/g, "1");
    return [{ url, body: new URLSearchParams({ probe: "1" }), variants: VARIANTS }];
  };

  const sql = e2eDatabase();
  const before = sql ? await fingerprint(sql) : null;
  const answers: string[] = [];
  let posts = 0;
  for (const route of routes.filter((r) => !ACCEPTS_FOREIGN_POSTS.has(r.pattern)))
    for (const method of route.methods)
      for (const { url, body, variants } of requestsFor(route.pattern))
        for (const variant of variants) {
          const res = await fetch(`${base}${url}`, { method, body, redirect: "manual", headers: { cookie, ...variant.headers } });
          posts += 1;
          answers.push(`${method} ${url} (${variant.name}) → ${res.status}`);
          expect.soft(res.status, `${method} ${url} with ${variant.name}`).toBeGreaterThanOrEqual(400);
          expect.soft(res.status, `${method} ${url} with ${variant.name}`).toBeLessThan(500);
        }
  if (sql && before) {
    expect(changedTables(before, await fingerprint(sql))).toEqual([]);
    await sql.end();
  }
  test.info().annotations.push({ type: "routes", description: `${routes.length} routes, ${posts} forged posts:\n${answers.join("\n")}` });
  // The fresh account's session outlived the forged sign-out.
  const session = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie: account.cookie } })).json()) as {
    user?: { name?: string };
  };
  expect(session.user?.name).toBe(account.name);
});

test("every server action on a page refuses a cross-origin post, with the database unchanged", async ({ browser, baseURL }) => {
  // Two sign-ups and some 200 page renders as four roles, then ~3 posts per action, on a busy machine.
  test.setTimeout(300_000);
  const base = baseURL ?? "";
  // A fresh participant takes the participant's part (its sign-out, password and erasure forms included); a
  // second fresh account is the target of every form that names an account (role changes, blocks).
  // One after the other: password hashing makes sign-ups at once time out on a busy machine.
  const participant: FreshAccount = await freshAccount(browser, base, "forge-actor");
  const target: FreshAccount = await freshAccount(browser, base, "forge-target");
  const { cookies, harvest } = await harvestAsEveryRole(base, participant);
  const names = actionNames();
  const reached = new Set(harvest.forms.map((f) => names.get(f.actionId) ?? f.actionId));
  const unreached = serverActionExports().filter((n) => !reached.has(n));
  test.info().annotations.push({
    type: "actions",
    description:
      `${harvest.forms.length} actions reached on ${harvest.pages.length} pages in ${harvest.millis} ms; ` +
      `not reached: ${unreached.map((n) => `${n} (${NOT_ON_A_PAGE[n] ?? "no reason given"})`).join(", ") || "none"}`,
  });
  expect(harvest.forms.length).toBeGreaterThan(10);

  const sql = e2eDatabase();
  const before = sql ? await fingerprint(sql) : null;
  const answers: string[] = [];
  for (const form of harvest.forms) {
    const account = form.role === "participant" ? participant : null;
    const fields = retargeted(filledFields(form, account), target);
    // Without cookies there is nothing to forge: a post with no Origin and no cookie is what every script can send
    // (and browsers always send an Origin), so the anonymous forms get the two variants that name an origin.
    for (const variant of VARIANTS.filter((v) => "origin" in v.headers || cookies[form.role] !== "")) {
      const res = await postForm(form, fields, { cookie: cookies[form.role], ...variant.headers });
      await res.arrayBuffer();
      const label = `${names.get(form.actionId) ?? form.actionId} as ${form.role} from ${new URL(form.page).pathname} (${variant.name})`;
      answers.push(`${label} → ${res.status}`);
      expect.soft(res.status, label).toBeGreaterThanOrEqual(400);
      expect.soft(res.status, label).toBeLessThan(500);
    }
  }
  test.info().annotations.push({ type: "posts", description: answers.join("\n") });
  if (sql && before) {
    expect(changedTables(before, await fingerprint(sql))).toEqual([]);
    await sql.end();
  }
  // Every action is reached by the harvest or named, with its reason, as one no page offers.
  expect(unreached.filter((n) => !(n in NOT_ON_A_PAGE))).toEqual([]);

  // The same kind of post from our own pages still works: the refusal is about the origin, not the fields.
  const signIn = harvest.forms.find((f) => names.get(f.actionId) === "signIn");
  expect(signIn, "the sign-in form was harvested").toBeDefined();
  if (signIn) {
    const own = await postForm(
      signIn,
      filledFields(signIn, null).map(([k, v]) => [k, k === "password" ? "not the password at all" : v]),
      { origin: base },
    );
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("The email or password is not correct.");
  }
});

test("the one deliberate exception: CSP violation reports are taken from every origin", async ({ baseURL }) => {
  // It exists, so the exception above excuses a real route.
  expect(fs.existsSync(path.resolve("app/api/csp-report/route.ts"))).toBe(true);
  const res = await fetch(`${baseURL}/api/csp-report`, {
    method: "POST",
    headers: { origin: EVIL, "content-type": "application/csp-report" },
    body: JSON.stringify({
      "csp-report": { "document-uri": `${baseURL}/en`, "violated-directive": "script-src-elem", "blocked-uri": "inline" },
    }),
  });
  expect(res.status).toBe(204);
});

test("an action posted to an address with a dot (which the proxy's page matcher leaves out) is refused as well", async ({ baseURL }) => {
  const base = baseURL ?? "";
  const page = `${base}/en/signin`;
  const signIn = actionFormsOf(await (await fetch(page)).text(), page, "anonymous").find((f) => f.fields.some(([k]) => k === "password"));
  expect(signIn, "the sign-in form").toBeDefined();
  if (!signIn) return;
  // Next runs the action of whatever page route the address matches; a dot in a parameter still matches one.
  const dotted = { ...signIn, action: `${base}/en/comments/1.0` };
  const fields = filledFields(signIn, null);
  for (const origin of [EVIL, "null"]) {
    const res = await postForm(dotted, fields, { origin });
    expect(res.status, `Origin ${origin}`).toBe(403);
  }
  const oversized = await postForm(dotted, [...fields, ["note", "x".repeat(1024 * 1024)]], { origin: base });
  expect(oversized.status).toBe(413);
});
