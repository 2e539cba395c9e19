import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/processes.ts"],
    include: ["test/**/*.test.ts"],
    // Stops the whole PostgreSQL cluster: run alone with `npm run test:outage`.
    exclude: [...configDefaults.exclude, "test/outage/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one worker per core but one; on two cores that is one, and the suites spend much of their
    // time waiting on the servers and receivers they start, so two files at a time finish in about two thirds.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
