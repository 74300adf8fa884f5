// Benchmark of the principle page, not a test: prints figures and asserts nothing about speed.
//   npm run build && npm run bench            (embedded PGlite in .data/bench-pglite)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench
// See README, "Benchmark", for what each row means.
import { spawnSync } from "node:child_process";
import { CONNECTIONS, CONSULTATION, CPUS, DATABASE_URL, FLASH_CONNECTIONS, INTAKE, ORIGIN, SECRET, SEED, TIMES } from "./config";
import { sessionCookies } from "./cookies";
import { fetchBody, floorsReachable, saveMainMarkup, scriptBytes, startL1, type Body, type JsBytes } from "./floors";
import { fetchForms, runIntake, type IntakeResult } from "./intake";
import { flashCrowd, measure, type FlashResult, type LoadOptions } from "./load";
import { fmtRatio, ratio, rowsTable, writeResults, type Row } from "./report";
import { executeIsLogged, growComments, seedBenchDatabase } from "./seed";
import { hasTaskset, passedSettings, requireBuild, startServer, type Server, type ServerOptions } from "./server";

// The load generator runs on CPU 1, the server on CPU 0: re-run this process under taskset once.
if (hasTaskset && CPUS >= 2 && !process.env.BENCH_PINNED) {
  const args = ["-c", "1", process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  const r = spawnSync("taskset", args, { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } });
  process.exit(r.status ?? 1);
}
// The bench signs session cookies with the server's secret; lib/env reads these on first use.
process.env.NEXTAUTH_SECRET = SECRET;
process.env.NEXTAUTH_URL = ORIGIN;

const started = performance.now();
const log = (s: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withServer<T>(options: ServerOptions, work: (s: Server) => Promise<T>): Promise<T> {
  const server = await startServer(options);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/** Statements the server logs for `n` sequential requests, divided by n. */
async function sqlPerRequest(server: Server, url: string, headers: Record<string, string>, n: number): Promise<number> {
  await fetchBody(url, headers); // the first request of a kind may load modules: not counted
  await sleep(300);
  const before = server.sqlLines();
  for (let i = 0; i < n; i++) await fetchBody(url, headers);
  await sleep(300);
  return (server.sqlLines() - before) / n;
}

async function loadRow(
  server: Server | null,
  id: string,
  what: string,
  o: LoadOptions & { seconds: number },
  body: Body | null,
  sql: number | null,
  rss: () => number | null,
): Promise<Row> {
  server?.peakRss(true);
  log(`${id}: ${what}`);
  const { stats } = await measure(o, TIMES.warmup);
  return { id, what, stats, rawBytes: body?.raw ?? null, gzipBytes: body?.gzip ?? null, sqlPerRequest: sql, peakRssBytes: rss() };
}

function intakeRow(id: string, r: IntakeResult, rss: number): Row {
  return {
    id,
    what: `comment intake, ${INTAKE.concurrency} concurrent, ${INTAKE.users} participants`,
    stats: r.stats,
    rawBytes: r.sampleResponseBytes,
    gzipBytes: null,
    sqlPerRequest: null,
    peakRssBytes: rss,
  };
}

requireBuild();
const passed = Object.entries(passedSettings).map(([k, v]) => `${k}=${v}`);
if (passed.length) log(`app settings passed to the server: ${passed.join(" ")}`);
log(`engine: ${DATABASE_URL ? `PostgreSQL (${DATABASE_URL})` : "embedded PGlite (.data/bench-pglite)"}`);
log(hasTaskset && CPUS >= 2 ? "server pinned to CPU 0, load generator to CPU 1" : "taskset or a second CPU missing: not pinned");
const seed = await seedBenchDatabase();
const executeLogged = await executeIsLogged();
log(`seeded ${seed.comments} comments on principle 1 (mean body ${seed.meanBody.toFixed(0)} chars) in ${seed.seconds.toFixed(1)} s`);
const pageUrl = `${ORIGIN}/en/consultations/${CONSULTATION}/principles/${seed.target.principleSlug}`;
const b2People = seed.participants.slice(0, CONNECTIONS);
const b2Cookies = await sessionCookies(b2People);
const b3Cookies = await sessionCookies(seed.participants.slice(100, 100 + INTAKE.users));
const warnings: string[] = [];
const signedInHeaders = { cookie: b2Cookies[0] ?? "" };

// Phase 1: statement counts, the page's bytes and JavaScript, and whether a cookie signs in (SQL log on).
const probe = await withServer({ sqlLog: true }, async (server) => {
  const anon = await fetchBody(pageUrl);
  if (anon.status !== 200) throw new Error(`the principle page answered ${anon.status}`);
  const html = anon.bytes.toString("utf8");
  const signed = await fetchBody(pageUrl, signedInHeaders);
  const signedIn = signed.bytes.toString("utf8").includes('data-testid="comment-form"');
  if (!signedIn)
    warnings.push("!!! B2/B3: the session cookie did NOT sign in (no comment form on the page): B2 measured anonymous pages !!!");
  const sqlAnon = await sqlPerRequest(server, pageUrl, {}, 5);
  const sqlSigned = await sqlPerRequest(server, pageUrl, signedInHeaders, 5);
  const floors = await floorsReachable();
  if (!floors.ok) warnings.push(`!!! floors skipped: ${floors.why} !!!`);
  const sameSaved = floors.ok && saveMainMarkup(html);
  let js: { page: JsBytes; empty: JsBytes } | null = null;
  if (floors.ok) {
    const empty = await fetchBody(`${ORIGIN}/bench-floor/empty`);
    js = { page: await scriptBytes(html, pageUrl), empty: await scriptBytes(empty.bytes.toString("utf8"), ORIGIN) };
  }
  const rendered = (html.match(/data-testid="comment"/g) ?? []).length;
  // B3's participants open the page and get their forms now, once; both intake runs post them.
  const forms = signedIn ? await fetchForms(pageUrl, b3Cookies, INTAKE.concurrency) : null;
  return { anon, signed, signedIn, sqlAnon, sqlSigned, floors, sameSaved, js, rendered, forms };
});
log(`page: ${probe.rendered} comments rendered, ${probe.sqlAnon} SQL/request anonymous, ${probe.sqlSigned} signed in`);
if (probe.forms) log(`B3: ${INTAKE.users} participants opened the page and got their forms in ${probe.forms.seconds.toFixed(1)} s`);

// Phase 2: B1, B2, the floors and the flash crowd on one server; then L1 with the server stopped.
const rows: Row[] = [];
let flash: FlashResult | null = null;
await withServer({}, async (server) => {
  const rss = () => server.peakRss();
  rows.push(
    await loadRow(
      server,
      "B1",
      "principle page, anonymous",
      { url: pageUrl, connections: CONNECTIONS, seconds: TIMES.run },
      probe.anon,
      probe.sqlAnon,
      rss,
    ),
  );
  rows.push(
    await loadRow(
      server,
      "B2",
      "principle page, signed in (50 sessions)",
      {
        url: pageUrl,
        connections: CONNECTIONS,
        seconds: TIMES.run,
        headersFor: (i) => ({ cookie: b2Cookies[i % b2Cookies.length] ?? "" }),
      },
      probe.signed,
      probe.sqlSigned,
      rss,
    ),
  );
  if (probe.floors.ok) {
    for (const [id, what, p] of [
      ["N0", "floor: bare page, 50 plain comments", "n0"],
      ["N0same", "floor: bare page, the principle page's <main>", "same"],
    ] as const) {
      const url = `${ORIGIN}/bench-floor/${p}`;
      const body = await fetchBody(url);
      if (body.status !== 200) warnings.push(`!!! ${id} answered ${body.status} !!!`);
      rows.push(await loadRow(server, id, what, { url, connections: CONNECTIONS, seconds: TIMES.run }, body, null, rss));
    }
  }
  server.peakRss(true);
  log(`B5: flash crowd, 1 → ${FLASH_CONNECTIONS} connections within a second, held ${TIMES.flash} s`);
  flash = await flashCrowd(pageUrl, FLASH_CONNECTIONS, TIMES.flash, rows[0]?.stats.p95 ?? 0);
  rows.push({
    id: "B5",
    what: `flash crowd, 1 → ${FLASH_CONNECTIONS} connections`,
    stats: flash.stats,
    rawBytes: probe.anon.raw,
    gzipBytes: probe.anon.gzip,
    sqlPerRequest: probe.sqlAnon,
    peakRssBytes: server.peakRss(),
  });
});
{
  const l1 = await startL1(probe.anon.bytes);
  try {
    const body = await fetchBody(l1.url);
    rows.push(
      await loadRow(
        null,
        "L1",
        "floor: B1's bytes from node:http",
        { url: l1.url, connections: CONNECTIONS, seconds: TIMES.run },
        body,
        0,
        () => null,
      ),
    );
  } finally {
    await l1.stop();
  }
}

// Phase 3: comment intake with the per-user burst raised for this run only.
const intake = async (run: string): Promise<{ result: IntakeResult; peak: number } | null> => {
  if (!probe.forms) return null; // not signed in: warned above
  let peak = 0;
  const server = await startServer({ commentBurst: 100_000 });
  log(`${run}: comment intake`);
  const result = await runIntake({
    run,
    forms: probe.forms.forms,
    cookies: b3Cookies,
    concurrency: INTAKE.concurrency,
    seconds: TIMES.intake,
    maxPosts: INTAKE.maxPosts,
    beforeCheck: async () => {
      peak = server.peakRss();
      await server.stop();
    },
  });
  return { result, peak };
};
const b3 = await intake("b3-5k");
if (b3) rows.push(intakeRow("B3", b3.result, b3.peak));

// Phase 4 (B6): principle 1 grows to SEED.growTo comments; B1 and B3 again.
log(`B6: growing principle 1 to ${SEED.growTo.toLocaleString("en")} comments`);
const grown = await growComments(seed.target, seed.participants, SEED.growTo);
log(`grew by ${grown.added.toLocaleString("en")} comments in ${grown.seconds.toFixed(1)} s`);
const big = await withServer({ sqlLog: true }, async (server) => ({
  anon: await fetchBody(pageUrl),
  sql: await sqlPerRequest(server, pageUrl, {}, 5),
}));
await withServer({}, async (server) => {
  rows.push(
    await loadRow(
      server,
      "B6/B1",
      `B1 with ${SEED.growTo.toLocaleString("en")} comments`,
      { url: pageUrl, connections: CONNECTIONS, seconds: TIMES.run },
      big.anon,
      big.sql,
      () => server.peakRss(),
    ),
  );
});
const b3big = await intake("b3-500k");
if (b3big) rows.push({ ...intakeRow("B6/B3", b3big.result, b3big.peak), what: `B3 with ${SEED.growTo.toLocaleString("en")} comments` });

// Report.
const byId = new Map(rows.map((r) => [r.id, r]));
const rps = (id: string) => byId.get(id)?.stats.rps ?? Number.NaN;
const p95 = (id: string) => byId.get(id)?.stats.p95 ?? Number.NaN;
const wall = (performance.now() - started) / 1000;
const flashResult = flash as FlashResult | null;
const jsOverEmpty = probe.js ? { raw: probe.js.page.raw - probe.js.empty.raw, gzip: probe.js.page.gzip - probe.js.empty.gzip } : null;
const lines = [
  "",
  `Principle page ${pageUrl}`,
  `engine ${DATABASE_URL ? "PostgreSQL" : "PGlite"}; ${seed.comments} comments on principle 1 (then ${SEED.growTo.toLocaleString("en")}), ${SEED.participants} participants, ${SEED.endorsements} endorsements; ${probe.rendered} comments on the first page`,
  `runs: ≥ ${TIMES.warmup} s warm-up, then about ${TIMES.run} s of requests at the warm-up's rate, every response awaited; ${CONNECTIONS} connections; server on CPU 0, load on CPU 1${hasTaskset && CPUS >= 2 ? "" : " (NOT pinned)"}${passed.length ? `; ${passed.join(" ")}` : ""}`,
  "",
  rowsTable(rows),
  "",
  `B1 ÷ N0      req/s ${fmtRatio(ratio(rps("B1"), rps("N0")))}   p95 ${fmtRatio(ratio(p95("B1"), p95("N0")))}`,
  `B1 ÷ N0same  req/s ${fmtRatio(ratio(rps("B1"), rps("N0same")))}   p95 ${fmtRatio(ratio(p95("B1"), p95("N0same")))}`,
  `B1 ÷ L1      req/s ${fmtRatio(ratio(rps("B1"), rps("L1")))}   p95 ${fmtRatio(ratio(p95("B1"), p95("L1")))}`,
  `B6 ÷ 5,000   B1 req/s ${fmtRatio(ratio(rps("B6/B1"), rps("B1")))}  p95 ${fmtRatio(ratio(p95("B6/B1"), p95("B1")))};  B3 req/s ${fmtRatio(ratio(rps("B6/B3"), rps("B3")))}  p95 ${fmtRatio(ratio(p95("B6/B3"), p95("B3")))}`,
  `HTML of the page: ${(probe.anon.raw / 1024).toFixed(1)} KiB raw, ${(probe.anon.gzip / 1024).toFixed(1)} KiB gzip anonymous; ${(probe.signed.raw / 1024).toFixed(1)} / ${(probe.signed.gzip / 1024).toFixed(1)} KiB signed in`,
  jsOverEmpty && probe.js
    ? `JavaScript over an empty page: ${(jsOverEmpty.gzip / 1024).toFixed(1)} KiB gzip (${(jsOverEmpty.raw / 1024).toFixed(1)} KiB raw); page ${probe.js.page.scripts} scripts ${(probe.js.page.gzip / 1024).toFixed(1)} KiB gzip, empty page ${probe.js.empty.scripts} scripts ${(probe.js.empty.gzip / 1024).toFixed(1)} KiB gzip`
    : "JavaScript over an empty page: – (floors unavailable)",
  `SQL statements per request: B1 ${probe.sqlAnon}, B2 ${probe.sqlSigned}, B1 at ${SEED.growTo.toLocaleString("en")} ${big.sql} (drizzle's logger ${executeLogged ? "does" : "does NOT"} see db.execute)`,
  flashResult
    ? `B5: ${flashResult.fiveXx} responses 5xx, ${flashResult.stats.errors} errors; per-second p95 back to B1's p95 (${p95("B1").toFixed(1)} ms): ${flashResult.recoveredAfter === null ? "never" : `after ${flashResult.recoveredAfter} s`}; per-second p95 ${flashResult.perSecondP95.map((v) => (Number.isFinite(v) ? v.toFixed(0) : "–")).join(" ")} ms`
    : "",
  ...(
    [
      ["B3", b3?.result],
      ["B6/B3", b3big?.result],
    ] as const
  ).map(([id, x]) => {
    if (!x) return `${id}: not run (no participant was signed in)`;
    return `${id}: ${x.acceptedPerSecond.toFixed(1)} accepted comments/s; ${x.attempted} posted, ${x.acknowledged} acknowledged (303), wrongful refusals ${x.wrongfulRefusals} ${JSON.stringify(x.refusalStatuses)}; DB: ${x.check.rowsCreated} rows, ${x.check.duplicateBodies} duplicate texts, ${x.check.mismatched} not byte-identical, ${x.check.missing} missing → ${x.check.exact ? "exact" : "NOT EXACT"}`;
  }),
  `peak RSS of the server: ${(Math.max(...rows.map((r) => r.peakRssBytes ?? 0)) / 1048576).toFixed(0)} MiB`,
  `seed ${seed.seconds.toFixed(1)} s, growth ${grown.seconds.toFixed(1)} s; whole run ${wall.toFixed(0)} s`,
  ...warnings,
];
console.log(lines.filter((l) => l !== null).join("\n"));
const files = writeResults({
  at: new Date().toISOString(),
  engine: DATABASE_URL ? "postgres" : "pglite",
  pinned: hasTaskset && CPUS >= 2,
  settings: passedSettings,
  seed: { comments: seed.comments, meanBody: seed.meanBody, seconds: seed.seconds, grownTo: SEED.growTo, growSeconds: grown.seconds },
  times: TIMES,
  rows,
  html: { anonymous: { raw: probe.anon.raw, gzip: probe.anon.gzip }, signedIn: { raw: probe.signed.raw, gzip: probe.signed.gzip } },
  javascript: probe.js ? { ...probe.js, overEmpty: jsOverEmpty } : null,
  sql: { b1: probe.sqlAnon, b2: probe.sqlSigned, b1Grown: big.sql, executeLogged },
  flash: flashResult,
  intake: { b3: b3?.result ?? null, b6: b3big?.result ?? null, formsFetchSeconds: probe.forms?.seconds ?? null },
  signedIn: probe.signedIn,
  warnings,
  wallSeconds: wall,
});
console.log(`\nresults: ${files.file} (and ${files.latest})`);
