// A corpus of hostile requests over the five contracts: each gets a 4xx in its contract's error body, none a
// 5xx or a hang, and the directory reads byte for byte the same afterwards.
import { createHash } from "node:crypto";
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
  // Methods the path does not document: 405 (contract E documents DELETE: its own cases are below).
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
    '{"userName":"b jensen"}',
    '{"userName":"bjensen\\t"}',
    '{"userName":"jonny1@example.com"}',
    '{"userName":"bjensen","emails":[{"value":"not-an-email"}]}',
    '{"userName":"bjensen","emails":{"value":"b@example.com"}}',
    '{"userName":"bjensen","active":"maybe"}',
    '{"userName":"bjensen","active":1}',
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

const SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
const query = (parameters: Record<string, string>) => `?${new URLSearchParams(parameters).toString()}`;
const nested = (depth: number, inner: string) => "(".repeat(depth) + inner + ")".repeat(depth);
/** A cursor as the server encodes one (base64url JSON), with whatever members a forger chooses. */
const forgedCursor = (members: unknown) => Buffer.from(JSON.stringify(members)).toString("base64url");
/** The fingerprint a cursor of a query without filter or order carries (src/scim/list.ts). */
const noQueryFingerprint = createHash("sha256")
  .update(JSON.stringify(["", "", ""]))
  .digest("base64url")
  .slice(0, 12);

/** Hostile filters, in GET /scim/v2/Users's query string and in a SearchRequest body alike. */
const hostileFilters: [string, string][] = [
  ["filter over 4,096 characters", `userName eq "${"x".repeat(4100)}"`],
  ["filter without a value", "userName eq"],
  ["filter with an unquoted string", "userName eq bjensen"],
  ["filter with an unknown operator", 'userName like "b%"'],
  ["filter of a lone quote", '"'],
  ["filter of a lone bracket", "]"],
  ["filter with an unclosed string", 'userName eq "bjensen'],
  ["filter with a bad escape", 'userName eq "\\x41"'],
  ["filter with an unclosed parenthesis", '(userName eq "bjensen"'],
  ["filter with an extra parenthesis", 'userName eq "bjensen")'],
  ["filter with an unclosed bracket", 'emails[type eq "work"'],
  ["filter with a trailing token", 'userName eq "bjensen" "again"'],
  ["filter ending in and", 'userName eq "bjensen" and'],
  ["filter not without parentheses", 'not userName eq "bjensen"'],
  ["filter of a value filter within a value filter", 'emails[emails[type eq "work"]]'],
  ["filter on password", 'password eq "secret"'],
  ["filter on an unknown attribute", 'nickName eq "Babs"'],
  ["filter on another schema", 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "1"'],
  ["filter on a sub-attribute emails lacks", 'emails.display eq "x"'],
  ["filter selecting from a single-valued attribute", 'name[givenName eq "Barbara"]'],
  ["filter comparing a date with a word", 'meta.created gt "yesterday"'],
  ["filter comparing a date with co", 'meta.lastModified co "2026"'],
  ["filter comparing a string with a huge number", "userName gt 1e999"],
  ["filter comparing active with a string", 'active eq "yes"'],
  ["filter ordering active", "active gt false"],
  ["filter of 800 nested nots, unclosed", "not (".repeat(800)],
  ["filter of 585 opening brackets", "emails[".repeat(585)],
  ["filter with a NUL in an attribute name", 'user\u0000Name eq "bjensen"'],
  ["filter with a NUL in a value", 'userName eq "a\u0000b"'],
  ["filter with a NUL in an address value", 'emails.value eq "a\u0000b@example.com"'],
  ["filter with a NUL in a value filter", 'emails[type eq "w\u0000rk"]'],
];

/** Hostile query strings of GET /scim/v2/Users (contract E only). */
const scimQueries: Hostile[] = [
  ...hostileFilters.map(([name, filter]) => ({ name, path: query({ filter }) })),
  { name: "filter given twice", path: query({ filter: 'userName eq "a"' }) + "&filter=userName%20pr" },
  { name: "cursor not base64url", path: query({ cursor: "!!!" }) },
  { name: "cursor over 512 characters", path: query({ cursor: "A".repeat(513) }) },
  { name: "cursor of garbage", path: query({ cursor: "abc" }) },
  { name: "cursor of JSON null", path: query({ cursor: forgedCursor(null) }) },
  { name: "cursor of another query", path: query({ cursor: forgedCursor({ k: null, n: 1, q: "another-query" }) }) },
  { name: "cursor with an object key", path: query({ cursor: forgedCursor({ k: {}, n: 1, q: noQueryFingerprint }) }) },
  {
    name: "cursor with a huge number",
    path: query({ cursor: forgedCursor({ k: null, n: 1e300, q: noQueryFingerprint }) }),
  },
  { name: "cursor with a NUL", path: "?cursor=a%00b" },
  { name: "cursor with startIndex", path: query({ cursor: "", startIndex: "1" }) },
  { name: "count above the limit", path: query({ count: "1001" }) },
  { name: "count above 32 bits", path: query({ count: "2147483648" }) },
  { name: "count of 30 digits", path: query({ count: "9".repeat(30) }) },
  { name: "count 1e400", path: query({ count: "1e400" }) },
  { name: "count a fraction", path: query({ count: "1.5" }) },
  { name: "count a word", path: query({ count: "many" }) },
  { name: "count with a NUL", path: "?count=1%000" },
  { name: "startIndex above 32 bits", path: query({ startIndex: "2147483648" }) },
  { name: "startIndex below 32 bits", path: query({ startIndex: "-2147483649" }) },
  { name: "startIndex a word", path: query({ startIndex: "first" }) },
  { name: "sortBy password", path: query({ sortBy: "password" }) },
  { name: "sortBy not a path", path: query({ sortBy: "user name" }) },
  { name: "sortBy another schema", path: query({ sortBy: "urn:example:x:y" }) },
  { name: "sortBy with a NUL", path: query({ sortBy: "user\u0000Name" }) },
  { name: "sortBy over 256 characters", path: query({ sortBy: "a".repeat(257) }) },
  { name: "sortOrder unknown", path: query({ sortOrder: "sideways" }) },
  { name: "attributes over 1,024 characters", path: query({ attributes: "a,".repeat(513) }) },
  { name: "excludedAttributes over 1,024 characters", path: query({ excludedAttributes: "a,".repeat(513) }) },
  { name: "an unknown query parameter", path: query({ debug: "true" }) },
  { name: "no token", path: query({ filter: 'userName eq "bjensen"' }), noAuth: true },
  {
    name: "alg none token",
    path: "",
    noAuth: true,
    headers: { authorization: `Bearer ${unsignedToken}` },
  },
].map((h) => ({ method: "GET", ...h, path: `/scim/v2/Users${h.path}` }));

const searchRequest = (request: Record<string, unknown>) => JSON.stringify({ schemas: [SEARCH_REQUEST], ...request });

/** Hostile SearchRequest bodies of POST /scim/v2/Users/.search (contract E only). */
const scimSearches: Hostile[] = [
  ...hostileFilters.map(([name, filter]) => ({ name, body: searchRequest({ filter }) })),
  { name: "filter with a lone surrogate in a value", body: searchRequest({ filter: 'userName eq "a\ud800b"' }) },
  { name: "no schemas", body: '{"filter":"userName pr"}' },
  { name: "another schema", body: '{"schemas":["urn:x"],"filter":"userName pr"}' },
  { name: "filter a number", body: searchRequest({ filter: 1 }) },
  { name: "count a string", body: searchRequest({ count: "10" }) },
  { name: "count above the limit", body: searchRequest({ count: 1001 }) },
  { name: "count above 32 bits", body: searchRequest({ count: 2 ** 31 }) },
  { name: "count 1e300", body: '{"schemas":["' + SEARCH_REQUEST + '"],"count":1e300}' },
  { name: "startIndex a fraction", body: searchRequest({ startIndex: 1.5 }) },
  { name: "cursor with startIndex", body: searchRequest({ cursor: "", startIndex: 2 }) },
  { name: "cursor of garbage", body: searchRequest({ cursor: "abc" }) },
  { name: "cursor not base64url", body: searchRequest({ cursor: "a+b/c=" }) },
  { name: "sortBy password", body: searchRequest({ sortBy: "password" }) },
  { name: "sortOrder unknown", body: searchRequest({ sortOrder: "up" }) },
  { name: "attributes not a list", body: searchRequest({ attributes: "userName" }) },
  { name: "65 attributes", body: searchRequest({ attributes: Array.from({ length: 65 }, (_, i) => `a${i}`) }) },
  { name: "an unknown member", body: searchRequest({ debug: true }) },
  { name: "truncated JSON", body: '{"schemas":[' },
  { name: "nesting 100,000 deep", body: deep(100_000) },
  { name: "1.1 MiB body", body: searchRequest({ filter: "x".repeat(1_150_000) }) },
  { name: "text/plain", headers: { "content-type": "text/plain" }, body: searchRequest({}) },
  { name: "no token", noAuth: true, body: searchRequest({}) },
].map((h) => ({ method: "POST", ...h, path: "/scim/v2/Users/.search" }));

/**
 * Hostile deletions of bjensen (contract E only): none may delete her. A bad id, an If-Match she does not have,
 * a caller who may not, and the last administrator.
 */
const scimDeletes: Hostile[] = (<Hostile[]>[
  ...paths.map((h) => ({ ...h, path: `/scim/v2/Users/${h.path}` })),
  { name: "an unknown id", path: "/scim/v2/Users/nobody" },
  { name: "an id with a trailing dot segment", path: "/scim/v2/Users/2819c223-7f76-453a-919d-413861904646%2F.." },
  { name: "stale If-Match", headers: { "if-match": '"999"' } },
  { name: "weak If-Match", headers: { "if-match": 'W/"1"' } },
  { name: "If-Match not quoted", headers: { "if-match": "1" } },
  { name: "If-Match of garbage", headers: { "if-match": 'garbage, ,,"' } },
  { name: "If-Match of a huge number", headers: { "if-match": `"${"9".repeat(40)}"` } },
  { name: "If-Match over 256 characters", headers: { "if-match": `"${"1".repeat(300)}"` } },
  { name: "If-Match empty", headers: { "if-match": "" } },
  { name: "no token", noAuth: true },
  { name: "alg none token", noAuth: true, headers: { authorization: `Bearer ${unsignedToken}` } },
  { name: "a client's token", noAuth: true, headers: { authorization: "CLIENT" } },
  { name: "the last administrator", path: `/scim/v2/Users/${demoDirectory.users![0].id}` },
  { name: "the collection", path: "/scim/v2/Users" },
  { name: "the search endpoint", path: "/scim/v2/Users/.search" },
  { name: "an unknown query parameter", path: `${targets.scim.path}?force=true` },
]).map((h) => ({ method: "DELETE", path: targets.scim.path, ...h }));

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
    for (const h of common.filter((h) => !(contract === "scim" && h.method === "DELETE")))
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
  // Creations that must not create: the PUT corpus's bodies, sent to POST /scim/v2/Users.
  const creations = [
    ...common.filter((h) => h.method === undefined && h.path === undefined),
    ...fields.scim.map((body) => ({ name: body.slice(0, 60), body })),
    ...probeCases("scim"),
  ];
  for (const h of creations)
    all.push([`scim: POST /Users, ${h.name}`, "scim", { ...h, method: "POST", path: "/scim/v2/Users" }]);
  for (const h of scimQueries) all.push([`scim: GET /Users, ${h.name}`, "scim", h]);
  for (const h of scimSearches) all.push([`scim: POST /Users/.search, ${h.name}`, "scim", h]);
  for (const h of scimDeletes) all.push([`scim: DELETE, ${h.name}`, "scim", h]);
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
    if (headers.authorization === "CLIENT") headers.authorization = `Bearer ${server.token("jonny1")}`;
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

/** Extreme queries that are valid: each gets its documented 200 (never a 5xx), and changes nothing. */
describe("extreme but valid SCIM searches", () => {
  const ors = Array.from({ length: 150 }, (_, i) => `userName eq "u${i}"`).join(" or ");
  const everyone = demoDirectory.users!.length;
  const withEmail = demoDirectory.users!.filter((user) => user.email).length;
  const cases: [string, string, number][] = [
    ["the lowest count (counts as 0)", query({ count: "-2147483648" }), 0],
    ["the highest count allowed", query({ count: "1000" }), everyone],
    ["the highest startIndex", query({ startIndex: "2147483647" }), 0],
    ["the lowest startIndex (counts as 1)", query({ startIndex: "-2147483648" }), everyone],
    ["150 ors", query({ filter: ors }), 0],
    // The parser reads 64 levels of nesting (deeper is 400 invalidFilter, below).
    ["64 nested parentheses", query({ filter: nested(64, 'userName eq "bjensen"') }), 1],
    ["64 nested nots", query({ filter: `${"not (".repeat(64)}userName pr${")".repeat(64)}` }), everyone],
    ["63 nested nots", query({ filter: `${"not (".repeat(63)}userName pr${")".repeat(63)}` }), 0],
    // Query strings are decoded leniently: invalid UTF-8 becomes U+FFFD, a malformed escape stays as it is.
    ["invalid UTF-8 in a filter", "?filter=userName%20eq%20%22%ED%A0%80%22", 0],
    ["a malformed escape in a filter", "?filter=userName%20eq%20%22%E0%A4%A%22", 0],
    ["a NUL in attributes", "?attributes=user%00Name", everyone],
    ["a NUL in excludedAttributes", "?excludedAttributes=%00", everyone],
    ["every sub-attribute of emails", query({ filter: "emails[type pr and primary pr and value pr]" }), withEmail],
  ];

  it.each(cases)("%s", async (_name, search, found) => {
    const response = await fetch(`${server.baseUrl}/scim/v2/Users${search}`, {
      headers: { authorization: `Bearer ${server.token("admin")}` },
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect((JSON.parse(text) as { Resources: unknown[] }).Resources, text).toHaveLength(found);
  });
});

/** A filter nested deeper than any client means is 400 invalidFilter (the parser stops at 64 levels). */
describe("a filter nested deeper than the parser allows", () => {
  let unrecorded: TestServer;
  beforeAll(async () => {
    unrecorded = await startServer({}, { recordStatuses: false });
  });
  afterAll(() => unrecorded.close());

  const deepFilter = "(".repeat(4096);
  it.each([
    ["GET /scim/v2/Users", "GET", `/scim/v2/Users${query({ filter: deepFilter })}`, undefined],
    ["POST /scim/v2/Users/.search", "POST", "/scim/v2/Users/.search", searchRequest({ filter: deepFilter })],
  ])("%s with 4,096 opening parentheses → 400 invalidFilter", async (_name, method, path, body) => {
    const response = await fetch(unrecorded.baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${unrecorded.token("admin")}`, "content-type": json },
      body,
    });
    const text = await response.text();
    expect(response.status, text).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ scimType: "invalidFilter" });
  });
});
