import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import hi from "@/lib/i18n/messages/hi.json";
import { ReadinessMemo } from "@/lib/http/readiness-memo";
import { keptTexts, unavailablePage } from "@/lib/http/unavailable-page";

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("the 503 page hands back what a form without script had posted", () => {
  const posted = form([
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", '{"id":"abc def","bound":"$@1"}'],
    ["consultationSlug", "paris-call"],
    ["formToken", "9d4c1c8e-0b8e-4f55-a1cb-4f3f8f0b7c11"],
    ["stamp", "1733140000000.abc def"],
    ["password", "correct horse battery staple"],
    ["newPassword", "another secret phrase"],
    ["stance", "supports"],
    ["body", "Critical infrastructure needs\r\nshared rules <b>now</b>."],
    ["statement", "Please look again at the context."],
  ]);

  it("keeps the prose and leaves out hidden fields, choices, tokens and passwords", () => {
    expect(keptTexts(posted)).toEqual(["Critical infrastructure needs\r\nshared rules <b>now</b>.", "Please look again at the context."]);
  });

  it("shows the kept text escaped in read-only boxes, in the page's language, with no password", () => {
    const html = unavailablePage({ pathname: "/hi/consultations/paris-call", nonce: "n0nce", posted: true, kept: keptTexts(posted) });
    expect(html).toContain('<html lang="hi">');
    expect(html).toContain(hi.unavailable.title);
    expect(html).toContain(hi.unavailable.notSaved);
    expect(html).toContain("shared rules &lt;b&gt;now&lt;/b&gt;.");
    expect(html).not.toContain("<b>now</b>");
    expect(html.match(/<textarea [^>]*readonly/g)).toHaveLength(2);
    expect(html).toContain(hi.unavailable.keptLabelPart.replace("{n}", "2"));
    expect(html).not.toContain("horse");
    expect(html).not.toContain("another secret");
    expect(html).toContain('<style nonce="n0nce">');
  });

  it("says only that the service is briefly unavailable when nothing was posted, in English off the Hindi pages", () => {
    const html = unavailablePage({ pathname: "/en/principles", nonce: "x", posted: false, kept: [] });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(en.unavailable.body);
    expect(html).not.toContain("<textarea");
    expect(html).not.toContain(en.unavailable.notSavedNoText);
  });
});

describe("the proxy's memo of the database", () => {
  function clock() {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => void (t += ms) };
  }

  it("costs nothing while no request has met an outage", async () => {
    let asked = 0;
    const memo = new ReadinessMemo(1000);
    expect(await memo.up(async () => (asked++, false))).toBe(true);
    expect(asked).toBe(0);
  });

  it("after an outage asks at once, then at most once a second, one question shared, until the database answers", async () => {
    const c = clock();
    let asked = 0;
    let answer = false;
    const probe = async () => (asked++, answer);
    const memo = new ReadinessMemo(1000, c.now);
    memo.markDown();
    expect(await Promise.all([memo.up(probe), memo.up(probe), memo.up(probe)])).toEqual([false, false, false]);
    expect(asked).toBe(1);
    answer = true;
    c.advance(999);
    expect(await memo.up(probe)).toBe(false);
    expect(asked).toBe(1);
    c.advance(1);
    expect(await memo.up(probe)).toBe(true);
    expect(asked).toBe(2);
    // Back up: no more questions until the next outage.
    c.advance(5000);
    expect(await memo.up(probe)).toBe(true);
    expect(asked).toBe(2);
  });

  it("takes a probe that throws for a database still down", async () => {
    const memo = new ReadinessMemo(1000);
    memo.markDown();
    expect(await memo.up(() => Promise.reject(new Error("connect ECONNREFUSED")))).toBe(false);
  });
});
