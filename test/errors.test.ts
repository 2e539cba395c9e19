// Failures a request can provoke deep down are still the client's: PostgreSQL's data exceptions become the
// contract's validation error, and a token naming a user id PostgreSQL cannot hold is a 401, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toApiError } from "../src/http/render-error.ts";
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
  ])("%s becomes the contract's validation error", async (_name, sql, bindings) => {
    const error = (await failure(sql, bindings)) as { code: string };
    expect(error.code).toMatch(/^22/);
    expect(toApiError(error)).toMatchObject({ kind: "invalid", status: 400 });
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
