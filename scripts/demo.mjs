// `npm run demo`: build the app and start it with demo data on the embedded database (or DATABASE_URL if set).
// The session secret is generated once and kept in .data/, so restarts keep people signed in.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
fs.mkdirSync(dataDir, { recursive: true });
const secretFile = path.join(dataDir, "demo-secret");
if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  SAMVAD_DEMO: "1",
  PORT: port,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://${host}:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? fs.readFileSync(secretFile, "utf8").trim(),
};
const next = path.join(root, "node_modules", ".bin", "next");

if (!process.argv.includes("--no-build")) {
  const build = spawnSync(next, ["build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
console.log(`\nSamvad is starting at http://${host}:${port}/ (demo accounts are listed on the sign-in page)\n`);
const server = spawn(next, ["start", "-H", host, "-p", port], { cwd: root, env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
