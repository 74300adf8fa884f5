// B3, comment intake: participants post the comment form as a browser without JavaScript would (the form's own
// fields, React's $ACTION_… inputs included, in its encoding), and the database is checked afterwards.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { parseForm, postForm, type ParsedForm } from "../support/html-forms";
import { ORIGIN } from "./config";
import { statsOf, type Sample, type Stats } from "./load";
import { openBenchDb, rowsOf } from "./seed";
import { commentBody, prng } from "./text";

/** The form filled in: our text in the textarea, a choice in each unchecked radio group, a new form token. */
function fill(form: ParsedForm, text: string, n: number): [string, string][] {
  const out = form.fields.map(([k, v]): [string, string] => [k, k === "formToken" ? randomUUID() : v]);
  for (const [name, values] of form.choices) out.push([name, values[n % values.length] ?? ""]);
  for (const name of form.textareas) out.push([name, name === "body" ? text : ""]);
  return out;
}

export interface IntakeResult {
  stats: Stats;
  attempted: number;
  acknowledged: number;
  wrongfulRefusals: number;
  refusalStatuses: Record<string, number>;
  acceptedPerSecond: number;
  check: { rowsCreated: number; duplicateBodies: number; mismatched: number; missing: number; exact: boolean };
  /** One 303 response's size, for the table. */
  sampleResponseBytes: number;
}

/** Texts of one run carry this tag, so the check finds exactly them. */
const tagOf = (run: string, n: number) => `[bench-${run} ${String(n).padStart(5, "0")}]`;

/**
 * Each participant opens the principle page with their own cookie and gets the form, as a browser would; done
 * once, before the timed runs, and reused by every post with a new form token. They open the page past its last
 * comment (`?after=1`, the list's own pagination): the same page and form without the 50 threads that the B1/B2
 * rows measure, so that getting 200 forms does not take minutes when the page is slow.
 */
export async function fetchForms(
  pageUrl: string,
  cookies: string[],
  concurrency: number,
): Promise<{ forms: ParsedForm[]; seconds: number }> {
  const t0 = performance.now();
  const forms: ParsedForm[] = [];
  const url = `${pageUrl}?after=1`;
  for (let i = 0; i < cookies.length; i += concurrency) {
    const batch = cookies.slice(i, i + concurrency).map(async (cookie) => {
      const res = await fetch(url, { headers: { cookie } });
      const form = parseForm(await res.text(), url);
      if (!form) throw new Error("B3: the principle page shows no comment form to a signed-in participant");
      return form;
    });
    forms.push(...(await Promise.all(batch)));
  }
  return { forms, seconds: (performance.now() - t0) / 1000 };
}

export async function runIntake(p: {
  run: string;
  forms: ParsedForm[];
  cookies: string[];
  concurrency: number;
  seconds: number;
  maxPosts: number;
  /** Stops the server so the check can open the (possibly embedded) database. */
  beforeCheck: () => Promise<void>;
}): Promise<IntakeResult> {
  const rng = prng(99);
  const samples: Sample[] = [];
  const sent = new Map<number, string>();
  const acknowledged = new Map<number, string>();
  const refusals: Record<string, number> = {};
  let next = 0;
  let sampleResponseBytes = 0;
  const t0 = performance.now();
  const deadline = t0 + p.seconds * 1000;
  let serverGone = false;
  const worker = async () => {
    while (next < p.maxPosts && performance.now() < deadline && !serverGone) {
      const n = next++;
      const u = n % p.cookies.length;
      const form = p.forms[u];
      const cookie = p.cookies[u];
      if (!form || !cookie) throw new Error("B3: no form for a participant");
      const extra = n % 5 === 0 ? " — संवाद, “quoted” & <escaped>" : "";
      const text = `${tagOf(p.run, n)} ${commentBody(rng)}${extra}`;
      sent.set(n, text);
      const started = performance.now();
      let status = 0;
      try {
        const res = await postForm(form, fill(form, text, n), { cookie, origin: ORIGIN });
        const buf = await res.arrayBuffer();
        status = res.status;
        const id = /\/comments\/(\d+)(?:[?#]|$)/.exec(res.headers.get("location") ?? "")?.[1];
        if (status === 303 && id) {
          acknowledged.set(Number(id), text);
          sampleResponseBytes ||= buf.byteLength + [...res.headers].reduce((s, [k, v]) => s + k.length + v.length + 4, 0);
        } else refusals[String(status)] = (refusals[String(status)] ?? 0) + 1;
      } catch (err) {
        const why = `error: ${err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err)}`;
        // Nobody listens any more: the server is gone, and more posts would only count the same failure.
        if (why.includes("ECONNREFUSED")) serverGone = true;
        refusals[why] = (refusals[why] ?? 0) + 1;
      }
      // A request that got no answer has no latency: it is counted in `errors` instead.
      if (status !== 0) samples.push({ at: performance.now() - t0, ms: performance.now() - started, status });
    }
  };
  await Promise.all(Array.from({ length: p.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  await p.beforeCheck();
  const check = await verify(p.run, acknowledged, new Set(sent.values()));
  const ok = acknowledged.size;
  const errors = Object.entries(refusals).reduce((n, [k, v]) => (k.startsWith("error") ? n + v : n), 0);
  return {
    stats: statsOf(samples, seconds, errors, 0, (s) => s === 303),
    attempted: samples.length + errors,
    acknowledged: ok,
    wrongfulRefusals: samples.length + errors - ok,
    refusalStatuses: refusals,
    acceptedPerSecond: ok / seconds,
    check,
    sampleResponseBytes,
  };
}

/** Rows created == acknowledged, no duplicate texts, and every acknowledged text stored byte for byte. */
async function verify(run: string, acknowledged: Map<number, string>, sent: Set<string>): Promise<IntakeResult["check"]> {
  const h = await openBenchDb({ migrate: false });
  try {
    const rows = rowsOf(await h.db.execute(sql`select id, body from comments where body like ${`[bench-${run} %`}`));
    const byId = new Map(rows.map((r) => [Number(r.id), String(r.body)]));
    const bodies = rows.map((r) => String(r.body));
    const duplicateBodies = bodies.length - new Set(bodies).size;
    let mismatched = 0;
    let missing = 0;
    for (const [id, text] of acknowledged) {
      const stored = byId.get(id);
      if (stored === undefined) missing++;
      else if (Buffer.compare(Buffer.from(stored), Buffer.from(text)) !== 0) mismatched++;
    }
    const strays = bodies.filter((b) => !sent.has(b)).length;
    return {
      rowsCreated: rows.length,
      duplicateBodies,
      mismatched: mismatched + strays,
      missing,
      exact: rows.length === acknowledged.size && duplicateBodies === 0 && mismatched === 0 && missing === 0 && strays === 0,
    };
  } finally {
    await h.close();
  }
}
