// Property-based conformance: requests generated from openapi.yaml (valid, then with one constraint broken)
// against the live server. Every answer must be a documented status, never a 5xx, and (the test server
// validates every response against the spec) a documented body. CONFORMANCE_RUNS sets the cases per property
// (default 200), CONFORMANCE_SEED the seed; a failure prints both and the request.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { spec } from "../src/spec.ts";
import { arbitraryOf, violations } from "./support/arbitrary.ts";
import { demoId, send, startServer, type TestServer } from "./support/harness.ts";

const RUNS = Number(process.env.CONFORMANCE_RUNS ?? 200);
const SEED = Number(process.env.CONFORMANCE_SEED ?? 20261122);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const ids = ["admin", "tdurden", "jonny1", "user12345", "dhclient", "jlopez"].map(demoId);
const reportUuids = ["maia-8439cc39b63b", "maia-c6cbaa76ba8f", "maia-3b5a054c593d", "maia-f95a8582aea5"];
const absent = fc.constant(undefined);

/**
 * Per operation: identifiers to read (including unknown ones), identifiers to write (never the administrator
 * the requests run as, so that no generated request demotes it), hints for values the schema cannot express,
 * and the one cross-field rule (contract B's body id equals the path id).
 */
interface Operation {
  template: string;
  reads: fc.Arbitrary<string>;
  writes: fc.Arbitrary<string>;
  body: string;
  hints: Record<string, fc.Arbitrary<unknown>>;
  fix: (body: Record<string, unknown>, param: string) => Record<string, unknown>;
}

const operations: Operation[] = [
  {
    template: "/api/management/security/users/{userIdentifier}",
    reads: fc.constantFrom(...ids, "tdurden", "t.durden@fightclub.com", "@current", "nobody"),
    writes: fc.constantFrom(...ids.slice(1).filter((id) => id.includes("-")), "nobody"),
    body: "ContensisUserUpdate",
    hints: {
      timezone: fc.constantFrom("America/New_York", "Europe/Paris", "UTC", "Asia/Tokyo", null),
      language: fc.constantFrom("en-US", "fr", "de-CH", "zh-Hant-TW", null),
      id: absent,
      sys: absent,
    },
    fix: (body) => body,
  },
  {
    template: "/user/{id}/profile",
    reads: fc.constantFrom("admin", "tdurden", "jonny1", "jlopez", "nobody"),
    writes: fc.constantFrom("tdurden", "jonny1", "jlopez", "dhclient", "nobody"),
    body: "CamundaProfileUpdate",
    hints: {},
    fix: (body, param) => ("id" in body ? { ...body, id: param } : body),
  },
  {
    template: "/user/{id}",
    reads: fc.constantFrom("1", "2", "3", "4", "5", "6", "current", "404"),
    writes: fc.constantFrom("2", "3", "4", "5", "6", "404"),
    body: "DeviceHiveUserUpdate",
    hints: {},
    fix: (body) => body,
  },
  {
    template: "/users/{id}",
    reads: fc.constantFrom(...ids, "12399"),
    writes: fc.constantFrom(...ids.slice(1), "12399"),
    body: "StrapiUserUpdate",
    hints: {
      role: fc.constantFrom("1", "2", "admin", "client", "Administrator", "Authenticated"),
      reports: fc.subarray(reportUuids),
    },
    fix: (body) => body,
  },
  {
    template: "/scim/v2/Users/{id}",
    reads: fc.constantFrom(...ids, "nobody"),
    writes: fc.constantFrom(...ids.slice(1), "nobody"),
    body: "ScimUserReplace",
    hints: {
      timezone: fc.constantFrom("America/New_York", "Europe/Paris", "UTC", null),
      preferredLanguage: fc.constantFrom("en-US", "fr", "de-CH", null),
    },
    fix: (body) => body,
  },
];

const documented = (template: string, method: string) =>
  Object.keys((spec.paths[template][method] as { responses: object }).responses).map(Number);
const pathOf = (template: string, param: string) => template.replace(/\{[^}]+\}/, encodeURIComponent(param));

async function call(method: string, path: string, body?: unknown, type = "application/json") {
  const options =
    body === undefined
      ? { as: "admin" }
      : {
          as: "admin",
          headers: { "content-type": type },
          body: typeof body === "string" ? body : JSON.stringify(body),
        };
  return send(server, method, path, options);
}

function expectConformant(response: Awaited<ReturnType<typeof call>>, statuses: number[], request: string) {
  const where = `${request} → ${response.status} ${response.text.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  expect(statuses, where).toContain(response.status);
  if (response.status !== 204)
    expect(response.headers.get("content-type"), where).toMatch(/^application\/(scim\+)?json/);
  if (response.status === 200 || response.status === 204)
    expect(response.headers.get("etag"), where).toMatch(/^"\d+"$/);
}

const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };

describe.each(operations)("$template", ({ template, reads, writes, body, hints, fix }) => {
  const schema = spec.components.schemas[body];

  it(`GET: ${RUNS} generated identifiers answer documented statuses`, async () => {
    const statuses = documented(template, "get");
    await fc.assert(
      fc.asyncProperty(fc.oneof(reads, fc.string({ maxLength: 300 })), async (param) => {
        const path = pathOf(template, param);
        expectConformant(await call("GET", path), statuses, `GET ${path}`);
      }),
      settings,
    );
  });

  it(`PUT: ${RUNS} valid bodies answer documented statuses, mostly 2xx`, async () => {
    const statuses = documented(template, "put");
    const outcomes: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(writes, arbitraryOf(schema, 0, hints), async (param, generated) => {
        const path = pathOf(template, param);
        const valid = fix(generated as Record<string, unknown>, param);
        const response = await call("PUT", path, valid);
        expectConformant(response, statuses, `PUT ${path} ${JSON.stringify(valid)}`);
        outcomes[response.status] = (outcomes[response.status] ?? 0) + 1;
      }),
      settings,
    );
    // Valid bodies fail only for reasons of state (an unknown id, a username another user holds).
    const succeeded = (outcomes[200] ?? 0) + (outcomes[204] ?? 0);
    expect(succeeded, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(RUNS * 0.6);
  });

  it(`PUT: ${RUNS} bodies with one constraint broken are refused with a documented 4xx`, async () => {
    const statuses = documented(template, "put");
    await fc.assert(
      fc.asyncProperty(writes, arbitraryOf(schema, 0, hints), fc.nat(), async (param, generated, pick) => {
        const broken = violations(schema, fix(generated as Record<string, unknown>, param));
        const { why, body: invalid } = broken[pick % broken.length];
        const path = pathOf(template, param);
        const response = await call("PUT", path, invalid);
        expectConformant(response, statuses, `PUT ${path} (${why}) ${JSON.stringify(invalid)}`);
        expect(response.status, `${why}: ${response.text}`).toBeGreaterThanOrEqual(400);
      }),
      settings,
    );
  });

  it("PUT with an undocumented media type is 415", async () => {
    const response = await call("PUT", pathOf(template, "2"), "{}", "text/plain");
    expect(response.status).toBe(415);
  });
});

describe("stateful", () => {
  const readAll = async (id: string, username: string, num: number) =>
    Promise.all(
      [
        `/api/management/security/users/${id}`,
        `/user/${encodeURIComponent(username)}/profile`,
        `/user/${num}`,
        `/users/${id}`,
        `/scim/v2/Users/${id}`,
      ].map((path) => call("GET", path)),
    );

  it(`GET → PUT → GET agrees, and every contract then shows the same version (${Math.max(20, RUNS / 10)} runs)`, async () => {
    const schema = spec.components.schemas.StrapiUserUpdate;
    const fields = ["username", "email", "provider", "confirmed"];
    await fc.assert(
      fc.asyncProperty(arbitraryOf(schema), async (generated) => {
        const body = Object.fromEntries(Object.entries(generated as object).filter(([key]) => fields.includes(key)));
        const before = await call("GET", `/users/${ids[5]}`);
        const put = await send(server, "PUT", `/users/${ids[5]}`, {
          as: "admin",
          headers: { "content-type": "application/json", "if-match": before.headers.get("etag")! },
          body: JSON.stringify(body),
        });
        if (put.status !== 200) return; // e.g. 409 when the generated username belongs to another user
        const after = await call("GET", `/users/${ids[5]}`);
        expect(after.json).toEqual(put.json);
        expect(after.json).toMatchObject(body);
        const row = await server.db("users").where({ id: ids[5] }).first();
        const views = await readAll(row.id, row.username, row.num);
        expect(views.map((v) => v.status)).toEqual([200, 200, 200, 200, 200]);
        expect(new Set(views.map((v) => v.headers.get("etag")))).toEqual(new Set([after.headers.get("etag")]));
        // A stale ETag is refused.
        const stale = await send(server, "PUT", `/users/${ids[5]}`, {
          as: "admin",
          headers: { "content-type": "application/json", "if-match": before.headers.get("etag")! },
          body: JSON.stringify({ confirmed: !row.confirmed }),
        });
        expect(stale.status).toBe(put.headers.get("etag") === before.headers.get("etag") ? 200 : 412);
      }),
      { ...settings, numRuns: Math.max(20, RUNS / 10) },
    );
  });
});

describe("methods and routes", () => {
  const methods = ["get", "put", "post", "delete", "patch"];
  const cases = Object.entries(spec.paths).flatMap(([template, item]) => {
    const allowed = methods.filter((m) => m in item);
    return methods.filter((m) => !allowed.includes(m)).map((m) => [m.toUpperCase(), template, allowed] as const);
  });

  it.each(cases)("%s %s is 405 with Allow", async (method, template, allowed) => {
    const response = await call(method, pathOf(template, "jlopez"), method === "GET" ? undefined : {});
    expect(response.status).toBe(405);
    const allow = (response.headers.get("allow") ?? "").split(/,\s*/).map((m) => m.toLowerCase());
    expect(allow.sort()).toEqual(expect.arrayContaining(allowed));
  });

  it.each(["/", "/user", "/users", "/users/a/b", "/api/management/security/users", "/openapi.yml"])(
    "%s is 404 in the generic body",
    async (path) => {
      const response = await call("GET", path);
      expect(response.status).toBe(404);
      expect(response.json).toEqual({ code: 404, message: "No such path." });
    },
  );
});
