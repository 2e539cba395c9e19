// What the suites start, they stop: a process group goes with everything in it, and a process a test leaves
// running is stopped when that test ends.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { spawnGroup, stopGroup } from "../scripts/server-process.ts";

/** Running, not merely a zombie waiting to be reaped by a container's init. */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
};

/** Starts a shell that starts a grandchild, as `npx` starts the tool it runs; resolves with the grandchild's pid. */
async function shellWithGrandchild() {
  const shell = spawnGroup("sh", ["-c", "sleep 30 & echo $!; wait"], { stdio: ["ignore", "pipe", "ignore"] });
  const grandchild = await new Promise<number>((resolve) =>
    shell.stdout!.once("data", (chunk) => resolve(Number(String(chunk).trim()))),
  );
  return { shell, grandchild };
}

describe("processes started by tests", () => {
  it("stopping a group stops what its leader started too", async () => {
    const { shell, grandchild } = await shellWithGrandchild();
    expect(alive(grandchild)).toBe(true);
    await stopGroup(shell);
    await expect.poll(() => alive(grandchild)).toBe(false);
  });

  let left = 0;
  it("a test may end with a process still running (the hook stops it) …", async () => {
    left = (await shellWithGrandchild()).grandchild;
    expect(alive(left)).toBe(true);
  });

  it("… and it is gone once that test has ended", () => {
    expect(left).toBeGreaterThan(0);
    expect(alive(left)).toBe(false);
  });
});
