// Floors: what the same build and machine do with less work, so B1's figures can be read against them.
//   N0      a bare dynamic page of 50 plain comments from memory (app/bench-floor/n0)
//   N0same  a bare dynamic page rendering the principle page's own <main> from memory (app/bench-floor/same)
//   L1      B1's exact bytes from node:http (no Next at all)
// and the JavaScript of a page over that of an empty page of the same build (app/bench-floor/empty).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { L1_PORT, ORIGIN, ROOT, SAME_FILE } from "./config";
import { pinned } from "./server";

export interface Body {
  status: number;
  bytes: Buffer;
  raw: number;
  gzip: number;
}

/** One response's body as sent uncompressed, and its gzip size. */
export async function fetchBody(url: string, headers: Record<string, string> = {}): Promise<Body> {
  const res = await fetch(url, { headers: { "accept-encoding": "identity", ...headers }, redirect: "manual" });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes, raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** The floor routes answer only with SAMVAD_BENCH_FLOORS=1 and outside the proxy's language routing. */
export async function floorsReachable(): Promise<{ ok: boolean; why: string }> {
  const res = await fetch(`${ORIGIN}/bench-floor/empty`, { redirect: "manual" });
  await res.arrayBuffer();
  if (res.status === 200) return { ok: true, why: "" };
  const where = res.headers.get("location");
  return {
    ok: false,
    why: where
      ? `/bench-floor/empty redirects to ${where}: proxy.ts's matcher must exclude bench-floor (see README, Benchmark)`
      : `/bench-floor/empty answered ${res.status}`,
  };
}

/** The principle page's <main>…</main>, saved for N0same. */
export function saveMainMarkup(html: string): boolean {
  const start = html.search(/<main[\s>]/);
  const end = html.lastIndexOf("</main>");
  if (start < 0 || end < start) return false;
  fs.mkdirSync(path.dirname(SAME_FILE), { recursive: true });
  fs.writeFileSync(SAME_FILE, html.slice(start, end + "</main>".length));
  return true;
}

export interface JsBytes {
  scripts: number;
  raw: number;
  gzip: number;
}

/** Every <script src> a page loads: count, raw and gzip bytes (each file gzipped on its own, as sent). */
export async function scriptBytes(html: string, base: string): Promise<JsBytes> {
  const srcs = [...new Set([...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&")))];
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const b = await fetchBody(new URL(src, base).toString());
    raw += b.raw;
    gzip += b.gzip;
  }
  return { scripts: srcs.length, raw, gzip };
}

/** L1: a node:http child process pinned to the server's CPU, answering with `body`. */
export async function startL1(body: Buffer): Promise<{ url: string; stop: () => Promise<void> }> {
  const file = path.join(path.dirname(SAME_FILE), "principle-page.html");
  fs.writeFileSync(file, body);
  const [cmd, args] = pinned(0, process.execPath, [
    "--import",
    "tsx",
    path.join(ROOT, "tests", "bench", "l1-server.ts"),
    file,
    String(L1_PORT),
  ]);
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("L1 server did not start")), 20_000);
    child.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("listening")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`L1 server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${L1_PORT}/`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
