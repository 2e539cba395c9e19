// The spec's examples as an examples-driven runner reads them (parameters' `example`, every body example of every
// media type, every header parameter's example), sent as the demo administrator: on one fresh demo directory, every
// example request, in document order, one after the other, gets its documented success, and an answer shaped like
// the documented example response (every member it shows is there, with a value of the same kind). Varied the way
// test/portman/portman-config.yaml varies them, they get the documented errors; with the database unreachable, the
// documented 503 with Retry-After.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/knex.ts";
import { spec } from "../src/spec.ts";
import { send, startServer, type TestServer } from "./support/harness.ts";
import { exampleValue, type NamedExample } from "./support/spec-examples.ts";

interface Parameter {
  name: string;
  in: string;
  example?: unknown;
}
interface Media {
  example?: unknown;
  examples?: Record<string, NamedExample>;
}
interface Operation {
  operationId: string;
  parameters?: ({ $ref: string } | Parameter)[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { $ref?: string; content?: Record<string, Media> }>;
}

/** The documented example response of a status, by media type. */
function responseExamples(operation: Operation, status: number): Record<string, unknown> {
  const documented = operation.responses[String(status)];
  const response = documented?.$ref
    ? (spec.components as unknown as { responses: Record<string, { content?: Record<string, Media> }> }).responses[
        documented.$ref.split("/").pop()!
      ]
    : documented;
  return Object.fromEntries(
    Object.entries(response?.content ?? {}).flatMap(([type, media]) => {
      const example = media.example ?? (media.examples ? exampleValue(Object.values(media.examples)[0]) : undefined);
      return example === undefined ? [] : [[type, example]];
    }),
  );
}

const kindOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** Where `answer` lacks a member `example` shows, or holds a value of another kind (the first array item stands for all). */
function unlike(example: unknown, answer: unknown, at = "body"): string[] {
  if (kindOf(example) !== kindOf(answer)) return [`${at}: ${kindOf(answer)} where the example has ${kindOf(example)}`];
  if (Array.isArray(example) && Array.isArray(answer))
    return example.length > 0 && answer.length === 0
      ? [`${at}: empty where the example has items`]
      : example.length > 0
        ? unlike(example[0], answer[0], `${at}[0]`)
        : [];
  if (kindOf(example) !== "object") return [];
  const given = answer as Record<string, unknown>;
  return Object.entries(example as Record<string, unknown>).flatMap(([key, value]) =>
    key in given ? unlike(value, given[key], `${at}.${key}`) : [`${at}.${key}: missing`],
  );
}

const resolve = (parameter: { $ref: string } | Parameter): Parameter =>
  "$ref" in parameter
    ? (spec.components.parameters as Record<string, Parameter>)[parameter.$ref.split("/").pop()!]
    : parameter;

interface ExampleRequest {
  name: string;
  /** The demo user the request is sent as; none: no token. */
  as?: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  success: number;
  /** The documented example response of the success status, by media type. */
  expected: Record<string, unknown>;
  documented: string[];
  /** The operation's own example request (first media type, first example), as opposed to another body example. */
  first: boolean;
}

const serialize = (type: string, value: unknown) =>
  typeof value === "string"
    ? value
    : type.includes("x-www-form-urlencoded")
      ? formBody(value as Record<string, unknown>)
      : JSON.stringify(value);

function formBody(value: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [key, item] of Object.entries(value)) for (const one of [item].flat()) form.append(key, String(one));
  return form.toString();
}

const requests: ExampleRequest[] = Object.entries(spec.paths).flatMap(([template, item]) => {
  const pathParameters = ((item as { parameters?: Operation["parameters"] }).parameters ?? []).map(resolve);
  return Object.entries(item)
    .filter(([method]) => ["get", "put", "patch", "post", "delete"].includes(method))
    .flatMap(([method, raw]): ExampleRequest[] => {
      const operation = raw as unknown as Operation;
      // An operation's parameter overrides the path's of the same name and location (deleteScimUser's own id).
      const own = (operation.parameters ?? []).map(resolve);
      const parameters = [
        ...pathParameters.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)),
        ...own,
      ];
      const path = parameters
        .filter((p) => p.in === "path")
        .reduce((url, p) => url.replace(`{${p.name}}`, encodeURIComponent(String(p.example))), template);
      const headers = Object.fromEntries(
        parameters.filter((p) => p.in === "header").map((p) => [p.name, String(p.example)]),
      );
      const documented = Object.keys(operation.responses);
      const success = Number(documented.find((status) => status.startsWith("2")));
      const base = {
        as: "admin",
        method: method.toUpperCase(),
        path,
        success,
        expected: responseExamples(operation, success),
        documented,
      };
      if (!operation.requestBody) return [{ ...base, name: operation.operationId, headers, first: true }];
      return Object.entries(operation.requestBody.content).flatMap(([type, media], typeIndex) => {
        const examples =
          media.example !== undefined
            ? [["example", media.example] as const]
            : Object.entries(media.examples ?? {}).map(([name, e]) => [name, exampleValue(e)] as const);
        return examples.map(([name, value], index) => ({
          ...base,
          name: `${operation.operationId} ${type} ${name}`,
          headers: { ...headers, "content-type": type },
          body: serialize(type, value),
          first: typeIndex === 0 && index === 0,
        }));
      });
    });
});

const call = (server: TestServer, request: ExampleRequest) =>
  send(server, request.method, request.path, { as: request.as, headers: request.headers, body: request.body });

const first = requests.filter((r) => r.first);
const contracts = first.filter((r) => r.documented.includes("401"));

interface Variation {
  status: number;
  why: string;
  requests: ExampleRequest[];
  vary(request: ExampleRequest): ExampleRequest;
  requireIfMatch?: boolean;
}

const variations: Variation[] = [
  { status: 401, why: "no token", requests: contracts, vary: (r) => ({ ...r, as: undefined }) },
  // Contract C's example addresses the caller (`current`): another user is user 1, the administrator.
  {
    status: 403,
    why: "a client on another user",
    // A search is not refused: a client finds only itself.
    requests: contracts.filter((r) => r.documented.includes("403")),
    vary: (r) => ({ ...r, as: "user12345", path: r.path.replace(/\/current$/, "/1") }),
  },
  { status: 400, why: "an unknown query parameter", requests: first, vary: (r) => ({ ...r, path: `${r.path}?x=1` }) },
  {
    status: 428,
    why: "no If-Match, where the server requires it",
    requests: first.filter((r) => r.documented.includes("428")),
    vary: (r) => ({
      ...r,
      headers: Object.fromEntries(Object.entries(r.headers).filter(([name]) => name !== "If-Match")),
    }),
    requireIfMatch: true,
  },
];

describe("on a fresh demo directory", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it("every example request, in document order, one after the other, gets its documented success and example's shape", async () => {
    const outcomes = [];
    for (const request of requests) {
      const response = await call(server, request);
      const type = (response.headers.get("content-type") ?? "").split(";")[0];
      const example = request.expected[type];
      const differences = example === undefined || response.json === undefined ? [] : unlike(example, response.json);
      outcomes.push([request.name, response.status, differences]);
    }
    expect(outcomes).toEqual(requests.map((r) => [r.name, r.success, []]));
  });
});

describe.each(variations)("with $why", ({ status, requests: varied, vary, requireIfMatch = false }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ requireIfMatch });
  });
  afterAll(() => server.close());

  it.each(varied.map((r) => [r.name, r] as const))(`%s: ${status}`, async (_name, request) => {
    const response = await call(server, vary(request));
    expect(response.status, response.text).toBe(status);
    if (status === 401) expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
  });
});

describe("with the database unreachable", () => {
  let server: TestServer;
  const db = openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/unreachable", poolMax: 1 });
  beforeAll(async () => {
    server = await startServer({}, { database: { db, drop: () => db.destroy() } });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  const needDatabase = first.filter((r) => r.documented.includes("503"));
  it.each(needDatabase.map((r) => [r.name, r] as const))("%s: 503 with Retry-After", async (_name, request) => {
    const response = await call(server, request);
    expect(response.status, response.text).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
  });
});
