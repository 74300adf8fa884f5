import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The suite runs against a production build (`next build` first) with demo data on a fresh database:
// PostgreSQL when E2E_DATABASE_URL is set (CI), otherwise a new embedded PGlite folder.
const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://127.0.0.1:${port}`;
const pgliteDir = path.resolve(process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite");
const isMainProcess = !process.env.TEST_WORKER_INDEX;
if (isMainProcess && !process.env.E2E_DATABASE_URL) {
  fs.rmSync(pgliteDir, { recursive: true, force: true });
  fs.rmSync(`${pgliteDir}.lock`, { force: true });
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  // "personas" signs in one demo account per role through the sign-in page and saves its cookies
  // (tests/e2e/support.ts: persona(), asModerator and the like); every other project starts after it.
  // Pre-moderation changes how every new comment behaves, so its test runs alone, after all the others (but the
  // admin's new consultation, below).
  // All projects share one server and one database: tests make their own rows (unique names) or clean up, and no
  // test may sign a persona out (that would end the saved session for every later test).
  projects: [
    { name: "personas", testMatch: /personas\.setup\.ts/, fullyParallel: true },
    {
      name: "main",
      testIgnore: [/(premoderation|consultation-admin|forged-requests|action-replay)\.spec\.ts/, /faults\//],
      dependencies: ["personas"],
    },
    { name: "premoderation", testMatch: /premoderation\.spec\.ts/, dependencies: ["main"] },
    // Publishing a new consultation changes which round is "current" (home page order, footer links, the
    // moderation queue's default), so the admin's journey runs last.
    { name: "new-consultations", testMatch: /consultation-admin\.spec\.ts/, dependencies: ["premoderation"] },
    // Forged and replayed posts compare the whole database before and after, so they run when nothing else writes,
    // one after the other. The replay runs last: its valid posts are accepted as staff (a round closed, pre-moderation
    // turned on), which would change what every later test sees.
    { name: "forged-requests", testMatch: /forged-requests\.spec\.ts/, dependencies: ["new-consultations"] },
    { name: "action-replay", testMatch: /action-replay\.spec\.ts/, dependencies: ["forged-requests"] },
    // Faults (crashes, outages) start and kill servers of their own on databases of their own, so they need neither
    // the personas nor the shared data, and run beside the rest.
    { name: "faults", testMatch: /faults\/.*\.spec\.ts/ },
  ],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
      ],
    },
  },
  webServer: {
    command: `node_modules/.bin/next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/auth/csrf`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      SAMVAD_DEMO: "1",
      // The minimum fill time is covered by integration tests; browsers here type faster than people.
      SAMVAD_MIN_FILL_MS: "0",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { PGLITE_DIR: pgliteDir }),
    },
  },
});
