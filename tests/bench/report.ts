// The printed table and the JSON file of one run.
import fs from "node:fs";
import path from "node:path";
import { OUT_DIR } from "./config";
import type { Stats } from "./load";

export interface Row {
  id: string;
  what: string;
  stats: Stats;
  /** Body of one representative response: as sent uncompressed, and gzipped. */
  rawBytes: number | null;
  gzipBytes: number | null;
  sqlPerRequest: number | null;
  peakRssBytes: number | null;
}

const kib = (n: number | null) => (n === null ? "–" : (n / 1024).toFixed(1));
const mib = (n: number | null) => (n === null ? "–" : (n / 1048576).toFixed(0));
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function rowsTable(rows: Row[]): string {
  return table(
    [
      "run",
      "what",
      "req/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "requests",
      "non-2xx",
      "errors",
      "raw KiB",
      "gzip KiB",
      "SQL/req",
      "peak RSS MiB",
    ],
    rows.map((r) => [
      r.id,
      r.what,
      r.stats.rps.toFixed(1),
      ms(r.stats.p50),
      ms(r.stats.p95),
      ms(r.stats.p99),
      String(r.stats.requests),
      String(r.stats.non2xx),
      String(r.stats.errors),
      String(r.stats.unfinished),
      kib(r.rawBytes),
      kib(r.gzipBytes),
      r.sqlPerRequest === null ? "–" : r.sqlPerRequest.toFixed(1),
      mib(r.peakRssBytes),
    ]),
  );
}

export const ratio = (a: number, b: number | undefined) => (b && Number.isFinite(a / b) ? a / b : Number.NaN);
export const fmtRatio = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");

export function writeResults(results: object): { file: string; latest: string } {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(OUT_DIR, `results-${stamp}.json`);
  const json = JSON.stringify(results, null, 2);
  fs.writeFileSync(file, json);
  const latest = path.join(OUT_DIR, "latest.json");
  fs.writeFileSync(latest, json);
  return { file, latest };
}
