// What the SCIM suites (test/scim/*.test.ts) share: a server on a fresh demo directory per file, reset before each
// test, the spec's SCIM examples, requests to /scim/v2/Users and the checks every SCIM answer must pass.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { spec } from "../../src/spec.ts";
import { demoId, send, startServer, type TestServer } from "../support/harness.ts";
import { exampleValue, type NamedExample } from "../support/spec-examples.ts";

/** The file's server (a live binding: set once useScimServer's beforeAll has run). */
export let server: TestServer;

/** A server of the file's own, started before its tests, reset before each and closed after them. */
export function useScimServer(): void {
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());
}

export const BJENSEN = demoId("bjensen");
export const TDURDEN = demoId("tdurden");
export const DHCLIENT = demoId("dhclient");
export const ADMIN = demoId("admin");
export const UNKNOWN = "00000000-0000-4000-8000-000000000000";

export const USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCIM_JSON = "application/scim+json";

export type Answer = Awaited<ReturnType<typeof send>>;
interface Media {
  example?: unknown;
  examples?: Record<string, NamedExample>;
}
interface Documented {
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}

// The spec's examples, read where they are written.
export const operation = (path: string, method: string) => spec.paths[path][method] as unknown as Documented;
const usersPath = "/scim/v2/Users/{id}";
export const putExample = exampleValue(
  operation(usersPath, "put").requestBody!.content[SCIM_JSON].examples!.bjensen,
) as Record<string, any>;
const patchExample = (name: string) =>
  exampleValue(operation(usersPath, "patch").requestBody!.content[SCIM_JSON].examples![name]);
export const patchExamples = {
  update: { value: patchExample("update") },
  deactivate: { value: patchExample("deactivate") },
};
const responseExamples = (
  spec.components as unknown as { responses: Record<string, { content: Record<string, Media> }> }
).responses;
export const userExample = responseExamples.ScimUserOk.content[SCIM_JSON].example as Record<string, any>;

export const location = (id: string) => `/scim/v2/Users/${encodeURIComponent(id)}`;
export const row = (id = BJENSEN) => server.db("users").where({ id }).first();
export const audit = (id = BJENSEN) => server.db("audit").where({ user_id: id });

export interface Options {
  id?: string;
  as?: string;
  headers?: Record<string, string>;
}
export const get = ({ id = BJENSEN, as = "admin", headers }: Options = {}) =>
  send(server, "GET", location(id), { as, headers });
export const write = (method: "PUT" | "PATCH", body: unknown, { id = BJENSEN, as = "admin", headers }: Options = {}) =>
  send(server, method, location(id), {
    as,
    headers: { "content-type": SCIM_JSON, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
export const put = (body: unknown, options?: Options) => write("PUT", body, options);
export const patch = (operations: unknown[], options?: Options) =>
  write("PATCH", { schemas: [PATCH_OP_URN], Operations: operations }, options);

/** A User answer: 200 in SCIM's media type, its ETag repeated as meta.version; the resource. */
export function resource(answer: Answer): Record<string, any> {
  expect(answer.status, answer.text).toBe(200);
  expect(answer.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  expect(answer.json.meta.version).toBe(answer.headers.get("etag"));
  return answer.json;
}

/** A SCIM error answer: the status, in SCIM's media type and Error message (status as a string). */
export function scimError(answer: Answer, status: number, scimType?: string): Record<string, any> {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  expect(answer.json).toMatchObject({ schemas: [ERROR_URN], status: String(status), detail: expect.any(String) });
  if (scimType) expect(answer.json.scimType).toBe(scimType);
  return answer.json;
}

export const version = (user: Record<string, any>) => Number(JSON.parse(user.meta.version as string));
export const { meta: _meta, ...bjensenAttributes } = userExample;

/** bjensen as the response example shows her, with the given attributes changed, and a newer meta. */
export const bjensenWith = (changes: Record<string, unknown>, metaVersion = '"2"') => ({
  ...bjensenAttributes,
  ...changes,
  meta: { ...userExample.meta, created: expect.any(String), lastModified: expect.any(String), version: metaVersion },
});
