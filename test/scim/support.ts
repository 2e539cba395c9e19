// What the SCIM suites (test/scim/*.test.ts) share: a server on a fresh demo directory per file, reset before each
// test, the spec's SCIM examples, requests to /scim/v2/Users (one user, its creation and deletion, searches) and the
// checks every SCIM answer must pass.
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
export const LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const SEARCH_REQUEST_URN = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
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
export const createdExample = responseExamples.ScimUserCreated.content[SCIM_JSON].example as Record<string, any>;
export const createExample = exampleValue(
  operation("/scim/v2/Users", "post").requestBody!.content[SCIM_JSON].examples!.okta,
) as Record<string, any>;

/** The server the spec's examples show their URIs under (`meta.location`). */
const SPEC_BASE = (spec as unknown as { servers: { url: string }[] }).servers[0].url;

/** A spec example as a server at `base` serves it: its URIs under that server instead of the spec's. */
export const servedAt = <T>(example: T, base = server.baseUrl): T =>
  JSON.parse(JSON.stringify(example).replaceAll(`"${SPEC_BASE}/scim/v2/`, `"${base}/scim/v2/`)) as T;

/** The path of a user's resource, to send requests to. */
export const location = (id: string) => `/scim/v2/Users/${encodeURIComponent(id)}`;
/** The absolute URI of a user's resource, as meta.location, Content-Location and Location give it. */
export const userUri = (id: string, base = server.baseUrl) => base + location(id);
export const row = (id = BJENSEN) => server.db("users").where({ id }).first();
export const audit = (id = BJENSEN) => server.db("audit").where({ user_id: id });

export interface Options {
  id?: string;
  as?: string;
  headers?: Record<string, string>;
  /** The query string (`attributes`, `excludedAttributes`). */
  query?: Record<string, string>;
}
const withQuery = (path: string, query?: Record<string, string>) =>
  query ? `${path}?${new URLSearchParams(query).toString()}` : path;
const scimBody = (body: unknown) => (typeof body === "string" ? body : JSON.stringify(body));

export const get = ({ id = BJENSEN, as = "admin", headers, query }: Options = {}) =>
  send(server, "GET", withQuery(location(id), query), { as, headers });
export const write = (
  method: "PUT" | "PATCH",
  body: unknown,
  { id = BJENSEN, as = "admin", headers, query }: Options = {},
) =>
  send(server, method, withQuery(location(id), query), {
    as,
    headers: { "content-type": SCIM_JSON, ...headers },
    body: scimBody(body),
  });
export const put = (body: unknown, options?: Options) => write("PUT", body, options);
export const patch = (operations: unknown[], options?: Options) =>
  write("PATCH", { schemas: [PATCH_OP_URN], Operations: operations }, options);
/** POST /scim/v2/Users. */
export const create = (body: unknown, { as = "admin", headers, query }: Omit<Options, "id"> = {}) =>
  send(server, "POST", withQuery("/scim/v2/Users", query), {
    as,
    headers: { "content-type": SCIM_JSON, ...headers },
    body: scimBody(body),
  });
/** DELETE /scim/v2/Users/{id}. */
export const remove = ({ id = BJENSEN, as = "admin", headers }: Omit<Options, "query"> = {}) =>
  send(server, "DELETE", location(id), { as, headers });
/** GET /scim/v2/Users with these query parameters (`cursor: ""` sends `cursor=`). */
export const list = (query: Record<string, string | number> = {}, as = "admin") =>
  send(server, "GET", withQuery("/scim/v2/Users", stringValues(query)), { as });
/** POST /scim/v2/Users/.search with a SearchRequest holding these parameters. */
export const search = (parameters: Record<string, unknown> = {}, as = "admin") =>
  send(server, "POST", "/scim/v2/Users/.search", {
    as,
    headers: { "content-type": SCIM_JSON },
    body: JSON.stringify({ schemas: [SEARCH_REQUEST_URN], ...parameters }),
  });
const stringValues = (query: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(query).map(([name, value]) => [name, String(value)]));

/** A user to create: a userName and the attributes given. */
export const newUser = (userName: string, attributes: Record<string, unknown> = {}) => ({
  schemas: [USER_URN],
  userName,
  ...attributes,
});

/** The SCIM media type, the ETag repeated as meta.version, and the URI at `base` as meta.location and Content-Location. */
function checkUser(answer: Answer, base: string): void {
  expect(answer.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  expect(answer.json.meta.version).toBe(answer.headers.get("etag"));
  expect(answer.json.meta.location).toBe(userUri(answer.json.id as string, base));
  expect(answer.headers.get("content-location")).toBe(answer.json.meta.location);
}

/**
 * A User answer: 200 in SCIM's media type, its ETag repeated as meta.version, its URI (on the server at `base`) as
 * meta.location and Content-Location; the resource.
 */
export function resource(answer: Answer, base = server.baseUrl): Record<string, any> {
  expect(answer.status, answer.text).toBe(200);
  checkUser(answer, base);
  return answer.json;
}

/** A creation's answer: 201, a User answer as `resource` checks it, and its URI in Location too; the resource. */
export function created(answer: Answer, base = server.baseUrl): Record<string, any> {
  expect(answer.status, answer.text).toBe(201);
  checkUser(answer, base);
  expect(answer.headers.get("location")).toBe(answer.json.meta.location);
  return answer.json;
}

/** A ListResponse answer: 200 in SCIM's media type; the list. */
export function listed(answer: Answer): Record<string, any> {
  expect(answer.status, answer.text).toBe(200);
  expect(answer.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  expect(answer.json.schemas).toEqual([LIST_RESPONSE_URN]);
  expect(answer.json.itemsPerPage).toBe(answer.json.Resources.length);
  return answer.json;
}

/** The userNames of a list's resources, in its order. */
export const userNames = (list: Record<string, any>) =>
  (list.Resources as { userName: string }[]).map((user) => user.userName);

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

/** bjensen as the response example shows her (at this server's URI), with the given attributes changed, and a newer meta. */
export const bjensenWith = (changes: Record<string, unknown>, metaVersion = '"2"'): Record<string, any> => ({
  ...bjensenAttributes,
  ...changes,
  meta: {
    ...userExample.meta,
    created: expect.any(String),
    lastModified: expect.any(String),
    location: userUri(BJENSEN),
    version: metaVersion,
  },
});

// The directory of the search suites (search.test.ts, search-pages.test.ts): the demo's administrator, pinned, and
// six users of their own, created through POST in an order that is not the alphabetical one.
export const BOB = "Bob.Builder@Example.com";
const SEARCHED = [
  newUser("carol", {
    externalId: "OKTA-CAROL",
    name: { givenName: "Carol", familyName: "Chen" },
    emails: [{ value: "carol@other.example.net", type: "other" }],
    active: false,
  }),
  newUser(BOB, {
    externalId: "okta-bob",
    name: { givenName: "Bob", familyName: "Builder" },
    displayName: "Bobby",
    emails: [{ value: "bob@corp.example.com", type: "work" }],
    timezone: "America/New_York",
  }),
  newUser("erin_50%", {
    name: { givenName: "Erin", familyName: "Evans" },
    emails: [{ value: "erin@corp.example.com", type: "work", primary: true }],
  }),
  newUser("alice", {
    externalId: "Okta-ALICE",
    name: { givenName: "Alice", familyName: "Archer" },
    emails: [
      { value: "zz.alice@home.example.org", type: "home" },
      { value: "alice@corp.example.com", type: "work", primary: true },
    ],
    timezone: "Europe/Paris",
    locale: "fr-FR",
    preferredLanguage: "fr",
  }),
  newUser("frank", {
    name: { givenName: "Frank", familyName: "Doe" },
    emails: [{ value: "frank@fightclub.com", type: "work", primary: true }],
    locale: "en-US",
    preferredLanguage: "en-US",
    timezone: "America/Los_Angeles",
  }),
  newUser("dave"),
];
/** Every user of the search suites' directory, in the order they were created (a search's default order). */
export const ALL = ["admin", ...SEARCHED.map((user) => user.userName)];

/**
 * Before each test (after useScimServer's reset), the search suites' directory: the other demo users gone, the
 * administrator as Ada Admin with admin@example.com and no addresses of its own (whatever the demo gives it), and the
 * users above. Their ids, by userName.
 */
export function useSearchDirectory(): Record<string, string> {
  const ids: Record<string, string> = {};
  beforeEach(async () => {
    await server.db("users").whereNot({ id: ADMIN }).del();
    await server.db("users").where({ id: ADMIN }).update({
      first_name: "Ada",
      last_name: "Admin",
      email: "admin@example.com",
      emails: null,
      display_name: null,
      formatted_name: null,
      external_id: null,
      locale: null,
      language: null,
      timezone: null,
    });
    for (const user of SEARCHED) ids[user.userName] = created(await create(user)).id as string;
  });
  return ids;
}
