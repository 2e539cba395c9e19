// PGlite is PostgreSQL inside this process, without a postmaster to keep other processes out of its files: two
// processes on one data directory would each write pages and WAL of their own and corrupt it. A lock file naming
// the holder's pid keeps the directory to one process at a time (the server, or a script while it is stopped).
//
// Taking over the lock of a killed holder is serialised by a second, short-lived lock (a directory: mkdir is atomic),
// under which the holder is read again before the lock is replaced. Without it, two processes that both find the
// same dead holder could both take over, the second removing the lock the first had just taken. (Lock libraries
// that reclaim stale locks by remove-then-create have the same race, e.g. proper-lockfile's open issue #121.)
import { linkSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export class DataDirInUseError extends Error {}

// A takeover holds its lock for microseconds; one older than this was left by a process killed during it.
const TAKEOVER_STALE_MS = 10_000;
const TAKEOVER_ATTEMPTS = 200;

/** Takes the directory's lock (or a stale one whose holder is gone) and returns its release. */
export function lockDataDir(dataDir: string): () => void {
  const lock = join(dataDir, "users-api.lock");
  const takeover = join(dataDir, "users-api.lock.takeover");
  // Written aside and linked into place, so that a reader never sees a lock without its pid.
  const mine = join(dataDir, `users-api.lock.${process.pid}`);
  writeFileSync(mine, String(process.pid));
  const release = () => rmSync(lock, { force: true });
  try {
    for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt++) {
      if (tryLink(mine, lock)) return release;
      refuseLiveHolder(lock, dataDir);
      if (!tryMkdir(takeover)) {
        removeIfAbandoned(takeover);
        sleep(5);
        continue;
      }
      try {
        // Under the takeover lock, nobody else replaces the lock: read its holder again before removing it.
        if (tryLink(mine, lock)) return release;
        refuseLiveHolder(lock, dataDir);
        rmSync(lock, { force: true });
        if (tryLink(mine, lock)) return release;
      } finally {
        rmdirSync(takeover);
      }
    }
    throw new DataDirInUseError(`could not take the lock ${lock}: other processes keep taking it`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Whether `create` made its file or directory; false when it exists already (the atomic test of a lock). */
function created(create: () => void): boolean {
  try {
    create();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  }
}

const tryLink = (source: string, target: string) => created(() => linkSync(source, target));
const tryMkdir = (path: string) => created(() => mkdirSync(path));

function removeIfAbandoned(takeover: string): void {
  try {
    if (Date.now() - statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) rmdirSync(takeover);
  } catch {
    // Gone already: its holder finished.
  }
}

function refuseLiveHolder(lock: string, dataDir: string): void {
  let holder: number;
  try {
    holder = Number(readFileSync(lock, "utf8"));
  } catch {
    return; // released meanwhile
  }
  if (isOtherLiveProcess(holder)) {
    throw new DataDirInUseError(
      `the embedded database in ${dataDir} is in use by process ${holder} (a running server?). PGlite serves one ` +
        "process: stop that one first, or give both DATABASE_URL (a PostgreSQL server) to share the data.",
    );
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether `pid` is a running process other than this one or its parent (after a restart a container may hand the
 * dead holder's pid to this process or the one that started it). */
function isOtherLiveProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || pid === process.ppid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
