// The outage test stops the whole local PostgreSQL cluster: it runs alone, after the main suites.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/processes.ts"],
    include: ["test/outage/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
