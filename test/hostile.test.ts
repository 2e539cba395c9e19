// A corpus of hostile requests over the five contracts: each gets a 4xx in its contract's error body, none a
// 5xx or a hang, and the directory reads byte for byte the same afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDirectory } from "../src/db/demo.ts";
import { startServer, TEST_SECRET, type TestServer } from "./support/harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

interface Hostile {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  noAuth?: boolean;
}

const targets = {
  contensis: { path: "/api/management/security/users/tdurden", errorKeys: ["logId", "message", "data", "type"] },
  camunda: { path: "/user/jonny1/profile", errorKeys: ["type", "message"] },
  devicehive: { path: "/user/5", errorKeys: ["error", "message"] },
  strapi: { path: "/users/12345", errorKeys: ["code", "message"] },
  scim: { path: "/scim/v2/Users/2819c223-7f76-453a-919d-413861904646", errorKeys: ["schemas", "status", "detail"] },
};
const pathPrefix = {
  contensis: "/api/management/security/users/",
  camunda: "/user/",
  devicehive: "/user/",
  strapi: "/users/",
  scim: "/scim/v2/Users/",
};
const pathSuffix = { contensis: "", camunda: "/profile", devicehive: "", strapi: "", scim: "" };

const json = "application/json";
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
const manyKeys = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
const unsignedToken = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(`{"sub":"${demoDirectory.users![0].id}"}`).toString("base64url")}.`;

/** Hostile bodies and headers that apply to every contract's PUT. */
const common: Hostile[] = [
  { name: "truncated JSON", body: "{" },
  { name: "JSON array", body: "[]" },
  { name: "JSON null", body: "null" },
  { name: "JSON number", body: "1" },
  { name: "nesting 200 deep", body: deep(200) },
  { name: "nesting 100,000 deep", body: deep(100_000) },
  { name: "1,001 keys", body: manyKeys(1001) },
  { name: "NUL in a key", body: '{"a\\u0000b":1}' },
  { name: "lone high surrogate", body: '{"x":"\\ud800"}' },
  { name: "lone low surrogate", body: '{"x":"\\udc00"}' },
  { name: "__proto__", body: '{"__proto__":{"admin":true}}' },
  { name: "constructor.prototype", body: '{"constructor":{"prototype":{"admin":true}}}' },
  { name: "unknown property", body: '{"isAdmin":true}' },
  { name: "1.1 MiB body", body: JSON.stringify({ x: "a".repeat(1_150_000) }) },
  { name: "text/plain", headers: { "content-type": "text/plain" }, body: "hello" },
  { name: "UTF-16 charset", headers: { "content-type": "application/json; charset=utf-16" }, body: "{}" },
  { name: "no content type", headers: {}, body: "{}" },
  { name: "JSON type, empty body", body: "" },
  { name: "multipart", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x--" },
  { name: "stale If-Match", headers: { "content-type": json, "if-match": '"999"' }, body: "{}" },
  { name: "weak If-Match", headers: { "content-type": json, "if-match": 'W/"1"' }, body: "{}" },
  { name: "no token", noAuth: true, body: "{}" },
  {
    name: "alg none token",
    noAuth: true,
    headers: { "content-type": json, authorization: `Bearer ${unsignedToken}` },
    body: "{}",
  },
  {
    name: "Basic auth",
    noAuth: true,
    headers: { "content-type": json, authorization: "Basic YWRtaW46YWRtaW4=" },
    body: "{}",
  },
  { name: "token in the query", noAuth: true, path: "?access_token=x", body: "{}" },
  { name: "unknown query parameter", path: "?debug=true", body: "{}" },
  { name: "DELETE", method: "DELETE" },
  { name: "POST", method: "POST", body: "{}" },
];

/** Hostile path values, for every contract. */
const paths: Hostile[] = [
  { name: "NUL in the path", path: "a%00b" },
  { name: "4,000-character id", path: "x".repeat(4000) },
  { name: "traversal", path: "..%2F..%2Fetc%2Fpasswd" },
  { name: "SQL in the path", path: "1'%20OR%20'1'%3D'1" },
  { name: "malformed escape", path: "%E0%A4%A" },
];

/** Invalid values of each contract's own fields. */
const fields: Record<keyof typeof targets, string[]> = {
  contensis: [
    '{"username":"tdurden"}',
    '{"username":"t durden","email":"t@example.com"}',
    '{"username":"tdurden","email":"not-an-email"}',
    '{"username":"tdurden","email":"t@example.com","timezone":"Nowhere/Land"}',
    '{"username":"tdurden","email":"t@example.com","language":"!!"}',
    '{"username":"tdurden","email":"t@example.com","custom":[]}',
    '{"username":"tdurden","email":"t@example.com","sys":{"status":"disabled"}}',
    '{"username":"jonny1","email":"t@example.com"}',
  ],
  camunda: [
    '{"id":"someone-else"}',
    '{"email":"aNewEmailAddress"}',
    '{"firstName":5}',
    '{"email":"jonny1@example.com","lastName":"' + "x".repeat(200) + '"}',
    '{"email":"t.durden@fightclub.com"}',
  ],
  devicehive: [
    '{"password":"12345"}',
    '{"role":7}',
    '{"status":"active"}',
    '{"login":""}',
    '{"introReviewed":"yes"}',
    '{"data":"x"}',
    '{"login":"admin"}',
  ],
  strapi: [
    '{"username":""}',
    '{"email":""}',
    '{"password":""}',
    '{"role":"emperor"}',
    '{"reports":["maia-000000000000"]}',
    '{"reports":"maia-c6cbaa76ba8f"}',
    '{"blocked":"false"}',
    '{"email":"admin@example.com"}',
  ],
  scim: [
    "{}",
    '{"userName":"bjensen@example.com"}',
    '{"userName":"bjensen","emails":[{"value":"not-an-email"}]}',
    '{"userName":"bjensen","emails":{"value":"b@example.com"}}',
    '{"userName":"bjensen","active":"False"}',
    '{"userName":"bjensen","name":"Barbara"}',
    '{"userName":"bjensen","timezone":"Nowhere/Land"}',
    '{"userName":"bjensen","externalId":""}',
    '{"userName":"admin"}',
  ],
};

const nestedObject = (depth: number): unknown => (depth === 0 ? "x" : { a: nestedObject(depth - 1) });
const patchOp = (...operations: unknown[]) =>
  JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: operations });

/** Hostile PatchOp documents (contract E only). */
const scimPatches: Hostile[] = [
  { name: "PatchOp without Operations", body: '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}' },
  { name: "PatchOp with no operation", body: patchOp() },
  { name: "PatchOp of another schema", body: '{"schemas":["urn:x"],"Operations":[{"op":"add","value":{}}]}' },
  { name: "op unknown", body: patchOp({ op: "move", path: "userName", value: "x" }) },
  { name: "op remove without path", body: patchOp({ op: "remove" }) },
  { name: "path __proto__", body: patchOp({ op: "add", path: "__proto__", value: { admin: true } }) },
  { name: "path-less __proto__ key", body: patchOp({ op: "add", value: JSON.parse('{"__proto__":{"a":1}}') }) },
  { name: "path with a NUL", body: patchOp({ op: "replace", path: "name\u0000.givenName", value: "x" }) },
  { name: "filter unclosed", body: patchOp({ op: "replace", path: 'emails[type eq "work".value', value: "x" }) },
  { name: "filter 1,000 deep", body: patchOp({ op: "replace", path: `emails[${"(".repeat(1000)}`, value: "x" }) },
  {
    name: "filter with 200 ors",
    body: patchOp({
      op: "remove",
      path: `emails[${Array.from({ length: 200 }, (_, i) => `value eq "x${i}@example.com"`).join(" or ")}]`,
    }),
  },
  { name: "path of 600 characters", body: patchOp({ op: "replace", path: "a".repeat(600), value: "x" }) },
  { name: "101 operations", body: patchOp(...Array.from({ length: 101 }, () => ({ op: "add", value: {} }))) },
  { name: "value not an object without path", body: patchOp({ op: "replace", value: "x" }) },
  { name: "id changed", body: patchOp({ op: "replace", path: "id", value: "another" }) },
  { name: "userName removed", body: patchOp({ op: "remove", path: "userName" }) },
  { name: "userName to another user's", body: patchOp({ op: "replace", path: "userName", value: "jonny1" }) },
  { name: "active not a boolean", body: patchOp({ op: "replace", path: "active", value: "maybe" }) },
  {
    name: "email through a filter, invalid",
    body: patchOp({ op: "add", path: 'emails[type eq "work"].value', value: "x" }),
  },
  { name: "value 20 deep", body: patchOp({ op: "add", path: "name", value: nestedObject(20) }) },
].map((h) => ({ method: "PATCH", ...h }));

/** Hostile XML and form bodies (contract D only). */
const strapiBodies: Hostile[] = [
  {
    name: "billion laughs",
    headers: { "content-type": "application/xml" },
    body: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><item><username>&lol2;</username></item>',
  },
  {
    name: "XXE",
    headers: { "content-type": "application/xml" },
    body: '<?xml version="1.0"?><!DOCTYPE item [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><item><username>&xxe;</username></item>',
  },
  {
    name: "XML 10,000 deep",
    headers: { "content-type": "application/xml" },
    body: "<item>" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</item>",
  },
  {
    name: "XML 5,000 elements",
    headers: { "content-type": "application/xml" },
    body: "<item>" + "<reports>x</reports>".repeat(5000) + "</item>",
  },
  {
    name: "XML wrong root",
    headers: { "content-type": "application/xml" },
    body: "<user><username>x</username></user>",
  },
  { name: "XML not closed", headers: { "content-type": "application/xml" }, body: "<item><username>x</username>" },
  {
    name: "XML nested value",
    headers: { "content-type": "application/xml" },
    body: "<item><username><a>x</a></username></item>",
  },
  { name: "XML NUL", headers: { "content-type": "application/xml" }, body: "<item><username>a&#0;b</username></item>" },
  { name: "XML text/xml latin1", headers: { "content-type": "text/xml; charset=iso-8859-1" }, body: "<item/>" },
  {
    name: "form 2,000 keys",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: Array.from({ length: 2000 }, (_, i) => `k${i}=1`).join("&"),
  },
  {
    name: "form bad boolean",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "confirmed=maybe",
  },
  {
    name: "form repeated scalar",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "username=a&username=b",
  },
  {
    name: "form __proto__",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "__proto__%5Badmin%5D=1&__proto__=x",
  },
  {
    name: "form broken JSON text",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: '{"username":',
  },
];

/**
 * Every text probe PostgreSQL cannot store, and every reserved key, at the top level, nested and in key position,
 * in each contract's own fields (free-form objects where the contract has them).
 */
const TEXT_PROBES: Record<string, string> = {
  NUL: "a\u0000b",
  "lone high surrogate": "a\ud800b",
  "lone low surrogate": "a\udc00b",
};
const KEY_PROBES: Record<string, string> = {
  ...TEXT_PROBES,
  __proto__: "__proto__",
  constructor: "constructor",
  prototype: "prototype",
};

type Placement = (probe: string) => Record<string, unknown>;
const at = (key: string, value: unknown) =>
  JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as Record<string, unknown>;
const placements: Record<keyof typeof targets, { value: Record<string, Placement>; key: Record<string, Placement> }> = {
  contensis: {
    value: {
      "top level": (p) => ({ username: "tdurden", email: "t@example.com", firstname: p }),
      nested: (p) => ({ username: "tdurden", email: "t@example.com", custom: { department: p } }),
      "nested deeper": (p) => ({ username: "tdurden", email: "t@example.com", custom: { a: { b: [p] } } }),
    },
    key: {
      "top level": (p) => ({ username: "tdurden", email: "t@example.com", ...at(p, "x") }),
      nested: (p) => ({ username: "tdurden", email: "t@example.com", custom: at(p, "x") }),
      "nested deeper": (p) => ({ username: "tdurden", email: "t@example.com", custom: { a: at(p, "x") } }),
    },
  },
  camunda: {
    value: { "top level": (p) => ({ firstName: p }), nested: (p) => ({ firstName: { x: p } }) },
    key: { "top level": (p) => at(p, "x"), nested: (p) => ({ firstName: at(p, "x") }) },
  },
  devicehive: {
    value: {
      "top level": (p) => ({ login: p }),
      nested: (p) => ({ data: { theme: p } }),
      "nested deeper": (p) => ({ data: { a: { b: [p] } } }),
    },
    key: {
      "top level": (p) => at(p, "x"),
      nested: (p) => ({ data: at(p, "x") }),
      "nested deeper": (p) => ({ data: { a: at(p, "x") } }),
    },
  },
  strapi: {
    value: { "top level": (p) => ({ username: p }), nested: (p) => ({ reports: [p] }) },
    key: { "top level": (p) => at(p, "x"), nested: (p) => ({ role: at(p, "x") }) },
  },
  scim: {
    value: {
      "top level": (p) => ({ userName: p }),
      nested: (p) => ({ userName: "bjensen", name: { givenName: p } }),
      "nested deeper": (p) => ({ userName: "bjensen", emails: [{ value: "b@example.com", display: p }] }),
    },
    key: {
      "top level": (p) => ({ userName: "bjensen", ...at(p, "x") }),
      nested: (p) => ({ userName: "bjensen", name: at(p, "x") }),
      "nested deeper": (p) => ({ userName: "bjensen", emails: [{ value: "b@example.com", ...at(p, "x") }] }),
    },
  },
};

/** The same probes in contract D's XML and form bodies, where the encoding can carry them. */
const encodedProbes: Hostile[] = [
  {
    name: "XML NUL reference in a value",
    headers: { "content-type": "application/xml" },
    body: "<item><username>a&#0;b</username></item>",
  },
  {
    name: "XML surrogate reference in a value",
    headers: { "content-type": "application/xml" },
    body: "<item><username>a&#xD800;b</username></item>",
  },
  {
    name: "XML NUL reference nested",
    headers: { "content-type": "application/xml" },
    body: "<item><reports>a&#x0;b</reports></item>",
  },
  {
    name: "XML raw NUL in a value",
    headers: { "content-type": "application/xml" },
    body: "<item><username>a\u0000b</username></item>",
  },
  {
    name: "form NUL in a value",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "username=a%00b",
  },
  {
    name: "form NUL in an array value",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "reports=a%00b&reports=c",
  },
  { name: "form NUL in a key", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a%00b=1" },
  {
    name: "form NUL in an array key",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "a%00b%5B%5D=1",
  },
  {
    name: "form JSON text with a NUL key",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: '{"a\\u0000b":1}',
  },
];

function probeCases(contract: keyof typeof targets): Hostile[] {
  const cases: Hostile[] = [];
  for (const [where, place] of Object.entries(placements[contract].value)) {
    for (const [probe, text] of Object.entries(TEXT_PROBES))
      cases.push({ name: `${probe} in a value, ${where}`, body: JSON.stringify(place(text)) });
  }
  for (const [where, place] of Object.entries(placements[contract].key)) {
    for (const [probe, key] of Object.entries(KEY_PROBES))
      cases.push({ name: `${probe} as a key, ${where}`, body: JSON.stringify(place(key)) });
  }
  return cases;
}

function corpus() {
  const all: [string, keyof typeof targets, Hostile][] = [];
  for (const contract of Object.keys(targets) as (keyof typeof targets)[]) {
    const base = targets[contract].path;
    for (const h of common)
      all.push([`${contract}: ${h.name}`, contract, { method: "PUT", ...h, path: base + (h.path ?? "") }]);
    for (const h of paths)
      all.push([
        `${contract}: ${h.name}`,
        contract,
        { method: "GET", ...h, path: pathPrefix[contract] + h.path + pathSuffix[contract] },
      ]);
    for (const body of fields[contract])
      all.push([`${contract}: ${body.slice(0, 60)}`, contract, { name: body, method: "PUT", path: base, body }]);
    for (const h of probeCases(contract))
      all.push([`${contract}: ${h.name}`, contract, { method: "PUT", ...h, path: base }]);
  }
  for (const h of [...strapiBodies, ...encodedProbes])
    all.push([`strapi: ${h.name}`, "strapi", { method: "PUT", ...h, path: targets.strapi.path }]);
  for (const h of scimPatches) all.push([`scim: ${h.name}`, "scim", { ...h, path: targets.scim.path }]);
  return all;
}

/** What every user looks like through every contract. */
async function directory(): Promise<string> {
  const auth = { Authorization: `Bearer ${server.token("admin")}` };
  const users = await server.db("users").select("id", "num", "username").orderBy("num");
  const reads = users.flatMap((u) => [
    `/api/management/security/users/${encodeURIComponent(u.username)}`,
    `/user/${encodeURIComponent(u.username)}/profile`,
    `/user/${u.num}`,
    `/users/${u.id}`,
    `/scim/v2/Users/${encodeURIComponent(u.id)}`,
  ]);
  const bodies = await Promise.all(
    reads.map(async (path) => {
      const response = await fetch(server.baseUrl + path, { headers: auth });
      expect(response.status, path).toBe(200);
      return `${path} ${response.headers.get("etag")} ${await response.text()}`;
    }),
  );
  return bodies.join("\n");
}

describe("hostile input", () => {
  const cases = corpus();
  let before: string;

  beforeAll(async () => {
    before = await directory();
  });

  it("has at least 100 distinct requests", () => {
    expect(new Set(cases.map(([name]) => name)).size).toBeGreaterThanOrEqual(100);
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases)("%s → 4xx in the contract's body", async (_name, contract, hostile) => {
    const headers: Record<string, string> = {
      ...(hostile.noAuth ? {} : { authorization: `Bearer ${server.token("admin")}` }),
      ...(hostile.headers ?? (hostile.body !== undefined ? { "content-type": json } : {})),
    };
    if (hostile.noAuth && hostile.headers?.authorization === undefined) delete headers.authorization;
    const response = await fetch(server.baseUrl + hostile.path, {
      method: hostile.method,
      headers,
      body: hostile.body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    expect(response.status, text).toBeGreaterThanOrEqual(400);
    expect(response.status, text).toBeLessThan(500);
    expect(Object.keys(JSON.parse(text))).toEqual(expect.arrayContaining(targets[contract].errorKeys));
  });

  it("leaves the directory byte for byte as it was", async () => {
    const after = await directory();
    expect(after.split("\n").filter((line, i) => line !== before.split("\n")[i])).toEqual([]);
  });

  it("the test secret is not what a hostile token was signed with", () => {
    expect(unsignedToken).not.toContain(TEST_SECRET);
  });
});
