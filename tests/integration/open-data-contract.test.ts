import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { parseJsonList, type CampaignSigner } from "@/db/queries/campaigns";
import { listCommentThreads } from "@/db/queries/comments";
import type { ApiContext, SomeEndpoint } from "@/lib/http/api";
import { OPEN_DATA_ENDPOINTS } from "@/lib/http/open-data";
import { openApiDocument, openApiEndpoint } from "@/lib/http/openapi";
import { freshDatabase, testEngines } from "../support/engines";
import { apiGet, openDataScene, SECRETS, WIDE, type OpenDataScene } from "./open-data-fixtures";

/**
 * The open data API against its own OpenAPI document, without a browser: every endpoint of the document is called
 * (every page, every filter, every comment) on data holding every case at once, and each answer is validated with a
 * JSON Schema 2020-12 validator against the document's schema, as tests/e2e/open-data.spec.ts does over HTTP.
 */

type Json = Record<string, unknown>;
interface OpenApi {
  paths: Record<
    string,
    { get: { parameters: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: Json }> }> } }
  >;
  components: { schemas: Record<string, Json> };
}
type Item = Record<string, unknown> & { id: number };

describe.each(testEngines())("open data against its OpenAPI document on %s", (engine) => {
  let h: DbHandle;
  let ctx: ApiContext;
  let s: OpenDataScene;
  let doc: OpenApi;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat("date-time", (v: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v)));
  ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  const validators = new Map<string, ValidateFunction>();

  function validatorFor(template: string, status: string): ValidateFunction {
    const key = `${template} ${status}`;
    let v = validators.get(key);
    if (!v) {
      let schema = doc.paths[template]?.get.responses[status]?.content?.["application/json"]?.schema;
      if (!schema) throw new Error(`the document has no ${status} schema for ${template}`);
      if (schema.$ref === "#/components/schemas/Error") schema = doc.components.schemas.Error!;
      v = ajv.compile(schema);
      validators.set(key, v);
    }
    return v;
  }

  /** A GET whose answer must have this status and a body valid against the document's schema for it. */
  async function valid(endpoint: SomeEndpoint, path: Record<string, string>, query = "", status = 200, over: Partial<ApiContext> = {}) {
    const r = await apiGet({ ...ctx, ...over }, endpoint, path, query);
    const where = `${endpoint.path}${query}`;
    expect(r.res.status, where).toBe(status);
    expect(r.res.headers.get("content-type"), where).toContain("application/json");
    const validate = validatorFor(endpoint.path, String(status));
    expect(validate(r.json), `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    return r;
  }

  beforeAll(async () => {
    h = await freshDatabase(engine);
    ctx = { db: h.db, address: "192.0.2.10", now: new Date(), rate: WIDE };
    s = await openDataScene(h.db);
    const served = await apiGet(ctx, openApiEndpoint, {});
    doc = served.json as unknown as OpenApi;
    // What is served is the generated document, nothing else.
    expect(served.json).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
  afterAll(async () => h?.close());

  it("answers every endpoint of the document, every page, filter and comment, with bodies valid against it", async () => {
    const endpoints = new Map<string, SomeEndpoint>([...Object.values(OPEN_DATA_ENDPOINTS), openApiEndpoint].map((e) => [e.path, e]));
    expect([...endpoints.keys()].sort()).toEqual(Object.keys(doc.paths).sort());
    const slug = s.c.slug;
    const comments = ((await valid(OPEN_DATA_ENDPOINTS.comments, { slug }, "?limit=200")).json!.data as Item[]).map((x) => x.id);
    const filters: Record<string, string[]> = {
      principle: [s.c.principles[1]!.slug],
      group: ["academia"],
      target: ["consultation", s.c.principles[1]!.slug],
    };
    const walked = new Map<string, number>();
    const outputs: string[] = [];
    const commentItems: Item[] = [];
    for (const [template, endpoint] of endpoints) {
      const names = doc.paths[template]!.get.parameters.filter((p) => p.in === "query").map((p) => p.name);
      const queries = ["", ...names.flatMap((n) => (filters[n] ?? []).map((v) => `?${n}=${v}`))];
      const ids = template.includes("{id}") ? comments.map(String) : [""];
      for (const id of ids) {
        for (const query of queries) {
          // With a page size, every page in turn, following `next` as a client would.
          let url: string | null = names.includes("limit") ? `${query ? `${query}&` : "?"}limit=2` : query;
          for (let pageNo = 0; url !== null; pageNo++) {
            expect(pageNo, `${template}${query}: the pages should end`).toBeLessThan(20);
            const r = await valid(endpoint, { slug, id }, url);
            outputs.push(r.text);
            walked.set(template, (walked.get(template) ?? 0) + 1);
            if (template === OPEN_DATA_ENDPOINTS.comments.path) commentItems.push(...(r.json!.data as Item[]));
            const next = r.json!.next as string | null | undefined;
            if (next) expect(next.startsWith(template.replace("{slug}", slug))).toBe(true);
            url = next ? next.slice(next.indexOf("?")) : null;
          }
        }
      }
    }
    expect([...walked.keys()].sort()).toEqual(Object.keys(doc.paths).sort());
    // The walk met every case the schema has to describe: grouped, co-signed, and each state without its text.
    expect(commentItems.some((c) => c.campaignLeadId !== null)).toBe(true);
    expect(commentItems.some((c) => Array.isArray(c.cosigners) && c.cosigners.length > 0)).toBe(true);
    expect(new Set(commentItems.map((c) => c.state))).toEqual(new Set(["published", "hidden", "withdrawn", "awaiting_moderation"]));
    const all = outputs.join("\n");
    for (const secret of SECRETS) expect(all, secret).not.toContain(secret);
    expect(all).not.toMatch(/@example\.org/);
  });

  it("answers errors with the document's Error schema: 400 naming the parameter, 404, 429", async () => {
    const slug = s.c.slug;
    for (const [endpoint, query, parameter] of [
      [OPEN_DATA_ENDPOINTS.comments, "?limit=0", "limit"],
      [OPEN_DATA_ENDPOINTS.comments, "?principle=nowhere", "principle"],
      [OPEN_DATA_ENDPOINTS.ledger, "?after=x", "after"],
      [OPEN_DATA_ENDPOINTS.summaries, "?limit=500", "limit"],
      [OPEN_DATA_ENDPOINTS.endorsements, "?target=nowhere", "target"],
      [OPEN_DATA_ENDPOINTS.statistics, "?group=academia", "group"],
    ] as const) {
      const r = await valid(endpoint, { slug }, query, 400);
      expect(r.json, query).toMatchObject({ error: "invalid_parameter", parameter });
    }
    await valid(OPEN_DATA_ENDPOINTS.ledger, { slug: "no-such-consultation" }, "", 404);
    await valid(OPEN_DATA_ENDPOINTS.comment, { slug, id: "2147483000" }, "", 404);
    const tight = { address: "192.0.2.99", rate: { capacity: 1, refillMs: 60_000 } };
    await valid(OPEN_DATA_ENDPOINTS.ledger, { slug }, "", 200, tight);
    const refused = await valid(OPEN_DATA_ENDPOINTS.ledger, { slug }, "", 429, tight);
    expect(refused.json).toMatchObject({ error: "rate_limited" });
  });

  it("gives comments their campaign group and confirmed co-signers as the principle page shows them", async () => {
    const byId = new Map(
      ((await apiGet(ctx, OPEN_DATA_ENDPOINTS.comments, { slug: s.c.slug }, "?limit=200")).json!.data as Item[]).map((c) => [c.id, c]),
    );
    const { ids, orgs } = s;
    // The group's entry is its earliest published member; the hidden first copy says nothing, and leads nothing.
    expect(byId.get(ids.entry)).toMatchObject({ campaignLeadId: ids.entry, cosigners: [] });
    expect(byId.get(ids.member)).toMatchObject({ campaignLeadId: ids.entry });
    expect(byId.get(ids.hiddenLead)).toMatchObject({ state: "hidden", campaignLeadId: null, cosigners: null, body: null });
    expect(byId.get(ids.named)).toMatchObject({ campaignLeadId: null, cosigners: [] });
    // Only the organisation that confirmed; the one still asked is nobody's business.
    expect(byId.get(ids.joint)).toMatchObject({ campaignLeadId: null, cosigners: [orgs.orgA] });
    for (const key of ["withdrawn", "hidden", "held"] as const) {
      expect(byId.get(ids[key]), key).toMatchObject({ campaignLeadId: null, cosigners: null });
    }
    const one = await apiGet(ctx, OPEN_DATA_ENDPOINTS.comment, { slug: s.c.slug, id: String(ids.member) });
    expect(one.json!.data).toMatchObject({ campaignLeadId: ids.entry });

    // The same facts as the public page of the first principle lists them.
    const page = await listCommentThreads(h.db, {
      principleId: s.c.principles[0]!.id,
      viewerId: null,
      sort: "oldest",
      start: {},
      pageSize: 200,
    });
    for (const t of page.threads.filter((x) => x.state === "published")) {
      const signers = parseJsonList<CampaignSigner>(t.campaignSigners);
      const api = byId.get(t.id)!;
      expect(api.campaignLeadId, `comment ${t.id}`).toBe(signers.length > 1 ? signers[0]!.id : null);
      for (const signer of signers)
        expect(byId.get(signer.id)?.campaignLeadId, `signer ${signer.id}`).toBe(signers.length > 1 ? t.id : null);
      expect(
        (api.cosigners as { name: string }[]).map((o) => o.name),
        `comment ${t.id}`,
      ).toEqual(parseJsonList<string>(t.cosignedBy));
    }
    expect(page.threads.some((t) => parseJsonList(t.campaignSigners).length === 2)).toBe(true);
  });

  it("pages the ledger newest first and the summaries in the order published, every entry once", async () => {
    const walk = async (endpoint: SomeEndpoint, query: string) => {
      const seen: Item[] = [];
      let url: string | null = query;
      for (let i = 0; url !== null && i < 20; i++) {
        const r = await valid(endpoint, { slug: s.c.slug }, url);
        seen.push(...(r.json!.data as Item[]));
        expect((r.json!.data as Item[]).length).toBeLessThanOrEqual(1);
        url = r.json!.nextCursor ? `${query}&after=${String(r.json!.nextCursor)}` : null;
      }
      return seen;
    };
    const ledger = await walk(OPEN_DATA_ENDPOINTS.ledger, "?limit=1");
    const whole = (await apiGet(ctx, OPEN_DATA_ENDPOINTS.ledger, { slug: s.c.slug })).json!;
    expect(whole.nextCursor).toBeNull();
    expect(ledger).toEqual(whole.data);
    expect(ledger.map((e) => e.id)).toEqual([...ledger.map((e) => e.id)].sort((a, b) => b - a));
    // Three hides and a restore.
    expect(ledger.map((e) => e.action)).toEqual(["restore", "hide", "hide", "hide"]);

    const summaries = await walk(OPEN_DATA_ENDPOINTS.summaries, "?limit=1");
    expect(summaries.map((v) => [v.principlePosition, v.version])).toEqual([
      [1, 1],
      [2, 1],
      [1, 2],
    ]);
    const first = await valid(OPEN_DATA_ENDPOINTS.summaries, { slug: s.c.slug }, `?principle=${s.c.principles[0]!.slug}&limit=1`);
    expect(first.json!.next).toBe(
      `/api/v1/consultations/${s.c.slug}/summaries?principle=${s.c.principles[0]!.slug}&limit=1&after=${summaries[0]!.id}`,
    );
    const rest = await valid(
      OPEN_DATA_ENDPOINTS.summaries,
      { slug: s.c.slug },
      `?principle=${s.c.principles[0]!.slug}&after=${summaries[0]!.id}`,
    );
    expect((rest.json!.data as Item[]).map((v) => v.version)).toEqual([2]);
    expect(rest.json!.nextCursor).toBeNull();
  });

  it("holds the document to every field: one unlisted or one missing fails, so drift cannot pass unseen", async () => {
    const validate = validatorFor(OPEN_DATA_ENDPOINTS.comment.path, "200");
    const r = await apiGet(ctx, OPEN_DATA_ENDPOINTS.comment, { slug: s.c.slug, id: String(s.ids.joint) });
    const data = r.json!.data as Item;
    expect(validate({ data }), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate({ data: { ...data, extra: 1 } })).toBe(false);
    for (const field of ["campaignLeadId", "cosigners"]) {
      const { [field]: _dropped, ...rest } = data;
      expect(validate({ data: rest }), field).toBe(false);
    }
    expect(validate({ data: { ...data, cosigners: [{ id: s.orgs.orgA.id }] } })).toBe(false);
  });
});
