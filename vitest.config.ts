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
  },
});
