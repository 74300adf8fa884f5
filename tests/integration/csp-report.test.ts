import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { countCspReports } from "@/db/queries/csp-reports";
import { cspReports } from "@/db/schema";
import { CSP_REPORT_RATE, receiveCspReport } from "@/lib/http/csp-report";
import { CSP_BODY_MAX_BYTES, CSP_FIELD_MAX, CSP_REPORTS_PER_REQUEST } from "@/lib/validation/csp-reports";
import { freshDatabase, testEngines } from "../support/engines";

const URL_ = "http://127.0.0.1:3000/api/csp-report";
const NOW = new Date("2026-03-01T10:00:00Z");

function post(body: string, type: string, headers: Record<string, string> = {}): Request {
  return new Request(URL_, {
    method: "POST",
    body,
    headers: { "content-type": type, cookie: "next-auth.session-token=secret-cookie", "x-forwarded-for": "203.0.113.9", ...headers },
  });
}

/** What Chromium sends for report-uri. */
const legacy = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    "csp-report": {
      "document-uri": "http://127.0.0.1:3000/en/reset-password?token=very-secret#top",
      referrer: "",
      "violated-directive": "script-src-elem",
      "effective-directive": "script-src-elem",
      "original-policy": "default-src 'self'",
      disposition: "enforce",
      "blocked-uri": "inline",
      "line-number": 12,
      "source-file": "http://127.0.0.1:3000/en",
      "status-code": 200,
      "script-sample": "window.__xss(1)",
      ...over,
    },
  });

/** What Chromium sends through the Reporting API (report-to), batched with a report of another type. */
const reportingApi = (n = 1) =>
  JSON.stringify([
    { type: "deprecation", age: 1, url: "http://127.0.0.1:3000/en", user_agent: "Chromium", body: { id: "x" } },
    ...Array.from({ length: n }, (_, i) => ({
      type: "csp-violation",
      age: 10,
      url: "http://127.0.0.1:3000/en/comments/5",
      user_agent: "Mozilla/5.0 Chromium",
      body: {
        documentURL: `http://127.0.0.1:3000/en/comments/${i}?q=private`,
        blockedURL: "https://evil.example/x.js?session=abc",
        effectiveDirective: "script-src-elem",
        sample: "",
        disposition: "enforce",
        statusCode: 200,
      },
    })),
  ]);

describe.each(testEngines())("CSP report endpoint on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.db.execute(sql`truncate table csp_reports, rate_limit_buckets`);
  });

  it("stores a report-uri report as its directive, blocked address, sample and the page without its query; nothing else", async () => {
    const res = await receiveCspReport(h.db, post(legacy(), "application/csp-report"), NOW);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    const rows = await h.db.select().from(cspReports);
    expect(rows).toEqual([
      {
        id: expect.anything(),
        receivedAt: NOW,
        documentUri: "http://127.0.0.1:3000/en/reset-password",
        violatedDirective: "script-src-elem",
        blockedUri: "inline",
        sample: "window.__xss(1)",
      },
    ]);
    // Neither the cookie nor the address reached the table.
    expect(JSON.stringify(rows)).not.toMatch(/secret-cookie|203\.0\.113\.9|very-secret/);
  });

  it("stores the csp-violation reports of a Reporting API batch and skips the other types", async () => {
    const res = await receiveCspReport(h.db, post(reportingApi(2), "application/reports+json"), NOW);
    expect(res.status).toBe(204);
    const rows = await h.db.select().from(cspReports).orderBy(cspReports.id);
    expect(rows.map((r) => [r.documentUri, r.blockedUri, r.violatedDirective])).toEqual([
      ["http://127.0.0.1:3000/en/comments/0", "https://evil.example/x.js", "script-src-elem"],
      ["http://127.0.0.1:3000/en/comments/1", "https://evil.example/x.js", "script-src-elem"],
    ]);
    expect(await countCspReports(h.db)).toBe(2);
    expect(await countCspReports(h.db, new Date(NOW.getTime() + 1))).toBe(0);
  });

  it("cuts long fields, keeps at most the per-request number of a batch, and ignores fields of the wrong type", async () => {
    const long = "x".repeat(5000);
    await receiveCspReport(
      h.db,
      post(legacy({ "script-sample": long, "blocked-uri": 42, "effective-directive": null }), "application/csp-report"),
      NOW,
    );
    const [row] = await h.db.select().from(cspReports);
    expect(row?.sample).toHaveLength(CSP_FIELD_MAX);
    expect(row?.blockedUri).toBe("");
    // Without an effective directive, the violated one is stored.
    expect(row?.violatedDirective).toBe("script-src-elem");

    await receiveCspReport(h.db, post(reportingApi(CSP_REPORTS_PER_REQUEST + 5), "application/reports+json"), NOW);
    expect(await countCspReports(h.db)).toBe(1 + CSP_REPORTS_PER_REQUEST);
  });

  it("refuses what is not a report without storing it: 400 malformed, 413 too large, 415 another media type", async () => {
    const cases: [Request, number][] = [
      [post("{not json", "application/csp-report"), 400],
      [post("", "application/csp-report"), 400],
      [post(JSON.stringify({ report: {} }), "application/csp-report"), 400],
      [post(JSON.stringify({ "csp-report": "text" }), "application/json"), 400],
      [post(JSON.stringify([{ body: {} }]), "application/reports+json"), 400],
      [post(JSON.stringify({ "csp-report": { "script-sample": "y".repeat(CSP_BODY_MAX_BYTES) } }), "application/csp-report"), 413],
      // A body larger than it says: the length is counted as it is read, not taken from the header.
      [
        post(JSON.stringify({ "csp-report": { "script-sample": "y".repeat(CSP_BODY_MAX_BYTES) } }), "application/csp-report", {
          "content-length": "10",
        }),
        413,
      ],
      [post(legacy(), "text/plain"), 415],
    ];
    for (const [req, status] of cases) expect((await receiveCspReport(h.db, req, NOW)).status).toBe(status);
    expect(await countCspReports(h.db)).toBe(0);
  });

  it("stores at most the bucket's capacity at once and one a second after that, answering 204 throughout", async () => {
    const batch = CSP_REPORTS_PER_REQUEST;
    const requests = Math.ceil(CSP_REPORT_RATE.capacity / batch) + 2;
    for (let i = 0; i < requests; i++) {
      expect((await receiveCspReport(h.db, post(reportingApi(batch), "application/reports+json"), NOW)).status).toBe(204);
    }
    expect(await countCspReports(h.db)).toBe(CSP_REPORT_RATE.capacity);
    const later = new Date(NOW.getTime() + 3 * CSP_REPORT_RATE.refillMs);
    await receiveCspReport(h.db, post(reportingApi(batch), "application/reports+json"), later);
    expect(await countCspReports(h.db)).toBe(CSP_REPORT_RATE.capacity + 3);
  });
});
