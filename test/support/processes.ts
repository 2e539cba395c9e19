// Every process a test file starts is stopped: those a test starts when that test ends (passed, failed or timed
// out), those a file's beforeAll starts when the file ends. Registered for every file in vitest.config.ts.
import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeEach } from "vitest";
import { runningProcesses, stopGroup } from "../../scripts/server-process.ts";

let beforeTest = new Set<ChildProcess>();

const stopAll = (children: Iterable<ChildProcess>) =>
  Promise.all([...children].map((child) => stopGroup(child, "SIGKILL")));

beforeEach(() => {
  beforeTest = new Set(runningProcesses());
});

afterEach(async () => {
  await stopAll([...runningProcesses()].filter((child) => !beforeTest.has(child)));
});

afterAll(async () => {
  await stopAll(runningProcesses());
});
