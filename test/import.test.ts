// npm run import: upserts, hashes passwords, resolves owners, and refuses a bad file with nothing written.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromFile, importDirectory, ImportError } from "../src/directory/import.ts";
import { testDatabase, type TestDatabase } from "./support/harness.ts";
import { scratchDirectory } from "./support/scratch-directory.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.drop());

/** `n` valid users named `prefix<i>`, with the given entries' fields replaced. */
const many = (n: number, prefix: string, changed: Record<number, object>) =>
  Array.from({ length: n }, (_, i) => ({
    username: `${prefix}${i}`,
    role: "client",
    status: "active",
    ...changed[i],
  }));

const count = async (table: string) => Number((await database.db(table).count({ n: "*" }))[0].n);

describe("importDirectory", () => {
  it("upserts users by id, hashes passwords and gives reports their owner", async () => {
    const counts = await importDirectory(
      database.db,
      fromFile({
        users: [
          {
            id: "imported-1",
            username: "imported",
            email: "imported@example.com",
            role: "client",
            status: "active",
            password: "secret-123",
          },
          { username: "no-id", role: "admin", status: "locked" },
        ],
        reports: [{ uuid: "maia-imported00001", owner: "imported", score: 12 }],
      }),
    );
    expect(counts).toEqual({ users: 2, reports: 1 });
    const user = await database.db("users").where({ id: "imported-1" }).first();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect((await database.db("users").where({ username: "no-id" }).first()).id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await database.db("reports").where({ uuid: "maia-imported00001" }).first()).user_id).toBe("imported-1");

    await importDirectory(
      database.db,
      fromFile({ users: [{ id: "imported-1", username: "imported", role: "client", status: "disabled" }] }),
    );
    const again = await database.db("users").where({ id: "imported-1" }).first();
    expect(again).toMatchObject({ status: "disabled", version: 2 });
  });

  it.each([
    [
      "a bad entry",
      {
        users: [
          { username: "fine", role: "client", status: "active" },
          { username: "bad name", role: "client", status: "active" },
        ],
      },
      /users\[1\]\.username/,
    ],
    [
      "an unknown owner",
      {
        users: [{ username: "fine2", role: "client", status: "active" }],
        reports: [{ uuid: "maia-x", owner: "ghost" }],
      },
      /owner 'ghost'/,
    ],
    [
      // Batches of 1000: the third is read and checked while the first two are written.
      "a bad entry in a later batch",
      { users: many(2500, "later", { 2100: { status: "gone" } }) },
      /users\[2100\]\.status/,
    ],
    [
      // The first batch fails in PostgreSQL while the next one, read ahead, is bad too: the first failure is said.
      "a username that is another user's email, with a bad entry read ahead",
      {
        users: many(1500, "ahead", {
          0: { email: "taken@example.com" },
          1: { username: "taken@example.com" },
          1200: { role: "emperor" },
        }),
      },
      /another user's email: .*'taken@example.com'/,
    ],
  ])("refuses %s and writes nothing", async (_why, file, message) => {
    const before = [await count("users"), await count("reports")];
    await expect(importDirectory(database.db, fromFile(file as never))).rejects.toThrow(ImportError);
    await expect(importDirectory(database.db, fromFile(file as never))).rejects.toThrow(message);
    expect([await count("users"), await count("reports")]).toEqual(before);
  });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)("npm run import (streaming a file)", () => {
  const dir = scratchDirectory("users-api-import-");
  const run = (file: string) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/import.ts", file], {
      env: { ...process.env, DATA_DIR: join(dir, "data"), DATABASE_URL: "" },
      timeout: 60_000,
    });

  // Two script runs, each opening an embedded database: slow on a busy machine.
  it(
    "imports a file with a progress line, and refuses broken JSON with a clear message",
    { timeout: 120_000 },
    async () => {
      const file = join(dir, "users.json");
      const users = Array.from({ length: 1200 }, (_, i) => ({
        username: `streamed${i}`,
        role: "client",
        status: "active",
      }));
      writeFileSync(file, JSON.stringify({ reports: [{ uuid: "maia-streamed0001", owner: "streamed7" }], users }));
      const ok = await run(file);
      expect(ok.stdout).toMatch(/imported 1200 users and 1 reports/);
      expect(ok.stderr).toMatch(/importing: pass 1\/2, \d+% of the file, 1000 users/);
      const broken = join(dir, "broken.json");
      writeFileSync(broken, '{"users":[{"username":"x","role":"client","status":"active"}');
      await expect(run(broken)).rejects.toMatchObject({
        stderr: expect.stringMatching(/nothing imported: .* is not valid JSON/),
      });
    },
  );
});
