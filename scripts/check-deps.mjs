// The installed production dependency tree must be exactly what package-lock.json says: `npm ls` reports a
// missing or invalid package through its exit code but an extraneous one only in its "problems", so both count.
import { spawnSync } from "node:child_process";

const ls = spawnSync("npm", ["ls", "--omit=dev", "--all", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let problems = [];
try {
  problems = JSON.parse(ls.stdout).problems ?? [];
} catch {
  problems = [`npm ls printed no readable tree (exit ${ls.status}): ${ls.stderr.trim().slice(0, 500)}`];
}
if (ls.status !== 0 && problems.length === 0) problems.push(`npm ls exited ${ls.status}: ${ls.stderr.trim().slice(0, 500)}`);
if (problems.length > 0) {
  console.error(`The production dependency tree has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("Production dependency tree: no missing, invalid or extraneous package.");
