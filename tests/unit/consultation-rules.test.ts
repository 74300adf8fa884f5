import { describe, expect, it } from "vitest";
import { csvField, csvRow } from "@/lib/rules/csv";
import { endorsementSubject, replayEndorsements, type ReplayEvent } from "@/lib/rules/endorsements";
import { parseEnv } from "@/lib/env";
import { checkFormStamp, signFormStamp } from "@/lib/rules/form-timing";
import { COMMENT_RATE, takeToken, type BucketState } from "@/lib/rules/token-bucket";
import { commentSchema, editCommentSchema, endorsementSchema } from "@/lib/validation/comments";

describe("token bucket", () => {
  const t0 = new Date("2026-11-23T10:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  function drain(times: number, now: Date, start?: BucketState) {
    let state = start;
    const results = [];
    for (let i = 0; i < times; i++) {
      const r = takeToken(state, COMMENT_RATE, now);
      results.push(r);
      state = r.state;
    }
    return { results, state: state! };
  }

  it("allows a burst of 5, then refuses with a retry time 20 s later", () => {
    expect(COMMENT_RATE).toEqual({ capacity: 5, refillMs: 20_000 });
    const { results, state } = drain(5, t0);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(state.tokens).toBe(0);
    const sixth = takeToken(state, COMMENT_RATE, t0);
    expect(sixth.ok).toBe(false);
    if (sixth.ok) return;
    expect(sixth.retryAt).toEqual(at(20_000));
  });

  it("refills one token per 20 s, and says how long is left of a partial one", () => {
    const { state } = drain(5, t0);
    const halfway = takeToken(state, COMMENT_RATE, at(10_000));
    expect(halfway.ok).toBe(false);
    if (!halfway.ok) expect(halfway.retryAt).toEqual(at(20_000));
    // The refused attempt does not push the retry time back.
    const after = takeToken(halfway.state, COMMENT_RATE, at(20_000));
    expect(after.ok).toBe(true);
    expect(after.state.tokens).toBeCloseTo(0);
    const next = takeToken(after.state, COMMENT_RATE, at(20_000));
    expect(next.ok).toBe(false);
    if (!next.ok) expect(next.retryAt).toEqual(at(40_000));
  });

  it("never holds more than the burst, however long it was idle", () => {
    const { state } = drain(5, t0);
    const { results } = drain(6, at(24 * 3_600_000), state);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false]);
  });

  it("treats a clock that went backwards as no time elapsed", () => {
    const { state } = drain(5, t0);
    expect(takeToken(state, COMMENT_RATE, at(-60_000)).ok).toBe(false);
  });
});

describe("endorsement replay", () => {
  const person = "11111111-1111-1111-1111-111111111111";
  const rep = "22222222-2222-2222-2222-222222222222";
  const org = "33333333-3333-3333-3333-333333333333";
  let nextId = 0;
  const ev = (action: "endorse" | "withdraw", p: Partial<ReplayEvent> = {}): ReplayEvent => ({
    id: ++nextId,
    targetKey: "consultation",
    actorId: person,
    organisationId: null,
    action,
    ...p,
  });

  it("names the subject: the organisation when on its behalf, else the person", () => {
    expect(endorsementSubject({ endorserId: person, organisationId: null })).toBe(`person:${person}`);
    expect(endorsementSubject({ endorserId: rep, organisationId: org })).toBe(`organisation:${org}`);
  });

  it("ignores an endorsement while one is active", () => {
    const a = ev("endorse");
    const b = ev("endorse");
    expect(replayEndorsements([a, b])).toEqual([
      { targetKey: "consultation", subject: `person:${person}`, endorsedEventId: a.id, withdrawnEventId: null },
    ]);
  });

  it("ignores a withdrawal with nothing active", () => {
    expect(replayEndorsements([ev("withdraw")])).toEqual([]);
    const w = ev("withdraw");
    const e = ev("endorse");
    expect(replayEndorsements([w, e])).toEqual([
      { targetKey: "consultation", subject: `person:${person}`, endorsedEventId: e.id, withdrawnEventId: null },
    ]);
  });

  it("keeps the withdrawn endorsement and starts a new one on re-endorsement", () => {
    const e1 = ev("endorse");
    const w1 = ev("withdraw");
    const w2 = ev("withdraw");
    const e2 = ev("endorse");
    expect(replayEndorsements([e1, w1, w2, e2])).toEqual([
      { targetKey: "consultation", subject: `person:${person}`, endorsedEventId: e1.id, withdrawnEventId: w1.id },
      { targetKey: "consultation", subject: `person:${person}`, endorsedEventId: e2.id, withdrawnEventId: null },
    ]);
  });

  it("keeps targets and subjects apart, treats any representative as the organisation, and orders by event id", () => {
    const e1 = ev("endorse", { targetKey: "p1" });
    const e2 = ev("endorse", { targetKey: "p2" });
    const o1 = ev("endorse", { targetKey: "p1", actorId: rep, organisationId: org });
    const o2 = ev("endorse", { targetKey: "p1", actorId: person, organisationId: org }); // same organisation: ignored
    const ow = ev("withdraw", { targetKey: "p1", actorId: person, organisationId: org }); // another representative withdraws
    const shuffled = [ow, o2, e2, o1, e1];
    expect(replayEndorsements(shuffled)).toEqual([
      { targetKey: "p1", subject: `person:${person}`, endorsedEventId: e1.id, withdrawnEventId: null },
      { targetKey: "p2", subject: `person:${person}`, endorsedEventId: e2.id, withdrawnEventId: null },
      { targetKey: "p1", subject: `organisation:${org}`, endorsedEventId: o1.id, withdrawnEventId: ow.id },
    ]);
    // The input is left as it was.
    expect(shuffled[0]).toBe(ow);
  });
});

describe("form stamp", () => {
  const secret = "form-secret";
  const rendered = 1_800_000_000_000;

  it("waits 3 s by default, or SAMVAD_MIN_FILL_MS when set", () => {
    expect(parseEnv({}).SAMVAD_MIN_FILL_MS).toBe(3000);
    expect(parseEnv({ SAMVAD_MIN_FILL_MS: "" }).SAMVAD_MIN_FILL_MS).toBe(3000);
    expect(parseEnv({ SAMVAD_MIN_FILL_MS: "0" }).SAMVAD_MIN_FILL_MS).toBe(0);
  });

  it("accepts a form sent back after the minimum fill time", () => {
    const stamp = signFormStamp(rendered, secret);
    expect(checkFormStamp(stamp, secret, rendered + 3000, 3000)).toBe("ok");
  });

  it("calls a faster form too fast", () => {
    const stamp = signFormStamp(rendered, secret);
    expect(checkFormStamp(stamp, secret, rendered + 2999, 3000)).toBe("tooFast");
    expect(checkFormStamp(stamp, secret, rendered, 3000)).toBe("tooFast");
  });

  it("refuses a tampered, foreign, malformed or future stamp as invalid", () => {
    const stamp = signFormStamp(rendered, secret);
    const [, mac] = stamp.split(".");
    const now = rendered + 10_000;
    // Claiming the form was shown earlier, with the old signature.
    expect(checkFormStamp(`${rendered - 60_000}.${mac}`, secret, now, 3000)).toBe("invalid");
    // A flipped character in the signature.
    const flipped = mac!.slice(0, -1) + (mac!.endsWith("A") ? "B" : "A");
    expect(checkFormStamp(`${rendered}.${flipped}`, secret, now, 3000)).toBe("invalid");
    expect(checkFormStamp(stamp, "another-secret", now, 3000)).toBe("invalid");
    for (const bad of ["", ".", "abc", `${rendered}`, `${rendered}.`, `x.${mac}`, `${rendered}.${mac}x`]) {
      expect(checkFormStamp(bad, secret, now, 3000)).toBe("invalid");
    }
    const future = signFormStamp(now + 120_000, secret);
    expect(checkFormStamp(future, secret, now, 3000)).toBe("invalid");
  });
});

describe("CSV fields", () => {
  it("leaves plain values alone and writes empty for null", () => {
    expect(csvField("Kavya Rao")).toBe("Kavya Rao");
    expect(csvField(42)).toBe("42");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvField("Pune, India")).toBe('"Pune, India"');
    expect(csvField('She said "yes"')).toBe('"She said ""yes"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it.each(['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])("defuses the formula %j", (value) => {
    const out = csvField(value);
    const inner = out.startsWith('"') ? out.slice(1, -1).replaceAll('""', '"') : out;
    expect(inner).toBe(`'${value}`);
  });

  it("defuses a formula and quotes it when both apply, and ends rows with CRLF", () => {
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
    expect(csvField("a=b")).toBe("a=b");
    expect(csvRow(["a", "b,c", null, 3])).toBe('a,"b,c",,3\r\n');
  });
});

describe("comment and endorsement schemas", () => {
  const valid = {
    body: "A comment long enough.",
    stance: "supports",
    formToken: "5f0c2a8e-6f0a-4a57-9d3f-2b7e1c4d9a10",
  };
  const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);

  it("accepts a comment, trims its body and fills the defaults", () => {
    const r = commentSchema.safeParse({ ...valid, body: "   A comment long enough.  \n" });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data).toEqual({ ...valid, capacity: "personal", stamp: "", website: "" });
  });

  it("measures the body after trimming: 10 to 5000 characters", () => {
    expect(commentSchema.safeParse({ ...valid, body: "x".repeat(10) }).success).toBe(true);
    expect(issues(commentSchema.safeParse({ ...valid, body: "x".repeat(9) }))).toEqual(["body:commentTooShort"]);
    expect(issues(commentSchema.safeParse({ ...valid, body: `    ${"x".repeat(9)}     ` }))).toEqual(["body:commentTooShort"]);
    expect(issues(commentSchema.safeParse({ ...valid, body: "" }))).toEqual(["body:commentTooShort"]);
    expect(commentSchema.safeParse({ ...valid, body: "x".repeat(5000) }).success).toBe(true);
    expect(commentSchema.safeParse({ ...valid, body: ` ${"x".repeat(5000)} ` }).success).toBe(true);
    expect(issues(commentSchema.safeParse({ ...valid, body: "x".repeat(5001) }))).toEqual(["body:commentTooLong"]);
    // Characters are counted as PostgreSQL's char_length counts them (code points), so the database check agrees.
    expect(issues(commentSchema.safeParse({ ...valid, body: "😀".repeat(9) }))).toEqual(["body:commentTooShort"]);
    expect(commentSchema.safeParse({ ...valid, body: "😀".repeat(10) }).success).toBe(true);
    expect(commentSchema.safeParse({ ...valid, body: "😀".repeat(5000) }).success).toBe(true);
    expect(issues(commentSchema.safeParse({ ...valid, body: "😀".repeat(5001) }))).toEqual(["body:commentTooLong"]);
    // Windows line endings count as one character each, as stored.
    const r = commentSchema.safeParse({ ...valid, body: "line one\r\nline two" });
    expect(r.success && r.data.body).toBe("line one\nline two");
  });

  it("requires a known stance", () => {
    const { stance: _omit, ...noStance } = valid;
    expect(issues(commentSchema.safeParse(noStance))).toEqual(["stance:stanceRequired"]);
    expect(issues(commentSchema.safeParse({ ...valid, stance: "maybe" }))).toEqual(["stance:stanceRequired"]);
    expect(issues(commentSchema.safeParse({ ...valid, stance: "" }))).toEqual(["stance:stanceRequired"]);
  });

  it("checks capacity, form token and parent", () => {
    expect(issues(commentSchema.safeParse({ ...valid, capacity: "my org" }))).toEqual(["capacity:capacityInvalid"]);
    expect(commentSchema.safeParse({ ...valid, capacity: "0b7c7e51-3d3a-4b1e-9a43-3c5b8f0e4d21" }).success).toBe(true);
    expect(issues(commentSchema.safeParse({ ...valid, formToken: "not-a-uuid" }))).toEqual(["formToken:formExpired"]);
    const reply = commentSchema.safeParse({ ...valid, parentId: "17" });
    expect(reply.success && reply.data.parentId).toBe(17);
    expect(commentSchema.safeParse({ ...valid, parentId: "0" }).success).toBe(false);
    expect(commentSchema.safeParse({ ...valid, parentId: "1.5" }).success).toBe(false);
  });

  it("applies the same body rules to an edit", () => {
    expect(editCommentSchema.safeParse({ commentId: "3", body: "x".repeat(10), stance: "none" }).success).toBe(true);
    expect(issues(editCommentSchema.safeParse({ commentId: "3", body: "too short", stance: "none" }))).toEqual(["body:commentTooShort"]);
  });

  it("limits an endorsement statement to 500 characters after trimming", () => {
    const base = { target: "consultation", capacity: "personal" };
    expect(endorsementSchema.safeParse({ ...base, statement: "x".repeat(500) }).success).toBe(true);
    expect(endorsementSchema.safeParse({ ...base, statement: `  ${"x".repeat(500)}  ` }).success).toBe(true);
    expect(issues(endorsementSchema.safeParse({ ...base, statement: "x".repeat(501) }))).toEqual(["statement:statementTooLong"]);
    const empty = endorsementSchema.safeParse(base);
    expect(empty.success && empty.data.statement).toBe("");
    expect(endorsementSchema.safeParse({ ...base, target: "principle-1" }).success).toBe(false);
  });
});
