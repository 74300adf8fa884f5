import type { APIRequestContext, APIResponse } from "@playwright/test";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import { axeViolations, expect, test } from "./support";

/**
 * The open data API over real HTTP against the production server: every endpoint of the OpenAPI document is
 * called and each answer validated against the document's own schema with a JSON Schema 2020-12 validator.
 * The server is shared and every request comes from 127.0.0.1, so one bucket counts this whole file: the walk stays
 * well under the burst, the 429 test runs last (serial), and no other spec calls /api/v1. The CSV downloads have a
 * bucket of their own (same limits), so draining the API's does not refuse another spec's download.
 */
test.describe.configure({ mode: "serial" });

type Json = Record<string, unknown>;
interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    { get: { parameters: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: Json }> }> } }
  >;
  components: { schemas: Record<string, Json> };
}

// The demo's closed pilot hid a comment that published a phone number: that text must never come out.
const PILOT = "paris-call-pilot";
const HIDDEN_TEXT = "98100 12345";

let doc: OpenApi;
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat("date-time", (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s)));
ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const validators = new Map<string, ValidateFunction>();

function validatorFor(path: string, status = "200"): ValidateFunction {
  const key = `${path} ${status}`;
  let v = validators.get(key);
  if (!v) {
    const response = doc.paths[path]?.get.responses[status];
    let schema = response?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`no ${status} schema for ${path}`);
    if (schema.$ref === "#/components/schemas/Error") schema = doc.components.schemas.Error!;
    v = ajv.compile(schema);
    validators.set(key, v);
  }
  return v;
}

/** A GET whose JSON body is checked against the document's schema for that path and status. */
async function getValid(
  request: APIRequestContext,
  template: string,
  url: string,
  status = 200,
): Promise<{ res: APIResponse; body: Json }> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(status);
  expect(res.headers()["content-type"], url).toContain("application/json");
  const body = (await res.json()) as Json;
  const validate = validatorFor(template, String(status));
  expect(validate(body), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  return { res, body };
}

test("the OpenAPI document is served, and every endpoint's answer matches it", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  doc = (await res.json()) as OpenApi;
  expect(doc.openapi).toBe("3.1.0");
  const templates = Object.keys(doc.paths);
  expect(templates.length).toBeGreaterThanOrEqual(11);

  const list = await getValid(request, "/api/v1/consultations", "/api/v1/consultations");
  const slugs = (list.body.data as { slug: string }[]).map((c) => c.slug);
  expect(slugs).toEqual(expect.arrayContaining(["paris-call", PILOT]));

  const firstComment = await getValid(request, "/api/v1/consultations/{slug}/comments", `/api/v1/consultations/${PILOT}/comments?limit=1`);
  const commentId = String((firstComment.body.data as { id: number }[])[0]!.id);
  const walked = new Set<string>();
  for (const template of templates) {
    if (template === "/api/v1/openapi.json") continue;
    const url = template.replace("{slug}", PILOT).replace("{id}", commentId);
    const { res, body } = await getValid(request, template, url);
    expect(res.headers()["etag"], url).toMatch(/^"[\w-]+"$/);
    expect(res.headers()["cache-control"], url).toBe("public, max-age=60");
    expect(JSON.stringify(body), url).not.toContain(HIDDEN_TEXT);
    expect(JSON.stringify(body), url).not.toMatch(/@samvad\.example/);
    walked.add(template);
  }
  expect(walked.size).toBe(templates.length - 1);
});

test("comments page by cursor to the end; hidden ones keep their place without text, in the API and the CSV", async ({ request }) => {
  const template = "/api/v1/consultations/{slug}/comments";
  const seen: { id: number; state: string; body: string | null; authorName: string | null }[] = [];
  let url: string | null = `/api/v1/consultations/${PILOT}/comments?limit=50`;
  for (let i = 0; url && i < 10; i++) {
    const { body } = await getValid(request, template, url);
    seen.push(...(body.data as typeof seen));
    url = body.next as string | null;
  }
  expect(url, "the walk should reach the last page").toBeNull();
  const ids = seen.map((c) => c.id);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(new Set(ids).size).toBe(ids.length);
  const notPublished = seen.filter((c) => c.state !== "published");
  expect(notPublished.length).toBeGreaterThan(0);
  for (const c of notPublished) expect(c, `comment ${c.id}`).toMatchObject({ body: null, authorName: null });
  expect(JSON.stringify(seen)).not.toContain(HIDDEN_TEXT);

  // The CSV download carries the same comments and the same fields, never the hidden text.
  const csv = await request.get(`/api/consultations/${PILOT}/comments`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).not.toContain(HIDDEN_TEXT);
  const header = text
    .replace(/^\uFEFF/, "")
    .split("\r\n")[0]!
    .split(",");
  expect(header).toEqual(
    expect.arrayContaining([
      "id",
      "state",
      "body",
      "author_name",
      "organisation_name",
      "hidden_under_rule",
      "campaign_lead_id",
      "cosigners",
    ]),
  );
  for (const id of ids) expect(text).toContain(`\r\n${id},`);
  // Served like the API: an ETag that gives 304, and a bad parameter named in the API's JSON 400.
  const tag = csv.headers()["etag"]!;
  expect(tag).toMatch(/^"[\w-]+"$/);
  expect(csv.headers()["cache-control"]).toBe("public, max-age=60");
  expect((await request.get(`/api/consultations/${PILOT}/comments`, { headers: { "If-None-Match": tag } })).status()).toBe(304);
  const bad = await request.get(`/api/consultations/${PILOT}/registry?target=no-such-principle`);
  expect(bad.status()).toBe(400);
  const badBody = (await bad.json()) as Json;
  const validate = validatorFor("/api/v1/consultations/{slug}/endorsements", "400");
  expect(validate(badBody), ajv.errorsText(validate.errors)).toBe(true);
  expect(badBody).toMatchObject({ error: "invalid_parameter", parameter: "target" });
  for (const kind of ["registry", "ledger"]) {
    const other = await request.get(`/api/consultations/${PILOT}/${kind}`);
    expect(other.status()).toBe(200);
    expect(await other.text()).not.toContain(HIDDEN_TEXT);
  }
});

test("ETag: the same tag back in If-None-Match gives 304 with no body", async ({ request }) => {
  const first = await request.get("/api/v1/consultations/paris-call");
  const tag = first.headers()["etag"]!;
  expect(tag).toBeTruthy();
  const again = await request.get("/api/v1/consultations/paris-call", { headers: { "If-None-Match": tag } });
  expect(again.status()).toBe(304);
  expect(again.headers()["etag"]).toBe(tag);
  expect((await again.body()).length).toBe(0);
  const other = await request.get("/api/v1/consultations/paris-call", { headers: { "If-None-Match": '"something-else"' } });
  expect(other.status()).toBe(200);
});

// Drafts answer 404 on every endpoint: tests/integration/open-data.test.ts (the shared demo server has no draft).
test("400 names the bad parameter; unknown slugs, ids and addresses are 404 in JSON", async ({ request }) => {
  const comments = "/api/v1/consultations/{slug}/comments";
  for (const [query, parameter] of [
    ["limit=0", "limit"],
    ["after=abc", "after"],
    ["colour=blue", "colour"],
  ] as const) {
    const { body } = await getValid(request, comments, `/api/v1/consultations/paris-call/comments?${query}`, 400);
    expect(body).toMatchObject({ error: "invalid_parameter", parameter });
  }
  await getValid(request, "/api/v1/consultations/{slug}", "/api/v1/consultations/no-such-consultation", 404);
  await getValid(request, "/api/v1/consultations/{slug}/comments/{id}", "/api/v1/consultations/paris-call/comments/2147483000", 404);
  // A comment is found only under its own consultation.
  const pilotComment = await getValid(request, "/api/v1/consultations/{slug}/comments", `/api/v1/consultations/${PILOT}/comments?limit=1`);
  const id = (pilotComment.body.data as { id: number }[])[0]!.id;
  await getValid(request, "/api/v1/consultations/{slug}/comments/{id}", `/api/v1/consultations/paris-call/comments/${id}`, 404);
  const unknown = await request.get("/api/v1/no-such-endpoint");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: "not_found" });
});

test("the open data page lists every endpoint and the CSV files, without accessibility violations", async ({ page }) => {
  for (const locale of ["en", "hi"] as const) {
    await page.goto(`/${locale}/open-data`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "en" ? "Open data and API" : "खुला डेटा और API");
    await expect(page.getByTestId("endpoint")).toHaveCount(Object.keys(doc.paths).length - 1);
    await expect(page.getByTestId("csv-consultation").first()).toBeVisible();
    await expect(page.getByTestId("openapi-link")).toHaveAttribute("href", "/api/v1/openapi.json");
    expect(await axeViolations(page)).toEqual([]);
  }
  await page.goto("/en");
  await page.getByRole("contentinfo").getByRole("link", { name: "Open data and API" }).click();
  await expect(page).toHaveURL(/\/en\/open-data$/);
});

test("the registry page's download takes the API's parameters: a principle by its slug", async ({ page, request }) => {
  await page.goto("/en/consultations/paris-call/registry");
  // The first principle (after "all" and "the Call as a whole"); the page's own filter names it by id.
  await page.locator("#filter-target").selectOption({ index: 2 });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/target=[0-9a-f-]{36}/);
  const link = page.getByRole("link", { name: "Download as CSV" });
  await expect(link).toHaveAttribute("href", /^\/api\/consultations\/paris-call\/registry\?target=[a-z0-9]+(-[a-z0-9]+)*$/);
  const href = (await link.getAttribute("href"))!;
  expect(href).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  const csv = await request.get(href);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
});

// Last: it empties the bucket every request of this file shares.
test("past the rate limit: 429 with Retry-After and a JSON body", async ({ request }) => {
  let refused: APIResponse | undefined;
  for (let round = 0; round < 20 && !refused; round++) {
    const batch = await Promise.all(Array.from({ length: 25 }, () => request.get("/api/v1/consultations/no-such-consultation")));
    refused = batch.find((r) => r.status() === 429);
    for (const r of batch) expect([404, 429]).toContain(r.status());
  }
  expect(refused, "the limit should be reached within 500 requests").toBeDefined();
  expect(Number(refused!.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  const body = (await refused!.json()) as Json;
  const validate = validatorFor("/api/v1/consultations/{slug}", "429");
  expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
  expect(body).toMatchObject({ error: "rate_limited" });
});
