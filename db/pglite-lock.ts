import fs from "node:fs";
import path from "node:path";

/**
 * When the process started, as Linux counts it (clock ticks since boot), or null where the system does not say.
 * With the id it names one process for good: an id alone is handed to a new process once its owner has gone.
 */
function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses; the start time is field 22.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the lock's holder still runs. A server killed outright (SIGKILL, out of memory, power) leaves its lock
 * behind, and after a restart of the machine or container its id may belong to another process: when the lock
 * records the holder's start time and the process with that id started at another time, the holder has gone.
 * A lock without one (written before start times were recorded, or where the system gives none) counts as held
 * while some process has that id.
 */
function holderRuns(lock: string): boolean {
  const [pidText = "", started] = lock.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  const now = started ? startTimeOf(pid) : null;
  return now === null || now === started;
}

/**
 * PGlite has no cross-process lock: two processes on one folder silently lose each other's writes.
 * We take an exclusive lock file and refuse to open a folder another live process holds; a lock whose holder has
 * gone (a crash) is taken over, so the server comes back on its own.
 */
export function lockPgliteDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "..", `${path.basename(dir)}.lock`);
  const mine = `${process.pid} ${startTimeOf(process.pid) ?? ""}`.trim();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: "wx" });
      const release = () => {
        // Only our own lock: a process that found its lock stale may have taken the folder over meanwhile.
        if (fs.existsSync(lockPath) && fs.readFileSync(lockPath, "utf8") === mine) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const lock = fs.readFileSync(lockPath, "utf8");
      if (lock.trim() === mine) return () => {}; // this process opened the folder before
      const holder = Number(lock.trim().split(/\s+/)[0]);
      // Our own id on a lock we did not write: an earlier process had it, and it has gone.
      if (holder !== process.pid && holderRuns(lock)) {
        throw new Error(
          `The embedded database at ${dir} is in use by process ${holder}. Stop it first, or set PGLITE_DIR to another folder.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its holder has gone
    }
  }
  throw new Error(`Could not lock the embedded database at ${dir}.`);
}
