// The embedded data directory's lock: of processes that find the same killed holder at once, exactly one takes over.
import { execFile, execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { scratchDirectory } from "./support/scratch-directory.ts";

const dataDir = scratchDirectory("users-api-lock-");

/** The pid of a process that has exited: what a killed server leaves in its lock. */
function deadPid(): number {
  return Number(execFileSync("sh", ["-c", "sh -c 'echo $$' "], { encoding: "utf8" }).trim());
}

const CONTENDERS = 6;
const ROUNDS = 3;

// The lock guards the embedded database only: its run on PostgreSQL would repeat the same check.
describe.skipIf(!!process.env.TEST_DATABASE_URL)("data directory lock", () => {
  it(
    `of ${CONTENDERS} processes racing for a stale lock, exactly one takes it (${ROUNDS} rounds)`,
    { timeout: 120_000 },
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        writeFileSync(join(dataDir, "users-api.lock"), String(deadPid()));
        // Contenders start in turn, then leave a barrier together, a moment after the last has loaded.
        const startAt = Date.now() + 3_000;
        const outcomes = await Promise.all(
          Array.from({ length: CONTENDERS }, () =>
            promisify(execFile)(
              process.execPath,
              ["--import", "tsx", "test/fixtures/lock-opener.ts", dataDir, String(startAt), "6000"],
              {
                timeout: 60_000,
              },
            ).then(({ stdout }) => stdout.trim()),
          ),
        );
        expect(
          outcomes.filter((outcome) => outcome === "locked"),
          `round ${round}: ${outcomes.join(" ")}`,
        ).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome === "refused")).toHaveLength(CONTENDERS - 1);
      }
    },
  );
});
