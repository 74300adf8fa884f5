import { describe, expect, it } from "vitest";
import {
  ACTION_BODY_LIMIT_BYTES,
  hasGarbledActionFields,
  isForeignPost,
  isOversizedPost,
  refusedPostPage,
} from "@/lib/http/page-post-guard";

const ID = "7f3f66b98b324ce9f1ff01347eca5be16c12d64abd";
const PAGE = "http://127.0.0.1:3000/en/signin";

function post(fields: [string, string][], headers: Record<string, string> = {}): Request {
  const body = new FormData();
  for (const [k, v] of fields) body.append(k, v);
  return new Request(PAGE, { method: "POST", body, headers: { host: "127.0.0.1:3000", ...headers } });
}

/** The hidden inputs React renders for a form bound to a useActionState action, as a JS-off browser posts them. */
const FORM: [string, string][] = [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", JSON.stringify({ id: ID, bound: "$@1" })],
  ["$ACTION_1:1", '[{"status":"idle","errors":{},"values":{"note":"$$5 a month"},"at":"$D2026-01-01T00:00:00.000Z"}]'],
  ["$ACTION_KEY", "k1"],
  ["email", "a@example.org"],
];
const replaced = (name: string, value: string | null): [string, string][] =>
  value === null ? FORM.filter(([k]) => k !== name) : FORM.map(([k, v]) => [k, k === name ? value : v]);

describe("isForeignPost", () => {
  it("lets our own pages' posts and cookie-less scripts through, and refuses other sites, opaque origins and cookies without an Origin", () => {
    expect(isForeignPost(post(FORM, { origin: "http://127.0.0.1:3000", cookie: "s=1" }))).toBe(false);
    expect(isForeignPost(post(FORM))).toBe(false);
    expect(isForeignPost(post(FORM, { origin: "https://evil.example" }))).toBe(true);
    expect(isForeignPost(post(FORM, { origin: "null" }))).toBe(true);
    expect(isForeignPost(post(FORM, { cookie: "s=1", referer: "https://evil.example/" }))).toBe(true);
    expect(isForeignPost(new Request(PAGE, { headers: { origin: "https://evil.example" } }))).toBe(false);
  });
});

describe("isOversizedPost", () => {
  it("measures the declared length, and counts a body sent without one", async () => {
    expect(await isOversizedPost(post(FORM))).toBe(false);
    const big = "x".repeat(ACTION_BODY_LIMIT_BYTES + 1);
    expect(await isOversizedPost(new Request(PAGE, { method: "POST", body: big, headers: { "content-length": String(big.length) } }))).toBe(
      true,
    );
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    expect(await isOversizedPost(new Request(PAGE, { method: "POST", body: stream, duplex: "half" } as RequestInit))).toBe(true);
  });
});

describe("hasGarbledActionFields", () => {
  it("passes the fields React renders, a plain action id, and posts that are not actions", async () => {
    expect(await hasGarbledActionFields(post(FORM))).toBe(false);
    expect(
      await hasGarbledActionFields(
        post([
          [`$ACTION_ID_${ID}`, ""],
          ["x", "y"],
        ]),
      ),
    ).toBe(false);
    expect(await hasGarbledActionFields(post([["x", "y"]]))).toBe(false);
  });

  it.each([
    ["the bound arguments dropped", replaced("$ACTION_1:1", null)],
    ["bound arguments that are not an array", replaced("$ACTION_1:1", "{}")],
    ["a reference to a part that is not there", replaced("$ACTION_1:1", '["$K1"]')],
    ["a reference that is not JSON", replaced("$ACTION_1:0", "{")],
    ["a reference without an id", replaced("$ACTION_1:0", '{"bound":null}')],
    ["a reference twice", [...FORM, ["$ACTION_1:0", JSON.stringify({ id: ID, bound: null })]]],
  ] as [string, [string, string][]][])("refuses %s", async (_name, fields) => {
    expect(await hasGarbledActionFields(post(fields))).toBe(true);
  });
});

describe("refusedPostPage", () => {
  it("answers in the address's language, with the status asked for", async () => {
    const hi = refusedPostPage(403, "/hi/consultations/paris-call", "default-src 'self'");
    expect(hi.status).toBe(403);
    expect(await hi.text()).toContain('lang="hi"');
    expect(refusedPostPage(413, "/en", "").status).toBe(413);
  });
});
