// The real server process: graceful shutdown on SIGTERM, and no acknowledged write lost to SIGTERM or SIGKILL.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "../scripts/server-process.ts";
import { DataDirInUseError } from "../src/db/data-dir-lock.ts";
import { DEMO_ADMIN_ID } from "../src/db/demo.ts";
import { openDatabase } from "../src/db/knex.ts";
import { signToken } from "../src/tokens.ts";
import { TEST_KEYS, TEST_SECRET, testDatabase, type TestDatabase } from "./support/harness.ts";
import { scratchDirectory } from "./support/scratch-directory.ts";

const authorization = `Bearer ${signToken(TEST_KEYS, DEMO_ADMIN_ID)}`;

const start = (env: Record<string, string>) =>
  startServerProcess(["--import", "tsx", "src/main.ts"], { ...env, JWT_SECRET: TEST_SECRET, LOG_LEVEL: "warn" });

const put = (server: ServerProcess, body: object) =>
  fetch(`${server.url}/user/5`, {
    method: "PUT",
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const read = async (server: ServerProcess) =>
  (await (await fetch(`${server.url}/user/5`, { headers: { authorization } })).json()) as { data: unknown };

const onPostgres = !!process.env.TEST_DATABASE_URL;
// Each test starts real server processes (and opens embedded databases): minutes on a busy machine, not seconds.
const processTests = { timeout: 120_000 };

describe.skipIf(onPostgres)("embedded database", processTests, () => {
  const dataDir = scratchDirectory("users-api-durability-");
  const env = { DATA_DIR: dataDir, DATABASE_URL: "" };

  /** A new server on the same directory serves `data` as user 5's, and stops cleanly. */
  async function expectAfterRestart(data: unknown) {
    const again = await start(env);
    expect((await read(again)).data).toEqual(data);
    again.child.kill("SIGTERM");
    expect(await again.exit).toBe(0);
  }

  it("SIGTERM finishes in-flight requests and exits 0; an acknowledged write survives it", async () => {
    const server = await start(env);
    // A password change hashes with argon2id: still in flight when SIGTERM arrives.
    const inFlight = put(server, { password: "graceful-passw0rd", data: { step: "sigterm" } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill("SIGTERM");
    expect((await inFlight).status).toBe(204);
    expect(await server.exit).toBe(0);
    await expectAfterRestart({ step: "sigterm" });
  });

  it("an acknowledged write survives SIGKILL", async () => {
    const server = await start(env);
    expect((await put(server, { data: { step: "sigkill" } })).status).toBe(204);
    server.child.kill("SIGKILL");
    await server.exit;
    // The killed server's lock stays behind; the next start sees its holder is gone and takes it over.
    expect(existsSync(join(dataDir, "users-api.lock"))).toBe(true);
    await expectAfterRestart({ step: "sigkill" });
  });

  it("while the server runs, no other process opens its data directory; once it stops, one can", async () => {
    const server = await start(env);
    expect(() => openDatabase({ kind: "embedded", dataDir })).toThrow(DataDirInUseError);
    expect(() => openDatabase({ kind: "embedded", dataDir })).toThrow(`in use by process ${server.child.pid}`);
    const token = await runTokenScript(env);
    expect(token.code).toBe(1);
    expect(token.stderr).toContain(`is in use by process ${server.child.pid}`);
    expect((await put(server, { data: { step: "still serving" } })).status).toBe(204);
    server.child.kill("SIGTERM");
    expect(await server.exit).toBe(0);
    expect(existsSync(join(dataDir, "users-api.lock"))).toBe(false);
    const db = openDatabase({ kind: "embedded", dataDir });
    expect((await db("users").where({ num: 5 }).first()).attributes).toEqual({ step: "still serving" });
    await db.destroy();
  });
});

function runTokenScript(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/token.ts", "admin"],
      { env: { ...process.env, ...env, JWT_SECRET: TEST_SECRET } },
      (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
    );
  });
}

describe.runIf(onPostgres)("PostgreSQL pool", processTests, () => {
  let database: TestDatabase;
  afterAll(() => database?.drop());

  it("SIGTERM finishes in-flight requests, closes the pool and exits 0", async () => {
    database = await testDatabase();
    const server = await start({ DATABASE_URL: database.url! });
    const inFlight = put(server, { password: "graceful-passw0rd", data: { step: "sigterm" } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill("SIGTERM");
    expect((await inFlight).status).toBe(204);
    expect(await server.exit).toBe(0);
    const row = await database.db("users").where({ num: 5 }).first();
    expect(row.attributes).toEqual({ step: "sigterm" });
  });
});
