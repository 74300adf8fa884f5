// `npm test`: every test, in order: lint (ESLint, import boundaries included), the formatting check (Prettier) and
// the production dependency tree (`npm ls --omit=dev --all`), each counted as one test; unit + integration (vitest, on PGlite and, when TEST_DATABASE_URL is set, on
// PostgreSQL); a production build, then the browser tests (Playwright + Debian's Chromium) against it.
// Ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".test-results");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0 };
let broken = false;

function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${[path.basename(cmd), ...args].join(" ")}`);
  return spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" }).status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return true;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && spawnSync("which", ["apt-get"]).status === 0) {
    console.log("Installing Debian's Chromium for the browser tests (apt-get install -y chromium)…");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (install.status === 0) return true;
  }
  console.error(`Chromium not found at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  return false;
}

// 0. Lint and formatting: each is one test, passed or failed.
for (const [name, args] of [
  ["eslint", [".", "--max-warnings=0"]],
  ["prettier", ["--check", "."]],
]) {
  if (run(bin(name), args) === 0) totals.passed += 1;
  else totals.failed += 1;
}
// The installed production dependency tree, as one test: a missing, invalid or extraneous package fails it. (The
// registry these machines reach has no audit endpoint, so this is the check CI can make; see README, Operations.)
if (run(process.execPath, [path.join(root, "scripts", "check-deps.mjs")]) === 0) totals.passed += 1;
else totals.failed += 1;

// 1. Unit and integration tests.
const vitestJson = path.join(out, "vitest.json");
run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  if (v.numFailedTestSuites > 0 && v.numFailedTests === 0) totals.failed += v.numFailedTestSuites;
} else broken = true;

// 2. Production build, then 3. browser tests against it on a fresh database.
if (run(bin("next"), ["build"]) !== 0) {
  broken = true;
} else if (!ensureChromium()) {
  broken = true;
} else {
  let e2eUrl;
  let admin;
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `samvad_e2e_${Date.now().toString(36)}`;
    admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    e2eUrl = u.toString();
    console.log(`Browser tests on PostgreSQL database ${name}`);
  } else {
    console.log("Browser tests on the embedded PGlite database (set TEST_DATABASE_URL to use PostgreSQL)");
  }
  const pwJson = path.join(out, "playwright.json");
  run(bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    ...(e2eUrl ? { E2E_DATABASE_URL: e2eUrl } : {}),
  });
  if (admin) {
    await admin.unsafe(`drop database if exists ${new URL(e2eUrl).pathname.slice(1)} with (force)`);
    await admin.end();
  }
  const p = readJson(pwJson);
  if (p?.stats) {
    totals.passed += p.stats.expected;
    totals.failed += p.stats.unexpected + (p.stats.flaky ?? 0);
    if ((p.errors ?? []).length > 0) broken = true;
  } else broken = true;
}

if (broken && totals.failed === 0) totals.failed = 1; // a step that could not run counts as a failure
fs.writeFileSync(path.join(out, "summary.json"), JSON.stringify(totals));
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
