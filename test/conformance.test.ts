// Property-based conformance: requests generated from openapi.yaml (valid, then with one constraint broken)
// against the live server. Every answer must be a documented status, never a 5xx, and (the test server
// validates every response against the spec) a documented body. CONFORMANCE_RUNS sets the cases per property
// (default 200), CONFORMANCE_SEED the seed; a failure prints both and the request.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findRoute, lenientPath, spec } from "../src/spec.ts";
import { arbitraryOf, scimAttributeList, scimFilter, scimListQuery, violations } from "./support/arbitrary.ts";
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
    body: "ScimUserWrite",
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

/**
 * The documented operation a request reaches once its URL is normalised (`.` and `..` segments) and, under
 * /scim/v2/, its case and a trailing slash set aside: an empty or `.` id makes /scim/v2/Users/{id} the list.
 */
function reachedOperation(path: string, method: string) {
  const normalised = new URL(path, "http://localhost").pathname;
  const route = findRoute(normalised) ?? findRoute(lenientPath(normalised) ?? "");
  return route && { template: route.template, operation: route.operations[method] };
}

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
        const reached = reachedOperation(path, "get");
        const response = await call("GET", path);
        if (reached && reached.template !== template) {
          // Another documented path (the SCIM list, for an empty id): its GET's statuses, or 405 when it has none.
          const where = `GET ${path} (${reached.template}) → ${response.status} ${response.text.slice(0, 300)}`;
          expect(reached.operation ? documented(reached.template, "get") : [405], where).toContain(response.status);
          return;
        }
        expectConformant(response, statuses, `GET ${path}`);
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
        const broken = violations(schema, fix(generated as Record<string, unknown>, param), {
          lenientBooleans: template.startsWith("/scim/"),
        });
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

const SCIM_USERS = "/scim/v2/Users";
type ScimResource = Record<string, any>;

/** RFC 7643 §2.4: at most one address is primary (a rule across values that the schema cannot state). */
function onePrimary(body: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(body.emails)) return body;
  let seen = false;
  const emails = (body.emails as Record<string, unknown>[]).map((email) => {
    if (email.primary !== true) return email;
    if (!seen) return ((seen = true), email);
    return { ...email, primary: false };
  });
  return { ...body, emails };
}

const scimHints = {
  timezone: fc.constantFrom("America/New_York", "Europe/Paris", "UTC", null),
  preferredLanguage: fc.constantFrom("en-US", "fr", "de-CH", null),
};

/** What a SCIM 200 or 201 always holds, whatever was asked. */
function expectScimList(list: ScimResource, where: string) {
  expect(list.schemas, where).toEqual(["urn:ietf:params:scim:api:messages:2.0:ListResponse"]);
  expect(list.itemsPerPage, where).toBe(list.Resources.length);
  if (list.totalResults !== undefined) expect(list.totalResults, where).toBeGreaterThanOrEqual(list.itemsPerPage);
  for (const resource of list.Resources)
    expect(Object.keys(resource), where).toEqual(expect.arrayContaining(["id", "schemas"]));
}

/** Users beside the demo directory's, for the search oracle: several addresses, none, names given or derived. */
const ORACLE_USERS = [
  {
    userName: "multi.mail@example.org",
    externalId: "Ext-1",
    name: { formatted: "Dr. Multi Mail", givenName: "multi" },
    displayName: "MM",
    emails: [
      { value: "a.home@x.test", type: "home" },
      { value: "B.Work@X.test", type: "work", primary: true },
      { value: "other@x.test" },
    ],
  },
  { userName: "noname", emails: [] },
  {
    userName: "pct%_user",
    active: false,
    emails: [{ value: "odd_1@x.test", type: "other", primary: false }],
    timezone: "Europe/Paris",
    locale: "fr_FR",
    preferredLanguage: "fr",
  },
  { userName: "Upper.Case@Example.com", name: { familyName: "Zed" } },
  { userName: "blank", displayName: "", name: { givenName: "" } },
];

type OracleFilter =
  | { kind: "compare"; attribute: string; op: string; value: string | boolean }
  | { kind: "present"; attribute: string }
  | { kind: "and" | "or"; left: OracleFilter; right: OracleFilter }
  | { kind: "not"; filter: OracleFilter }
  /** `emails[…]`: one address meets the inner filter, whose attributes are an address's. */
  | { kind: "emails"; filter: OracleFilter };

/** String attributes of the User, whether they compare exactly (the schema's caseExact), and their values' shape. */
const STRINGS: Record<string, { exact: boolean; ordered: boolean }> = {
  userName: { exact: false, ordered: true },
  "name.givenName": { exact: false, ordered: true },
  "name.familyName": { exact: false, ordered: true },
  "name.formatted": { exact: false, ordered: false },
  displayName: { exact: false, ordered: false },
  externalId: { exact: true, ordered: false },
  timezone: { exact: true, ordered: false },
  locale: { exact: false, ordered: false },
  preferredLanguage: { exact: false, ordered: false },
  id: { exact: true, ordered: false },
};
const ADDRESS_STRINGS: Record<string, { exact: boolean }> = { value: { exact: false }, type: { exact: false } };

const oracleText = fc.oneof(
  fc.constantFrom(
    "bjensen",
    "BJENSEN",
    "jensen",
    "b",
    "",
    "example",
    "example.com",
    "@",
    "x.test",
    "work",
    "home",
    "other",
    "Barbara",
    "barbara jensen",
    "mm",
    "%",
    "_",
    "\\",
    "user",
    "zed",
    "Dr.",
    "Ext-1",
    "ext-1",
    "Europe/Paris",
    "fr",
    "admin@example.com",
  ),
  fc.stringMatching(/^[a-z@._%]{0,3}$/),
);
// Orderings only on values whose order is the same in every collation (letters and digits, compared as a prefix).
const orderedText = fc.stringMatching(/^[a-z0-9]{0,3}$/);

const stringCompare = (attributes: Record<string, { exact: boolean; ordered?: boolean }>) =>
  fc.constantFrom(...Object.keys(attributes)).chain((attribute) =>
    attributes[attribute].ordered
      ? fc.oneof(
          fc.record({
            attribute: fc.constant(attribute),
            op: fc.constantFrom("eq", "ne", "co", "sw", "ew"),
            value: oracleText,
          }),
          fc.record({
            attribute: fc.constant(attribute),
            op: fc.constantFrom("gt", "ge", "lt", "le"),
            value: orderedText,
          }),
        )
      : fc.record({
          attribute: fc.constant(attribute),
          op: fc.constantFrom("eq", "ne", "co", "sw", "ew"),
          value: oracleText,
        }),
  );

const oracleFilter: fc.Arbitrary<OracleFilter> = fc.letrec<{ user: OracleFilter; address: OracleFilter }>((tie) => ({
  user: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    stringCompare(STRINGS).map((compare) => ({ kind: "compare" as const, ...compare })),
    fc.record({
      kind: fc.constant("compare" as const),
      attribute: fc.constant("active"),
      op: fc.constantFrom("eq", "ne"),
      value: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant("present" as const),
      attribute: fc.constantFrom(...Object.keys(STRINGS), "active", "emails"),
    }),
    // An address's attribute outside brackets: some address has it.
    stringCompare({ ...ADDRESS_STRINGS, emails: { exact: false } }).map(({ attribute, ...compare }) => ({
      kind: "emails" as const,
      filter: { kind: "compare" as const, attribute: attribute === "emails" ? "value" : attribute, ...compare },
      dotted: attribute,
    })),
    tie("address").map((filter) => ({ kind: "emails" as const, filter })),
    fc.record({ kind: fc.constantFrom("and" as const, "or" as const), left: tie("user"), right: tie("user") }),
    tie("user").map((filter) => ({ kind: "not" as const, filter })),
  ),
  address: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    stringCompare(ADDRESS_STRINGS).map((compare) => ({ kind: "compare" as const, ...compare })),
    fc.record({
      kind: fc.constant("compare" as const),
      attribute: fc.constant("primary"),
      op: fc.constantFrom("eq", "ne"),
      value: fc.boolean(),
    }),
    fc.record({ kind: fc.constant("present" as const), attribute: fc.constantFrom("value", "type", "primary") }),
    fc.record({ kind: fc.constantFrom("and" as const, "or" as const), left: tie("address"), right: tie("address") }),
    tie("address").map((filter) => ({ kind: "not" as const, filter })),
  ),
})).user;

function renderFilter(filter: OracleFilter & { dotted?: string }): string {
  switch (filter.kind) {
    case "compare":
      return `${filter.attribute} ${filter.op} ${JSON.stringify(filter.value)}`;
    case "present":
      return `${filter.attribute} pr`;
    case "and":
    case "or":
      return `(${renderFilter(filter.left)}) ${filter.kind} (${renderFilter(filter.right)})`;
    case "not":
      return `not (${renderFilter(filter.filter)})`;
    case "emails":
      // `emails.type eq "work"` as written, or `emails[…]`.
      return filter.dotted !== undefined
        ? `${filter.dotted === "emails" ? "emails" : `emails.${filter.dotted}`} ${renderFilter(filter.filter).split(" ").slice(1).join(" ")}`
        : `emails[${renderFilter(filter.filter)}]`;
  }
}

const valueAt = (resource: ScimResource, attribute: string): unknown =>
  attribute.split(".").reduce<unknown>((value, key) => (value as ScimResource | undefined)?.[key], resource);

/** RFC 7644 §3.4.2.2 on one resource: an unassigned attribute equals nothing, is "ne" everything, is not present. */
function holds(
  filter: OracleFilter,
  resource: ScimResource,
  exactness: Record<string, { exact: boolean }> = STRINGS,
): boolean {
  switch (filter.kind) {
    case "compare": {
      const actual = valueAt(resource, filter.attribute);
      if (typeof filter.value === "boolean")
        return filter.op === "eq" ? actual === filter.value : actual !== filter.value;
      if (typeof actual !== "string") return filter.op === "ne";
      const fold = (text: string) => (exactness[filter.attribute]?.exact ? text : text.toLowerCase());
      const [a, e] = [fold(actual), fold(filter.value)];
      return {
        eq: a === e,
        ne: a !== e,
        co: a.includes(e),
        sw: a.startsWith(e),
        ew: a.endsWith(e),
        gt: a > e,
        ge: a >= e,
        lt: a < e,
        le: a <= e,
      }[filter.op]!;
    }
    case "present": {
      const value = valueAt(resource, filter.attribute);
      return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null && value !== "";
    }
    case "and":
      return holds(filter.left, resource, exactness) && holds(filter.right, resource, exactness);
    case "or":
      return holds(filter.left, resource, exactness) || holds(filter.right, resource, exactness);
    case "not":
      return !holds(filter.filter, resource, exactness);
    case "emails":
      return ((resource.emails ?? []) as ScimResource[]).some((address) =>
        holds(filter.filter, address, ADDRESS_STRINGS),
      );
  }
}

describe("SCIM provisioning and search (contract E)", () => {
  it(`POST /Users: ${RUNS} valid bodies answer documented statuses, mostly 201 with the user at its Location`, async () => {
    const statuses = documented(SCIM_USERS, "post");
    const outcomes: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(arbitraryOf(spec.components.schemas.ScimUserWrite, 0, scimHints), async (generated) => {
        const body = onePrimary(generated as Record<string, unknown>);
        const request = `POST ${SCIM_USERS} ${JSON.stringify(body)}`;
        const response = await call("POST", SCIM_USERS, body, "application/scim+json");
        const where = `${request} → ${response.status} ${response.text.slice(0, 300)}`;
        expect(response.status, where).toBeLessThan(500);
        expect(statuses, where).toContain(response.status);
        outcomes[response.status] = (outcomes[response.status] ?? 0) + 1;
        if (response.status !== 201) return;
        const created = response.json;
        expect(created.userName, where).toBe(body.userName);
        expect(response.headers.get("location"), where).toBe(created.meta.location);
        expect(response.headers.get("location"), where).toBe(`${server.baseUrl}${SCIM_USERS}/${created.id}`);
        expect(response.headers.get("etag"), where).toBe(created.meta.version);
        const read = await call("GET", `${SCIM_USERS}/${encodeURIComponent(created.id)}`);
        expect(read.json, where).toEqual(created);
      }),
      settings,
    );
    // Valid bodies fail only for reasons of state (a userName, email or externalId another user has).
    expect(outcomes[201] ?? 0, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(RUNS * 0.6);
  });

  it(`POST /Users: ${RUNS} bodies with one constraint broken are refused with a documented 4xx`, async () => {
    const statuses = documented(SCIM_USERS, "post");
    const schema = spec.components.schemas.ScimUserWrite;
    const before = await server.db("users").count({ n: "*" });
    await fc.assert(
      fc.asyncProperty(arbitraryOf(schema, 0, scimHints), fc.nat(), async (generated, pick) => {
        const broken = violations(schema, onePrimary(generated as Record<string, unknown>), { lenientBooleans: true });
        const { why, body } = broken[pick % broken.length];
        const response = await call("POST", SCIM_USERS, body);
        const where = `POST ${SCIM_USERS} (${why}) ${JSON.stringify(body)} → ${response.status} ${response.text}`;
        expect(statuses, where).toContain(response.status);
        expect(response.status, where).toBeGreaterThanOrEqual(400);
        expect(response.status, where).toBeLessThan(500);
      }),
      settings,
    );
    expect(await server.db("users").count({ n: "*" })).toEqual(before);
  });

  it(`GET /Users: ${RUNS} generated queries answer documented statuses, never a 5xx`, async () => {
    const statuses = documented(SCIM_USERS, "get");
    const outcomes: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(scimListQuery, async (query) => {
        const path = `${SCIM_USERS}?${new URLSearchParams(query).toString()}`;
        const response = await call("GET", path);
        const where = `GET ${path} → ${response.status} ${response.text.slice(0, 300)}`;
        expect(response.status, where).toBeLessThan(500);
        expect(statuses, where).toContain(response.status);
        expect(response.headers.get("content-type"), where).toMatch(/^application\/scim\+json/);
        outcomes[response.status] = (outcomes[response.status] ?? 0) + 1;
        if (response.status === 200) {
          expectScimList(response.json, where);
          const count = Number(query.count ?? 100);
          expect(response.json.Resources.length, where).toBeLessThanOrEqual(Math.max(0, count));
        } else {
          // The query's own problems have a scimType; those the validator finds (an empty value, say) have none.
          expect([undefined, "invalidFilter", "tooMany", "invalidCursor", "invalidValue"], where).toContain(
            response.json.scimType,
          );
        }
      }),
      settings,
    );
    // Mostly well-formed: at least some searches are answered.
    expect(outcomes[200] ?? 0, JSON.stringify(outcomes)).toBeGreaterThan(0);
  });

  it(`GET /Users: ${RUNS} generated filters select exactly the users they describe (an oracle over the users)`, async () => {
    for (const user of ORACLE_USERS) {
      const created = await call("POST", SCIM_USERS, user, "application/scim+json");
      expect(created.status, created.text).toBe(201);
    }
    const everyone = (await call("GET", `${SCIM_USERS}?count=1000`)).json.Resources as ScimResource[];
    expect(everyone.length).toBeGreaterThan(ORACLE_USERS.length);
    await fc.assert(
      fc.asyncProperty(oracleFilter, async (filter) => {
        const text = renderFilter(filter);
        const path = `${SCIM_USERS}?${new URLSearchParams({ filter: text, count: "1000", attributes: "id" }).toString()}`;
        const response = await call("GET", path);
        const where = `filter ${text} → ${response.status} ${response.text.slice(0, 300)}`;
        expect(response.status, where).toBe(200);
        const found = (response.json.Resources as ScimResource[]).map((user) => user.id as string).sort();
        const expected = everyone
          .filter((user) => holds(filter, user))
          .map((user) => user.id as string)
          .sort();
        const names = (list: string[]) => list.map((id) => everyone.find((u) => u.id === id)?.userName);
        expect(names(found), where).toEqual(names(expected));
      }),
      settings,
    );
  });

  it(`POST /Users/.search: ${RUNS} generated SearchRequests answer documented statuses, never a 5xx`, async () => {
    const path = `${SCIM_USERS}/.search`;
    const statuses = documented(path, "post");
    const hints = {
      schemas: fc.constant(["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]),
      filter: scimFilter,
      cursor: fc.constantFrom(undefined, "", "abc"),
      startIndex: fc.option(fc.integer({ min: -3, max: 12 }), { nil: undefined }),
      count: fc.option(fc.integer({ min: -2, max: 1001 }), { nil: undefined }),
      attributes: fc.option(scimAttributeList, { nil: undefined }),
      excludedAttributes: fc.option(scimAttributeList, { nil: undefined }),
    };
    await fc.assert(
      fc.asyncProperty(arbitraryOf(spec.components.schemas.ScimSearchRequest, 0, hints), async (body) => {
        const response = await call("POST", path, body, "application/scim+json");
        const where = `POST ${path} ${JSON.stringify(body)} → ${response.status} ${response.text.slice(0, 300)}`;
        expect(response.status, where).toBeLessThan(500);
        expect(statuses, where).toContain(response.status);
        if (response.status === 200) expectScimList(response.json, where);
      }),
      settings,
    );
  });

  it(`POST /Users/.search and GET /Users agree on ${Math.max(20, RUNS / 4)} generated queries`, async () => {
    await fc.assert(
      fc.asyncProperty(scimListQuery, async (generated) => {
        // An empty parameter is refused by the query's validator (only cursor allows one); an empty member is not.
        const query = Object.fromEntries(
          Object.entries(generated).filter(([name, value]) => value !== "" || name === "cursor"),
        );
        const { startIndex, count, cursor, attributes, excludedAttributes, ...rest } = query;
        const body = {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
          ...rest,
          ...(startIndex !== undefined && { startIndex: Number(startIndex) }),
          ...(count !== undefined && { count: Number(count) }),
          ...(cursor !== undefined && { cursor }),
          ...(attributes !== undefined && { attributes: attributes.split(",") }),
          ...(excludedAttributes !== undefined && { excludedAttributes: excludedAttributes.split(",") }),
        };
        const got = await call("GET", `${SCIM_USERS}?${new URLSearchParams(query).toString()}`);
        const searched = await call("POST", `${SCIM_USERS}/.search`, body);
        const where = `${JSON.stringify(query)}: GET ${got.status} ${got.text.slice(0, 200)}; POST ${searched.status} ${searched.text.slice(0, 200)}`;
        expect(searched.status, where).toBe(got.status);
        if (got.status === 200) {
          // The cursor of the next page encodes the same query: equal too.
          expect(searched.json, where).toEqual(got.json);
        } else expect(searched.json.scimType, where).toBe(got.json.scimType);
      }),
      { ...settings, numRuns: Math.max(20, RUNS / 4) },
    );
  });

  it(`DELETE /Users/{id}: ${RUNS} generated identifiers and If-Match headers answer documented statuses`, async () => {
    const template = `${SCIM_USERS}/{id}`;
    const statuses = documented(template, "delete");
    const victims = fc.constantFrom(...ids, "nobody", "");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(victims, fc.string({ minLength: 1, maxLength: 200 })),
        fc.constantFrom(undefined, '"1"', '"2"', '"999"', "*", 'W/"1"', "garbage"),
        async (param, ifMatch) => {
          const path = pathOf(template, param);
          const reached = reachedOperation(path, "delete");
          const response = await send(server, "DELETE", path, {
            as: "admin",
            headers: ifMatch === undefined ? {} : { "if-match": ifMatch },
          });
          const where = `DELETE ${path} If-Match ${ifMatch} → ${response.status} ${response.text.slice(0, 300)}`;
          expect(response.status, where).toBeLessThan(500);
          if (reached && reached.template !== template) {
            expect(reached.operation ? documented(reached.template, "delete") : [405], where).toContain(
              response.status,
            );
            return;
          }
          expect(statuses, where).toContain(response.status);
          if (response.status === 204) {
            const gone = await call("GET", path);
            expect(gone.status, where).toBe(404);
          }
          // The demo administrator is the last one: never deleted.
          if (param === ids[0]) expect(response.status, where).not.toBe(204);
        },
      ),
      settings,
    );
  });

  it.each([
    ["/scim/v2/ResourceTypes/{id}", ["User", "user", "Group"]],
    [
      "/scim/v2/Schemas/{id}",
      ["urn:ietf:params:scim:schemas:core:2.0:User", "User", "urn:ietf:params:scim:schemas:core:2.0:Group"],
    ],
  ])(`GET %s: ${RUNS} generated identifiers answer documented statuses`, async (template, known) => {
    const statuses = documented(template, "get");
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 200 })), async (param) => {
        const path = pathOf(template, param);
        const reached = reachedOperation(path, "get");
        const response = await send(server, "GET", path);
        const where = `GET ${path} → ${response.status} ${response.text.slice(0, 300)}`;
        expect(response.status, where).toBeLessThan(500);
        if (reached && reached.template !== template) {
          expect(reached.operation ? documented(reached.template, "get") : [405], where).toContain(response.status);
          return;
        }
        expect(statuses, where).toContain(response.status);
        if (response.status === 200) expect(response.json.id.toLowerCase(), where).toBe(param.toLowerCase());
      }),
      settings,
    );
  });
});

/** A projection of emails' sub-attributes holds only those parts (ScimEmail requires none of them in a response). */
describe("a projection of emails' sub-attributes", () => {
  let unrecorded: TestServer;
  beforeAll(async () => {
    unrecorded = await startServer({}, { recordStatuses: false });
  });
  afterAll(() => unrecorded.close());

  it.each([
    ["attributes=emails.primary", `/scim/v2/Users/${ids[0]}?attributes=emails.primary`],
    ["attributes=emails.type", `/scim/v2/Users?attributes=emails.type`],
    ["excludedAttributes=emails.value", `/scim/v2/Users/${ids[0]}?excludedAttributes=emails.value`],
  ])("%s answers 200 with a body the spec documents", async (_name, path) => {
    const response = await send(unrecorded, "GET", path, { as: "admin" });
    expect(response.status, response.text).toBe(200);
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

  // SCIM clients are lenient about the case of endpoint names and a trailing slash; so is the server, there only.
  it.each([
    ["GET", "/scim/v2/users", "listScimUsers"],
    ["GET", "/scim/v2/Users/", "listScimUsers"],
    ["GET", "/SCIM/V2/USERS/", "listScimUsers"],
    ["GET", `/scim/v2/users/${ids[1]}`, "getScimUser"],
    ["GET", `/scim/v2/Users/${ids[1]}/`, "getScimUser"],
    ["POST", "/scim/v2/users/.SEARCH", "searchScimUsers"],
    ["POST", "/scim/v2/Users/.search/", "searchScimUsers"],
    ["GET", "/scim/v2/serviceproviderconfig", "getScimServiceProviderConfig"],
    ["GET", "/scim/v2/resourcetypes/User/", "getScimResourceType"],
    ["GET", "/scim/v2/schemas/", "getScimSchemas"],
  ])("%s %s is %s", async (method, path, operationId) => {
    const body = method === "POST" ? { schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"] } : undefined;
    const response = await call(method, path, body);
    expect(response.status, response.text).toBe(200);
    const shape = {
      listScimUsers: { schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"] },
      searchScimUsers: { schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"] },
      getScimUser: { id: ids[1] },
      getScimServiceProviderConfig: { meta: { resourceType: "ServiceProviderConfig" } },
      getScimResourceType: { id: "User" },
      getScimSchemas: { totalResults: 1 },
    }[operationId];
    expect(response.json).toMatchObject(shape!);
  });

  it.each(["/user/jonny1/profile/", "/USERS/12345", "/Api/management/security/users/tdurden"])(
    "%s (not SCIM) is 404: no leniency outside /scim/v2/",
    async (path) => {
      expect((await call("GET", path)).status).toBe(404);
    },
  );

  it.each(["/", "/user", "/users", "/users/a/b", "/api/management/security/users", "/openapi.yml"])(
    "%s is 404 in the generic body",
    async (path) => {
      const response = await call("GET", path);
      expect(response.status).toBe(404);
      expect(response.json).toEqual({ code: 404, message: "No such path." });
    },
  );
});
