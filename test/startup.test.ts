// What start-up prints: a demo administrator token only when this start loaded the demo directory (or DEMO=1 asks
// for it now, with a warning); never on a directory that merely still holds the demo administrator.
import { afterAll, describe, expect, it } from "vitest";
import { startServerProcess, stopServerProcess } from "../scripts/server-process.ts";
import { TEST_SECRET, testDatabase, type TestDatabase } from "./support/harness.ts";
import { scratchDirectory } from "./support/scratch-directory.ts";

/** Starts the server with `env`, and returns what it printed on stdout once ready, then stops it. */
async function printed(env: Record<string, string>): Promise<string> {
  const server = await startServerProcess(
    ["--import", "tsx", "src/main.ts"],
    { JWT_SECRET: TEST_SECRET, LOG_LEVEL: "warn", ...env },
    { captureStdout: true },
  );
  await stopServerProcess(server);
  return server.stdout();
}

// Real server processes, each opening a database: minutes on a busy machine, not seconds.
const processTests = { timeout: 120_000 };

describe.skipIf(!!process.env.TEST_DATABASE_URL)("embedded database", processTests, () => {
  const dataDir = scratchDirectory("users-api-startup-");
  const env = { DATA_DIR: dataDir, DATABASE_URL: "" };

  it("prints a token on the start that loads the demo directory, and not on later starts", async () => {
    expect(await printed(env)).toMatch(/TOKEN=\S+/);
    expect(await printed(env)).not.toContain("TOKEN=");
  });

  it("DEMO=1 prints one again, with a warning not to use it in production", async () => {
    const output = await printed({ ...env, DEMO: "1", LOG_LEVEL: "info" });
    expect(output).toMatch(/TOKEN=\S+/);
    expect(output).toMatch(/DEMO=1: printing a demo administrator token; do not set DEMO=1 on a production directory/);
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)("PostgreSQL", processTests, () => {
  let database: TestDatabase;
  afterAll(() => database?.drop());

  it("a directory that holds the demo administrator gets no token printed unless DEMO=1 is set now", async () => {
    database = await testDatabase();
    expect(await printed({ DATABASE_URL: database.url! })).not.toContain("TOKEN=");
    expect(await printed({ DATABASE_URL: database.url!, DEMO: "1" })).toMatch(/TOKEN=\S+/);
  });
});
