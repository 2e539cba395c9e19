// Failures a request can provoke deep down are still the client's: PostgreSQL's data exceptions become the
// directory's validation error (src/directory/database-errors.ts, the one translation of PostgreSQL's errors), and
// a token naming a user id PostgreSQL cannot hold is a 401, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromDatabaseError } from "../src/directory/database-errors.ts";
import { ConcurrentChange, DirectoryUnavailable, Invalid, ValueTaken } from "../src/directory/errors.ts";
import { send, startServer, type TestServer } from "./support/harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const failure = (sql: string, bindings: unknown[] = []) =>
  server.db.raw(sql, bindings as never).then(
    () => undefined,
    (error: unknown) => error,
  );

describe("PostgreSQL data exceptions (class 22)", () => {
  it.each([
    ["invalid text representation", "select ?::integer", ["x"]],
    ["untranslatable character", "select convert_from('\\x00'::bytea, 'UTF8')", []],
    ["unsupported Unicode escape in jsonb", `select '{"a\\u0000":1}'::jsonb`, []],
    ["numeric value out of range", "select 2147483648::integer", []],
  ])("%s becomes the directory's validation error", async (_name, sql, bindings) => {
    const error = (await failure(sql, bindings)) as { code: string };
    expect(error.code).toMatch(/^22/);
    expect(fromDatabaseError(error)).toBeInstanceOf(Invalid);
  });
});

describe("other PostgreSQL errors", () => {
  it("a taken username, email or externalId names the field by its unique index", async () => {
    const error = await failure("insert into users (id, username) values ('x', 'ADMIN')");
    expect(fromDatabaseError(error)).toEqual(new ValueTaken("username"));
  });

  it.each([["57P01"], ["08006"], ["ECONNREFUSED"]])("%s: the directory is unavailable (503)", (code) => {
    expect(fromDatabaseError(Object.assign(new Error("gone"), { code }))).toBeInstanceOf(DirectoryUnavailable);
  });

  it.each([["40001"], ["40P01"]])("%s: a concurrent change got in the way (409, retry)", (code) => {
    expect(fromDatabaseError(Object.assign(new Error("retry"), { code }))).toBeInstanceOf(ConcurrentChange);
  });

  it("anything else is left as it is: a fault of ours, a 500", async () => {
    expect(fromDatabaseError(await failure("select * from no_such_table"))).toBeUndefined();
  });
});

describe("a signed token whose subject PostgreSQL cannot hold", () => {
  it.each([
    ["a NUL", "a\u0000b"],
    ["an unpaired surrogate", "a\ud800b"],
  ])("(%s) is a 401, not a 500", async (_why, subject) => {
    const response = await send(server, "GET", "/user/current", {
      headers: { authorization: `Bearer ${server.token(subject)}` },
    });
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ error: 401 });
  });
});
