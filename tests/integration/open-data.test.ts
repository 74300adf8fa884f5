import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { consultations, users } from "@/db/schema";
import { createUser } from "@/db/seed";
import { endorse, withdrawEndorsement } from "@/lib/commands/endorsements";
import { withdrawComment } from "@/lib/commands/comments";
import { moderateComment } from "@/lib/commands/moderation";
import { publishSummary, saveSummary } from "@/lib/commands/summaries";
import { serveEndpoint, type ApiContext, type SomeEndpoint } from "@/lib/http/api";
import { OPEN_DATA_ENDPOINTS } from "@/lib/http/open-data";
import { serveCsv, type CsvKind } from "@/lib/http/open-data-csv-routes";
import { openApiEndpoint } from "@/lib/http/openapi";
import { freshDatabase, testEngines } from "../support/engines";
import { newConsultation, type SignedIn } from "./consultation-fixtures";
import { moderatedConsultation, newStaff, postComment } from "./moderation-fixtures";

/** A generous bucket per test, so only the rate-limit test meets the limit. */
const WIDE = { capacity: 10_000, refillMs: 1 };

async function person(h: DbHandle, name: string, designation = ""): Promise<SignedIn> {
  const u = await createUser(h.db, { passwordHash: "not-used-by-these-tests", stakeholderGroup: "academia", name, designation });
  return { id: u.id, role: "participant", stakeholderGroup: "academia" };
}

describe.each(testEngines())("open data on %s", (engine) => {
  let h: DbHandle;
  let ctx: ApiContext;
  let c: Awaited<ReturnType<typeof moderatedConsultation>>;
  let ids: Record<"published" | "groupOnly" | "withdrawn" | "hidden" | "held" | "erased", number>;
  const SECRETS = ["WITHDRAWN-SECRET-TEXT", "HIDDEN-SECRET-TEXT", "HELD-SECRET-TEXT", "Gita Group-Only", "Zed Erased-Person"];

  /** One GET through the same function the routes call. */
  async function get(
    endpoint: SomeEndpoint,
    path: Record<string, string>,
    query = "",
    headers: Record<string, string> = {},
    over: Partial<ApiContext> = {},
  ) {
    const url = `http://localhost${endpoint.path.replace(/\{(\w+)\}/g, (_, k: string) => path[k] ?? "")}${query}`;
    const res = await serveEndpoint(endpoint, new Request(url, { headers }), path, { ...ctx, now: new Date(), ...over });
    const text = res.status === 304 ? "" : await res.text();
    return { res, text, json: text ? JSON.parse(text) : null };
  }

  beforeAll(async () => {
    h = await freshDatabase(engine);
    ctx = { db: h.db, address: `203.0.113.${Math.floor(Math.random() * 200)}`, now: new Date(), rate: WIDE };
    c = await moderatedConsultation(h.db);
    const second = { slug: c.slug, principleSlug: c.principles[1]!.slug };
    const named = await person(h, "Asha Named-Author", "Professor");
    const groupOnly = await person(h, "Gita Group-Only");
    const withdrawer = await person(h, "Wendy Withdrawer");
    const hiddenAuthor = await person(h, "Hari Hidden");
    const heldAuthor = await person(h, "Hema Held");
    const erasedAuthor = await person(h, "Zed Erased-Person");
    const moderator = await newStaff(h.db, "moderator");
    const published = await postComment(h.db, named, c, { body: "A published comment anyone may read." });
    const groupOnlyId = await postComment(h.db, groupOnly, c, { body: "Published, but signed with the group only.", show: "group" });
    const withdrawn = await postComment(h.db, withdrawer, c, { body: "WITHDRAWN-SECRET-TEXT by its author." });
    expect((await withdrawComment(h.db, withdrawer, { commentId: withdrawn })).ok).toBe(true);
    const hidden = await postComment(h.db, hiddenAuthor, c, { body: "HIDDEN-SECRET-TEXT under rule one." });
    const hide = await moderateComment(h.db, moderator, { commentId: hidden, action: "hide", ruleId: c.rules[0]!.id, note: "" });
    expect(hide.ok).toBe(true);
    const erased = await postComment(h.db, erasedAuthor, c, { body: "Written before the account was erased." });
    await h.db.update(consultations).set({ preModeration: true }).where(eq(consultations.id, c.consultationId));
    const held = await postComment(h.db, heldAuthor, second, { body: "HELD-SECRET-TEXT awaiting a moderator." });
    ids = { published, groupOnly: groupOnlyId, withdrawn, hidden, held, erased };
    // Endorsements: one withdrawn, one by the person who later erased their account.
    const e1 = await endorse(h.db, named, {
      consultationSlug: c.slug,
      input: { target: "consultation", capacity: "personal", statement: "" },
    });
    if (!e1.ok) throw new Error("endorse refused");
    expect((await withdrawEndorsement(h.db, named, { endorsementId: e1.id })).ok).toBe(true);
    const e2 = await endorse(h.db, erasedAuthor, {
      consultationSlug: c.slug,
      input: { target: c.principleId, capacity: "personal", statement: "Worth doing." },
    });
    expect(e2.ok).toBe(true);
    await h.db.update(users).set({ erasedAt: new Date() }).where(eq(users.id, erasedAuthor.id));
    // A published summary of the first principle citing the published comment.
    const saved = await saveSummary(h.db, moderator, {
      principleId: c.principleId,
      sections: { overview: `Participants support it [#${published}].` },
    });
    expect(saved.ok).toBe(true);
    const pub = await publishSummary(h.db, moderator, { principleId: c.principleId });
    expect(pub).toMatchObject({ ok: true, version: 1 });
  });
  afterAll(async () => h?.close());

  it("gives each comment its state, and text, stance and a name only while published and named", async () => {
    const { res, json } = await get(OPEN_DATA_ENDPOINTS.comments, { slug: c.slug });
    expect(res.status).toBe(200);
    const byId = new Map<number, Record<string, unknown>>(json.data.map((x: { id: number }) => [x.id, x]));
    expect(byId.get(ids.published)).toMatchObject({
      state: "published",
      body: "A published comment anyone may read.",
      authorName: "Asha Named-Author",
      authorDesignation: "Professor",
      stance: "supports",
      citedInSummaryVersion: 1,
    });
    expect(byId.get(ids.groupOnly)).toMatchObject({
      state: "published",
      authorName: null,
      authorDesignation: null,
      stakeholderGroup: "academia",
    });
    expect(byId.get(ids.erased)).toMatchObject({ state: "published", authorName: null, formerParticipant: true });
    for (const [key, state] of [
      ["withdrawn", "withdrawn"],
      ["hidden", "hidden"],
      ["held", "awaiting_moderation"],
    ] as const) {
      expect(byId.get(ids[key]), key).toMatchObject({ state, body: null, stance: null, authorName: null, organisation: null });
    }
    expect(byId.get(ids.hidden)).toMatchObject({ hiddenUnderRule: 1 });
    expect(json.data.map((x: { id: number }) => x.id)).toEqual(Object.values(ids).sort((a, b) => a - b));
  });

  it("never lets hidden, held or withdrawn text, a group-only name or an erased name out, in the API or the CSVs", async () => {
    const outputs: string[] = [];
    for (const [name, endpoint] of Object.entries(OPEN_DATA_ENDPOINTS)) {
      const path = { slug: c.slug, id: String(ids.held) };
      const r = await get(endpoint, path);
      expect(r.res.status, name).toBe(200);
      outputs.push(r.text);
    }
    for (const id of Object.values(ids)) outputs.push((await get(OPEN_DATA_ENDPOINTS.comment, { slug: c.slug, id: String(id) })).text);
    // The downloads through the function their routes call.
    const csv = async (kind: CsvKind) => {
      const req = new Request(`http://localhost/api/consultations/${c.slug}/${kind}`);
      const { response } = await serveCsv(kind, req, c.slug, { ...ctx, now: new Date() });
      expect(response.status, kind).toBe(200);
      return (await response.text()).replace(/^\uFEFF/, "");
    };
    const [commentsCsv, registryCsv, ledgerCsv] = [await csv("comments"), await csv("registry"), await csv("ledger")];
    outputs.push(commentsCsv, registryCsv, ledgerCsv);
    const all = outputs.join("\n");
    for (const secret of SECRETS) expect(all, secret).not.toContain(secret);
    expect(all).not.toMatch(/@example\.org/);
    // …while what is public is there.
    expect(commentsCsv).toContain("A published comment anyone may read.");
    expect(commentsCsv.split("\r\n")[0]).toContain("organisation_name");
    expect(registryCsv).toContain("Asha Named-Author");
    expect(ledgerCsv.split("\r\n")).toHaveLength(3); // header, the hide, and the trailing line end
  });

  it("pages comments by cursor: every comment once, in order, with a link to the next page", async () => {
    const seen: number[] = [];
    let query = "?limit=2";
    for (let i = 0; i < 10 && query; i++) {
      const { json } = await get(OPEN_DATA_ENDPOINTS.comments, { slug: c.slug }, query);
      expect(json.data.length).toBeLessThanOrEqual(2);
      seen.push(...json.data.map((x: { id: number }) => x.id));
      if (json.next) expect(json.next).toBe(`/api/v1/consultations/${c.slug}/comments?limit=2&after=${json.nextCursor}`);
      query = json.nextCursor ? `?limit=2&after=${json.nextCursor}` : "";
    }
    expect(seen).toEqual(Object.values(ids).sort((a, b) => a - b));
    const last = await get(OPEN_DATA_ENDPOINTS.comments, { slug: c.slug }, `?after=${Math.max(...seen)}`);
    expect(last.json).toEqual({ data: [], nextCursor: null, next: null });
    // One principle's comments only.
    const second = await get(OPEN_DATA_ENDPOINTS.comments, { slug: c.slug }, `?principle=${c.principles[1]!.slug}`);
    expect(second.json.data.map((x: { id: number }) => x.id)).toEqual([ids.held]);
  });

  it("pages the registry and its history, withdrawn entries included and the erased endorser unnamed", async () => {
    const one = await get(OPEN_DATA_ENDPOINTS.endorsements, { slug: c.slug }, "?limit=1");
    expect(one.json.data).toHaveLength(1);
    expect(one.json.data[0]).toMatchObject({ target: "consultation", name: "Asha Named-Author", capacity: "personal" });
    expect(one.json.data[0].withdrawnAt).toEqual(expect.any(String));
    const two = await get(OPEN_DATA_ENDPOINTS.endorsements, { slug: c.slug }, `?limit=1&after=${one.json.nextCursor}`);
    expect(two.json.data[0]).toMatchObject({ target: c.principleId, name: null, formerParticipant: true, statement: "Worth doing." });
    expect(two.json.nextCursor).toBeNull();
    const events = await get(OPEN_DATA_ENDPOINTS.endorsementEvents, { slug: c.slug });
    expect(events.json.data.map((e: { action: string; endorsementId: number }) => [e.action, e.endorsementId])).toEqual([
      ["endorse", one.json.data[0].id],
      ["withdraw", one.json.data[0].id],
      ["endorse", two.json.data[0].id],
    ]);
    const filtered = await get(OPEN_DATA_ENDPOINTS.endorsements, { slug: c.slug }, `?target=${c.principleSlug}`);
    expect(filtered.json.data).toHaveLength(1);
  });

  it("publishes summaries with their citations, the ledger and statistics by group", async () => {
    const s = await get(OPEN_DATA_ENDPOINTS.summaries, { slug: c.slug });
    expect(s.json.data).toEqual([
      expect.objectContaining({
        version: 1,
        principleSlug: c.principleSlug,
        citations: [{ commentId: ids.published, section: "overview", commentState: "published" }],
      }),
    ]);
    const l = await get(OPEN_DATA_ENDPOINTS.ledger, { slug: c.slug });
    expect(l.json.data).toEqual([expect.objectContaining({ action: "hide", ruleNumber: 1, actingRole: "moderator", appeal: "none" })]);
    const st = await get(OPEN_DATA_ENDPOINTS.statistics, { slug: c.slug });
    // Published comments only: the named, the group-only and the erased author's (all academia, "supports").
    expect(st.json.data.comments).toEqual([{ stakeholderGroup: "academia", stance: "supports", n: 3 }]);
    expect(st.json.data.hiddenComments).toEqual([{ stakeholderGroup: "academia", n: 1 }]);
    expect(st.json.data.endorsements).toEqual([{ stakeholderGroup: "academia", capacity: "personal", n: 1 }]);
  });

  it("answers 404 for drafts and unknown ids, 400 naming a bad parameter", async () => {
    const draft = await newConsultation(h.db, { status: "draft" });
    for (const [name, endpoint] of Object.entries(OPEN_DATA_ENDPOINTS)) {
      if (name === "consultations") continue;
      const r = await get(endpoint, { slug: draft.slug, id: "1" });
      expect(r.res.status, name).toBe(404);
      expect(r.json).toMatchObject({ error: "not_found" });
    }
    const list = await get(OPEN_DATA_ENDPOINTS.consultations, {});
    expect(list.json.data.map((x: { slug: string }) => x.slug)).toContain(c.slug);
    expect(list.json.data.map((x: { slug: string }) => x.slug)).not.toContain(draft.slug);
    expect((await get(OPEN_DATA_ENDPOINTS.comment, { slug: c.slug, id: "999999" })).res.status).toBe(404);
    expect((await get(OPEN_DATA_ENDPOINTS.consultation, { slug: "no-such-thing" })).res.status).toBe(404);
    for (const [query, parameter] of [
      ["?limit=0", "limit"],
      ["?limit=201", "limit"],
      ["?limit=ten", "limit"],
      ["?after=-1", "after"],
      ["?after=99999999999", "after"],
      ["?limit=5&limit=6", "limit"],
      ["?limt=5", "limt"],
      ["?principle=no-such-principle", "principle"],
    ] as const) {
      const r = await get(OPEN_DATA_ENDPOINTS.comments, { slug: c.slug }, query);
      expect(r.res.status, query).toBe(400);
      expect(r.json, query).toMatchObject({ error: "invalid_parameter", parameter, message: expect.any(String) });
    }
    const g = await get(OPEN_DATA_ENDPOINTS.endorsements, { slug: c.slug }, "?group=aliens");
    expect(g.json).toMatchObject({ parameter: "group" });
  });

  it("tags answers by content: the same ETag again gives 304, a change gives a new tag", async () => {
    const first = await get(OPEN_DATA_ENDPOINTS.ledger, { slug: c.slug });
    const tag = first.res.headers.get("etag");
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect(first.res.headers.get("cache-control")).toBe("public, max-age=60");
    const again = await get(OPEN_DATA_ENDPOINTS.ledger, { slug: c.slug }, "", { "If-None-Match": tag! });
    expect(again.res.status).toBe(304);
    expect(again.res.headers.get("etag")).toBe(tag);
    const comments = await get(OPEN_DATA_ENDPOINTS.comments, { slug: c.slug }, "", { "If-None-Match": tag! });
    expect(comments.res.status).toBe(200);
  });

  it("limits each address in the database, with Retry-After and a JSON body; other addresses go on", async () => {
    const tight = { capacity: 2, refillMs: 60_000 };
    const address = "198.51.100.77";
    const now = new Date();
    for (let i = 0; i < 2; i++) expect((await get(openApiEndpoint, {}, "", {}, { address, rate: tight, now })).res.status).toBe(200);
    const refused = await get(openApiEndpoint, {}, "", {}, { address, rate: tight, now });
    expect(refused.res.status).toBe(429);
    expect(Number(refused.res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.json).toMatchObject({ error: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect((await get(openApiEndpoint, {}, "", {}, { address: "198.51.100.78", rate: tight, now })).res.status).toBe(200);
  });
});
