// PGlite is PostgreSQL inside this process, without a postmaster to keep other processes out of its files: two
// processes on one data directory would each write pages and WAL of their own and corrupt it. A lock file naming
// the holder's pid keeps the directory to one process at a time (the server, or a script while it is stopped).
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export class DataDirInUseError extends Error {}

/** Takes the directory's lock (or a stale one whose holder is gone) and returns its release. */
export function lockDataDir(dataDir: string): () => void {
  const lock = join(dataDir, "users-api.lock");
  // Written aside and linked into place, so that a reader never sees a lock without its pid.
  const mine = join(dataDir, `users-api.lock.${process.pid}`);
  writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(mine, lock);
        return () => rmSync(lock, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = Number(readFileSync(lock, "utf8"));
      if (isOtherLiveProcess(holder)) {
        throw new DataDirInUseError(
          `the embedded database in ${dataDir} is in use by process ${holder} (a running server?). PGlite serves one ` +
            "process: stop that one first, or give both DATABASE_URL (a PostgreSQL server) to share the data.",
        );
      }
      rmSync(lock, { force: true }); // left by a process that was killed
    }
    throw new DataDirInUseError(`could not take the lock ${lock}: another process keeps taking it`);
  } finally {
    rmSync(mine, { force: true });
  }
}

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
