// `next start` of the existing production build, pinned to CPU 0, with the bench's settings; its resident memory
// (the whole process tree) is sampled every 250 ms.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SQL_LOG_PREFIX } from "@/db/client";
import { DATABASE_URL, ORIGIN, PGLITE_DIR, PORT, ROOT, SAME_FILE, SECRET } from "./config";

export const hasTaskset = spawnSync("taskset", ["-V"], { stdio: "ignore" }).status === 0;

/** The command pinned to one CPU when taskset exists (and the machine has that CPU). */
export function pinned(cpu: number, command: string, args: string[]): [string, string[]] {
  return hasTaskset ? ["taskset", ["-c", String(cpu), command, ...args]] : [command, args];
}

export function requireBuild(): void {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.error("\nNo production build found (.next/BUILD_ID is missing). Run `npm run build` first, then `npm run bench`.\n");
    process.exit(1);
  }
}

export interface ServerOptions {
  /** SAMVAD_SQL_LOG=1: one stdout line per SQL statement, counted by `sqlLines`. */
  sqlLog?: boolean;
  /** SAMVAD_COMMENT_BURST: the per-user comment bucket's capacity (B3 raises it). */
  commentBurst?: number;
}

export interface Server {
  pid: number;
  /** SQL statements the server has logged so far (with sqlLog). */
  sqlLines: () => number;
  /** Highest resident set size of the process tree, in bytes, since the last reset. */
  peakRss: (reset?: boolean) => number;
  stop: () => Promise<void>;
}

function children(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      for (const c of fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(/\s+/)) if (c) out.push(Number(c));
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

/** VmRSS of a process and all its descendants, in bytes (0 where /proc is missing). */
export function treeRss(pid: number): number {
  let total = 0;
  for (const stack = [pid]; stack.length;) {
    const p = stack.pop() ?? 0;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      total += Number(m?.[1] ?? 0) * 1024;
    } catch {
      continue;
    }
    stack.push(...children(p));
  }
  return total;
}

/** SAMVAD_* settings given to the bench (e.g. SAMVAD_PAGE_CACHE_MS=0) reach the server, unless the bench sets them. */
export const passedSettings = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("SAMVAD_")));

export function serverEnv(options: ServerOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...passedSettings,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: ORIGIN,
    ...(DATABASE_URL ? { DATABASE_URL } : { PGLITE_DIR }),
    SAMVAD_MIN_FILL_MS: "0",
    SAMVAD_BENCH_FLOORS: "1",
    SAMVAD_BENCH_SAME_FILE: SAME_FILE,
    SAMVAD_SQL_LOG: options.sqlLog ? "1" : "0",
    SAMVAD_COMMENT_BURST: String(options.commentBurst ?? 5),
  };
}

async function waitUntilUp(child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${ORIGIN}/api/auth/csrf`);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet: try again after a pause
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer within 60 s:\n${log()}`);
}

export async function startServer(options: ServerOptions = {}): Promise<Server> {
  const [cmd, args] = pinned(0, path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(PORT)]);
  const child = spawn(cmd, args, { cwd: ROOT, env: serverEnv(options), stdio: ["ignore", "pipe", "pipe"] });
  let sql = 0;
  let tail = "";
  let partial = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith(SQL_LOG_PREFIX)) sql++;
      else tail = (tail + line + "\n").slice(-4000);
    }
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => void (tail = (tail + chunk).slice(-4000)));
  const pid = child.pid ?? 0;
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`\n!!! the server exited during the run (code ${code}, signal ${signal}); its last output:\n${tail}\n`);
  });
  let peak = 0;
  const sampler = setInterval(() => void (peak = Math.max(peak, treeRss(pid))), 250);
  const stop = async () => {
    stopping = true;
    clearInterval(sampler);
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilUp(child, () => tail);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    pid,
    sqlLines: () => sql,
    peakRss: (reset = false) => {
      const p = Math.max(peak, treeRss(pid));
      if (reset) peak = 0;
      return p;
    },
    stop,
  };
}
