// Load runs with autocannon (as a library). Every response's latency is collected from the `response` event, so
// percentiles are computed from all samples, not read from autocannon's histogram.
import autocannon from "autocannon";

export interface Sample {
  /** Completion time, ms since the run started. */
  at: number;
  ms: number;
  status: number;
}

export interface Stats {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  /** Request errors: timeouts, resets. */
  errors: number;
  /** Requests still in flight when the run's time was up (their latency is not in the samples). */
  unfinished: number;
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export function statsOf(samples: Sample[], seconds: number, errors = 0, unfinished = 0, ok = (s: number) => s >= 200 && s < 300): Stats {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    seconds,
    rps: samples.length / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    non2xx: samples.filter((s) => !ok(s.status)).length,
    errors,
    unfinished,
  };
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** A run lasts this long (autocannon's duration); in-flight requests at the end are cut (counted as unfinished). */
  seconds?: number;
  /** Or a run makes exactly this many requests and waits for all of them, unless `capSeconds` passes first. */
  amount?: number;
  capSeconds?: number;
  /** Headers per connection (e.g. its own session cookie), by connection number. */
  headersFor?: (connection: number) => Record<string, string>;
  /** A clock shared by several runs (B5); default: ms since this run started. */
  clock?: () => number;
}

export interface LoadRun {
  samples: Sample[];
  errors: number;
  unfinished: number;
  seconds: number;
}

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** One bounded run; resolves with every sample and the count of request errors (timeouts, resets). */
export function runLoad(o: LoadOptions): Promise<LoadRun> {
  const samples: Sample[] = [];
  let errors = 0;
  let sent = 0;
  let connection = 0;
  let lastAt = 0;
  const t0 = performance.now();
  const clock = o.clock ?? (() => performance.now() - t0);
  return new Promise((resolve, reject) => {
    let cap: NodeJS.Timeout | undefined;
    const instance = autocannon(
      {
        url: o.url,
        connections: o.connections,
        ...(o.amount ? { amount: Math.max(o.amount, o.connections) } : { duration: o.seconds ?? 10 }),
        timeout: 30,
        // autocannon notices the end of a run at its next sample tick: tick often, so runs end on time.
        sampleInt: 100,
        // Every request asks for HTML as a browser's navigation does (the shared page cache answers only those).
        headers: { accept: BROWSER_ACCEPT },
        setupClient: (client) => {
          if (o.headersFor) client.setHeaders({ accept: BROWSER_ACCEPT, ...o.headersFor(connection++) });
          // autocannon's types leave out the client's "request" event.
          (client as NodeJS.EventEmitter).on("request", () => void sent++);
        },
      },
      (err: unknown) => {
        clearTimeout(cap);
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else {
          const unfinished = Math.max(0, sent - samples.length - errors);
          // A run that finished every request lasted until its last response, not until the tick that noticed it.
          const seconds = (unfinished === 0 && lastAt > 0 ? lastAt : performance.now() - t0) / 1000;
          resolve({ samples, errors, unfinished, seconds });
        }
      },
    );
    if (o.amount && o.capSeconds) cap = setTimeout(() => instance.stop(), o.capSeconds * 1000);
    instance.on("response", (_client, status, _bytes, ms) => {
      lastAt = performance.now() - t0;
      samples.push({ at: clock(), ms, status });
    });
    instance.on("reqError", () => void errors++);
  });
}

/**
 * A measurement: a warm-up of whole rounds (one request per connection, repeated until `warmupSeconds` have
 * passed), then a run of as many requests as the warm-up's rate makes in `seconds`, every one waited for (so slow
 * responses are in the percentiles, and no abandoned request keeps the server busy into the next run), cut at
 * `4 × seconds + 30` s.
 */
export async function measure(o: LoadOptions & { seconds: number }, warmupSeconds: number): Promise<{ stats: Stats; samples: Sample[] }> {
  const warmStart = performance.now();
  let rate = 0;
  do {
    const w = await runLoad({ ...o, amount: o.connections, capSeconds: 60 });
    rate = w.samples.length / w.seconds;
  } while ((performance.now() - warmStart) / 1000 < warmupSeconds);
  const amount = Math.min(1_000_000, Math.max(o.connections, Math.round(rate * o.seconds)));
  const run = await runLoad({ ...o, amount, capSeconds: 4 * o.seconds + 30 });
  return { stats: statsOf(run.samples, run.seconds, run.errors, run.unfinished), samples: run.samples };
}

export interface FlashResult {
  stats: Stats;
  fiveXx: number;
  /** p95 per second of the run (ms), by completion second. */
  perSecondP95: number[];
  /** First second (from the start) from which every later second's p95 is at most the reference, or null. */
  recoveredAfter: number | null;
}

/**
 * B5: 1 connection, then 199 more within the first second (in steps), all held until `seconds` after the start.
 */
export async function flashCrowd(url: string, total: number, seconds: number, referenceP95: number): Promise<FlashResult> {
  const t0 = performance.now();
  const clock = () => performance.now() - t0;
  const steps = [1, ...splitEvenly(total - 1, 6)];
  const runs = steps.map(async (connections, i) => {
    const delayMs = i === 0 ? 0 : Math.round((i * 1000) / (steps.length - 1));
    await new Promise((r) => setTimeout(r, delayMs));
    return runLoad({ url, connections, seconds: Math.max(1, seconds - delayMs / 1000), clock });
  });
  const results = await Promise.all(runs);
  const samples = results.flatMap((r) => r.samples);
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const unfinished = results.reduce((n, r) => n + r.unfinished, 0);
  const stats = statsOf(samples, clock() / 1000, errors, unfinished);
  const buckets: number[][] = [];
  for (const s of samples) (buckets[Math.floor(s.at / 1000)] ??= []).push(s.ms);
  const perSecondP95 = Array.from(buckets, (b) =>
    percentile(
      (b ?? []).sort((a, c) => a - c),
      0.95,
    ),
  );
  let recoveredAfter: number | null = null;
  for (let i = perSecondP95.length - 1; i >= 0; i--) {
    const p = perSecondP95[i] ?? Number.NaN;
    if (!(p <= referenceP95)) break;
    recoveredAfter = i;
  }
  return { stats, fiveXx: samples.filter((s) => s.status >= 500).length, perSecondP95, recoveredAfter };
}

function splitEvenly(n: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(n / parts) + (i < n % parts ? 1 : 0));
}
