// A `next start` of the existing production build on a port of the test's choosing, for tests that must own the
// process: kill it mid-request, run two side by side, or watch it ride out a database restart.
import { spawn } from "node:child_process";
import path from "node:path";

export interface AppServer {
  origin: string;
  pid: number;
  /** The last few kilobytes the process wrote, for failure messages. */
  output: () => string;
  /** Sends a signal and waits until the process has gone (SIGKILL is the crash; SIGTERM a clean stop). */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

export interface AppServerOptions {
  port: number;
  /** PostgreSQL; without it the embedded database in pgliteDir. */
  databaseUrl?: string;
  pgliteDir?: string;
  /** Extra settings (SAMVAD_*, TRUSTED_PROXY_HOPS, …). */
  env?: Record<string, string>;
  /** How long to wait for the first answer; a cold PGlite folder migrates and seeds first. */
  startTimeoutMs?: number;
}

/** The secret every test server shares, so a session made by one instance is honoured by another. */
export const TEST_SERVER_SECRET = "faults-secret-faults-secret-faults-0123";

export async function startApp(o: AppServerOptions): Promise<AppServer> {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const origin = `http://127.0.0.1:${o.port}`;
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(o.port)], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      SAMVAD_DEMO: "1",
      SAMVAD_MIN_FILL_MS: "0",
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: TEST_SERVER_SECRET,
      ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : { PGLITE_DIR: o.pgliteDir ?? "" }),
      ...o.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString("utf8")).slice(-6000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (o.startTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server on ${origin} exited with ${child.signalCode ?? `code ${child.exitCode}`}:\n${tail}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await kill("SIGKILL");
      throw new Error(`the server on ${origin} did not answer in time:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, pid: child.pid ?? 0, output: () => tail, kill };
}
