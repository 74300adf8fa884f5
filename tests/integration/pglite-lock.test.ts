import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { lockPgliteDir } from "@/db/pglite-lock";

// The embedded database's folder lock must keep a second live server out, and must never keep a server from
// coming back after a crash: a SIGKILL leaves the lock behind, and after a restart of the machine or container the
// id it names may belong to some other process.
const linux = fs.existsSync("/proc/self/stat");

function startTime(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
}

describe("the embedded database's folder lock", () => {
  let root: string;
  let dir: string;
  let lock: string;
  let other: ChildProcess;
  const releases: (() => void)[] = [];

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "samvad-lock-"));
    dir = path.join(root, "db");
    lock = `${dir}.lock`;
    // Some other process that is running, as a reused id would name.
    other = spawn("sleep", ["120"], { stdio: "ignore" });
  });
  afterEach(() => {
    for (const release of releases.splice(0)) release();
    fs.rmSync(lock, { force: true });
  });
  afterAll(() => {
    other.kill("SIGKILL");
    fs.rmSync(root, { recursive: true, force: true });
  });

  const take = () => {
    const release = lockPgliteDir(dir);
    releases.push(release);
    return release;
  };

  it("is taken when there is none, names this process, and goes when released", () => {
    const release = take();
    expect(fs.readFileSync(lock, "utf8").split(" ")[0]).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });

  it("is taken over from a holder that was killed", () => {
    const dead = spawnSync("true").pid;
    expect(dead).toBeGreaterThan(0);
    fs.writeFileSync(lock, `${dead} 12345`);
    take();
    expect(fs.readFileSync(lock, "utf8").split(" ")[0]).toBe(String(process.pid));
  });

  it("is taken over when it is empty: the holder died between creating it and writing it", () => {
    fs.writeFileSync(lock, "");
    take();
    expect(fs.readFileSync(lock, "utf8").split(" ")[0]).toBe(String(process.pid));
  });

  it.skipIf(!linux)("keeps a second server out while the holder runs", () => {
    const pid = other.pid ?? 0;
    fs.writeFileSync(lock, `${pid} ${startTime(pid)}`);
    expect(take).toThrow(`in use by process ${pid}`);
    // An older lock names only the id: while a process has it, the folder stays locked.
    fs.writeFileSync(lock, String(pid));
    expect(take).toThrow(`in use by process ${pid}`);
  });

  it.skipIf(!linux)("is taken over when the holder's id now belongs to another process", () => {
    const pid = other.pid ?? 0;
    // The holder started at another time than the process that has its id today.
    fs.writeFileSync(lock, `${pid} ${Number(startTime(pid)) - 1}`);
    take();
    expect(fs.readFileSync(lock, "utf8").split(" ")[0]).toBe(String(process.pid));
  });

  it("is taken over when an earlier process with this very id left it", () => {
    fs.writeFileSync(lock, `${process.pid} 1`);
    take();
    expect(fs.readFileSync(lock, "utf8").split(" ")[0]).toBe(String(process.pid));
  });

  it("is not removed by a process that lost it to another", () => {
    const release = take();
    // Another server found our lock stale (say, after a pause long enough to be taken for dead) and took over.
    fs.writeFileSync(lock, `${other.pid} ${linux ? startTime(other.pid ?? 0) : ""}`);
    release();
    expect(fs.existsSync(lock)).toBe(true);
  });
});
