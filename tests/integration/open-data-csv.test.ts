import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { consultations } from "@/db/schema";
import type { ApiContext, SomeEndpoint } from "@/lib/http/api";
import { OPEN_DATA_ENDPOINTS } from "@/lib/http/open-data";
import { serveCsv, type CsvKind } from "@/lib/http/open-data-csv-routes";
import { freshDatabase, testEngines } from "../support/engines";
import { newActor, newConsultation } from "./consultation-fixtures";
import { postComment } from "./moderation-fixtures";
import { apiGet, openDataScene, SECRETS, WIDE, type OpenDataScene } from "./open-data-fixtures";

/**
 * The CSV downloads behave like the API lists they mirror: the same filters by the same names, the same 400 naming
 * a bad parameter, 404 for a draft, an ETag with 304 and the cache lifetime, and the per-address rate limit.
 */

/** Which API list each download mirrors. */
const MIRRORS: Record<CsvKind, SomeEndpoint> = {
  comments: OPEN_DATA_ENDPOINTS.comments,
  registry: OPEN_DATA_ENDPOINTS.endorsements,
  ledger: OPEN_DATA_ENDPOINTS.ledger,
};
const KINDS = Object.keys(MIRRORS) as CsvKind[];

/** A CSV's lines split into cells (the cells these tests read hold no commas, quotes or line breaks). */
function table(text: string) {
  const [head, ...lines] = text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  const header = head!.split(",");
  return { header, rows: lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [header[i], v]))) };
}

describe.each(testEngines())("open data CSV downloads on %s", (engine) => {
  let h: DbHandle;
  let ctx: ApiContext;
  let s: OpenDataScene;

  async function csv(kind: CsvKind, slug: string, query = "", headers: Record<string, string> = {}, over: Partial<ApiContext> = {}) {
    const req = new Request(`http://localhost/api/consultations/${slug}/${kind}${query}`, { headers });
    const { response } = await serveCsv(kind, req, slug, { ...ctx, now: new Date(), ...over });
    const text = response.status === 304 ? "" : await response.text();
    return { res: response, text };
  }

  /** Every id the API list gives for this query, all pages. */
  async function apiIds(endpoint: SomeEndpoint, query: string): Promise<string[]> {
    const r = await apiGet(ctx, endpoint, { slug: s.c.slug }, `${query ? `${query}&` : "?"}limit=200`);
    expect(r.res.status).toBe(200);
    expect(r.json!.nextCursor).toBeNull();
    return (r.json!.data as { id: number }[]).map((x) => String(x.id));
  }

  beforeAll(async () => {
    h = await freshDatabase(engine);
    ctx = { db: h.db, address: "192.0.2.20", now: new Date(), rate: WIDE };
    s = await openDataScene(h.db);
  });
  afterAll(async () => h?.close());

  it("takes the API's filters by the same names and gives the same rows: a principle's slug as target, not its id", async () => {
    const p2 = s.c.principles[1]!;
    for (const [kind, query] of [
      ["comments", ""],
      ["comments", `?principle=${p2.slug}`],
      ["registry", ""],
      ["registry", "?target=consultation"],
      ["registry", `?target=${p2.slug}`],
      ["registry", "?group=civil_society"],
      ["registry", `?group=academia&target=consultation`],
      ["ledger", ""],
    ] as const) {
      const r = await csv(kind, s.c.slug, query);
      expect(r.res.status, `${kind}${query}`).toBe(200);
      expect(
        table(r.text).rows.map((row) => row.id),
        `${kind}${query}`,
      ).toEqual(await apiIds(MIRRORS[kind], query));
    }
    const byPrinciple = table((await csv("registry", s.c.slug, `?target=${p2.slug}`)).text).rows;
    expect(byPrinciple).toHaveLength(1);
    expect(byPrinciple[0]).toMatchObject({ target: p2.id, organisation_id: s.orgs.own, capacity: "on_behalf_of_organisation" });
  });

  it("refuses a bad parameter with the API's 400, naming it; the old principle id as target included", async () => {
    for (const [kind, query, parameter] of [
      ["registry", `?target=${s.c.principles[1]!.id}`, "target"],
      ["registry", "?target=nowhere", "target"],
      ["registry", "?group=aliens", "group"],
      ["registry", "?group=academia&group=government", "group"],
      ["comments", "?principle=nowhere", "principle"],
      ["comments", "?principle=Not_A_Slug", "principle"],
      ["comments", "?colour=blue", "colour"],
      ["ledger", "?group=academia", "group"],
    ] as const) {
      const r = await csv(kind, s.c.slug, query);
      expect(r.res.status, `${kind}${query}`).toBe(400);
      expect(r.res.headers.get("content-type")).toContain("application/json");
      const body = JSON.parse(r.text) as Record<string, unknown>;
      expect(body, `${kind}${query}`).toMatchObject({ error: "invalid_parameter", parameter, message: expect.any(String) });
      // Word for word what the API list answers.
      expect(body, `${kind}${query}`).toEqual((await apiGet(ctx, MIRRORS[kind], { slug: s.c.slug }, query)).json);
    }
    // Paging belongs to the API: a download is the whole (filtered) list.
    expect((await csv("comments", s.c.slug, "?limit=5")).res.status).toBe(400);
  });

  it("answers 404 for a draft and an unknown slug exactly where the API does", async () => {
    const draft = await newConsultation(h.db, { status: "draft" });
    for (const kind of KINDS) {
      for (const slug of [draft.slug, "no-such-consultation", "Bad Slug"]) {
        const r = await csv(kind, slug);
        expect(r.res.status, `${kind} ${slug}`).toBe(404);
        expect(JSON.parse(r.text), `${kind} ${slug}`).toMatchObject({ error: "not_found" });
        expect((await apiGet(ctx, MIRRORS[kind], { slug })).res.status, `${kind} ${slug}`).toBe(404);
      }
    }
  });

  it("tags each file by content: the tag back in If-None-Match gives 304, cached like the API; a change gives a new tag", async () => {
    for (const kind of KINDS) {
      const first = await csv(kind, s.c.slug);
      expect(first.res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(first.res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${s.c.slug}-[a-z-]+\\.csv"$`));
      const tag = first.res.headers.get("etag");
      expect(tag, kind).toMatch(/^"[\w-]+"$/);
      expect(first.res.headers.get("cache-control")).toBe("public, max-age=60");
      const again = await csv(kind, s.c.slug, "", { "If-None-Match": tag! });
      expect(again.res.status, kind).toBe(304);
      expect(again.res.headers.get("etag")).toBe(tag);
      expect(again.text).toBe("");
      // Another filter is another file.
      if (kind !== "ledger") {
        const other = await csv(kind, s.c.slug, kind === "comments" ? `?principle=${s.c.principles[1]!.slug}` : "?group=academia", {
          "If-None-Match": tag!,
        });
        expect(other.res.status, kind).toBe(200);
      }
    }
    const before = await csv("comments", s.c.slug);
    await h.db.update(consultations).set({ preModeration: false }).where(eq(consultations.id, s.c.consultationId));
    await postComment(h.db, await newActor(h.db, "academia"), { slug: s.c.slug, principleSlug: s.c.principles[0]!.slug });
    const after = await csv("comments", s.c.slug, "", { "If-None-Match": before.res.headers.get("etag")! });
    expect(after.res.status).toBe(200);
    expect(after.res.headers.get("etag")).not.toBe(before.res.headers.get("etag"));
  });

  it("limits each address with the API's limits, 429 with Retry-After and a JSON body; other addresses go on", async () => {
    const tight = { address: "198.51.100.40", rate: { capacity: 2, refillMs: 60_000 } };
    expect((await csv("ledger", s.c.slug, "", {}, tight)).res.status).toBe(200);
    expect((await csv("registry", s.c.slug, "", {}, tight)).res.status).toBe(200);
    const refused = await csv("comments", s.c.slug, "", {}, tight);
    expect(refused.res.status).toBe(429);
    expect(Number(refused.res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.text)).toMatchObject({ error: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect((await csv("comments", s.c.slug, "", {}, { ...tight, address: "198.51.100.41" })).res.status).toBe(200);
  });

  it("carries the campaign group and the confirmed co-signers in their own columns, blank unless published", async () => {
    const r = await csv("comments", s.c.slug);
    for (const secret of SECRETS) expect(r.text, secret).not.toContain(secret);
    const lines = r.text.replace(/^\uFEFF/, "").split("\r\n");
    const header = lines[0]!.split(",");
    expect(header).toEqual(expect.arrayContaining(["campaign_lead_id", "cosigners"]));
    const col = (name: string) => header.indexOf(name);
    // The co-signers cell is a JSON list (quoted, as it holds commas), so rows are read by their leading id.
    const row = (id: number) => lines.find((l) => l.startsWith(`${id},`))!;
    const cells = (id: number) => row(id).split(",");
    const { ids, orgs } = s;
    expect(cells(ids.entry)[col("campaign_lead_id")]).toBe(String(ids.entry));
    expect(cells(ids.member)[col("campaign_lead_id")]).toBe(String(ids.entry));
    expect(cells(ids.hiddenLead)[col("campaign_lead_id")]).toBe("");
    expect(row(ids.joint)).toContain(`"[{""id"":""${orgs.orgA.id}"",""name"":""${orgs.orgA.name}""}]"`);
    expect(row(ids.joint)).not.toContain(orgs.orgB.id);
    // A comment that is not published ends with an empty grouping and an empty co-signers cell.
    for (const id of [ids.hiddenLead, ids.withdrawn, ids.held]) expect(row(id).endsWith(",,"), `comment ${id}`).toBe(true);
    expect(header.slice(-2)).toEqual(["campaign_lead_id", "cosigners"]);
  });
});
