// Stoplight Prism as a validating proxy in front of the server (`prism proxy openapi.yaml <server> --errors`):
// the test traffic below, success and documented errors of all five contracts, passes with zero violations.
import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, spawnGroup, stopGroup } from "../scripts/server-process.ts";
import { contensisSeedBody } from "./support/seeds.ts";
import { demoId, startServer, type TestServer } from "./support/harness.ts";

let server: TestServer;
let prism: ChildProcess;
let prismUrl: string;
let output = "";

beforeAll(async () => {
  server = await startServer();
  const port = await freePort();
  prismUrl = `http://127.0.0.1:${port}`;
  // Prism's own entry point, not `npx prism`: a signal to npx would not reach the Prism it starts.
  const prismCli = createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js");
  const args = [
    prismCli,
    "proxy",
    "openapi.yaml",
    server.baseUrl,
    "--errors",
    "--port",
    String(port),
    "--host",
    "127.0.0.1",
  ];
  prism = spawnGroup(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  prism.stdout!.on("data", (chunk) => (output += chunk));
  prism.stderr!.on("data", (chunk) => (output += chunk));
  for (let i = 0; i < 600 && !/Prism is listening/.test(output); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (!/Prism is listening/.test(output)) throw new Error(`prism did not start:\n${output}`);
}, 90_000);

afterAll(async () => {
  if (prism) await stopGroup(prism);
  await server?.close();
});

const JLOPEZ = demoId("jlopez");
const TDURDEN = demoId("tdurden");
const BJENSEN = demoId("bjensen");
const json = (body: unknown, type = "application/json") => ({ "content-type": type, body: JSON.stringify(body) });
const scim = (body: unknown) => json(body, "application/scim+json");
const patchOp = (...Operations: unknown[]) =>
  scim({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });

/** [method, path, caller, body, expected status] */
const traffic: [string, string, string | null, ReturnType<typeof json> | null, number][] = [
  ["GET", `/api/management/security/users/${TDURDEN}`, "admin", null, 200],
  ["PUT", "/api/management/security/users/t.durden@fightclub.com", "admin", json(contensisSeedBody), 200],
  ["GET", "/api/management/security/users/nobody", "admin", null, 404],
  ["GET", "/api/management/security/users/tdurden", "jonny1", null, 403],
  ["GET", "/api/management/security/users/tdurden", null, null, 401],
  ["GET", "/user/jonny1/profile", "jonny1", null, 200],
  [
    "PUT",
    "/user/jonny1/profile",
    "admin",
    json({ id: "jonny1", firstName: "John", lastName: "Doe", email: "john.doe@example.com" }),
    204,
  ],
  ["PUT", "/user/jonny1/profile", "admin", json({ email: "t.turden@fightclub.com" }), 409],
  ["PUT", "/user/ghost/profile", "admin", json({ firstName: "X" }), 404],
  ["GET", "/user/current", "dhclient", null, 200],
  ["PUT", "/user/current", "dhclient", json({ password: "s3cret-passw0rd", data: { theme: "light" } }), 204],
  ["PUT", "/user/current", "dhclient", json({ role: 0 }), 403],
  ["GET", `/users/${JLOPEZ}`, "jlopez", null, 200],
  ["PUT", "/users/12345", "admin", json({ username: "updatedUser", email: "updated-user@example.com" }), 200],
  [
    "PUT",
    `/users/${JLOPEZ}`,
    "admin",
    json({ role: "client", reports: ["maia-c6cbaa76ba8f", "maia-3b5a054c593d"], confirmed: true, blocked: false }),
    200,
  ],
  ["PUT", `/users/${JLOPEZ}`, "jlopez", json({ role: "admin" }), 403],
  ["GET", "/users/12399", "admin", null, 404],
  ["GET", `/scim/v2/Users/${BJENSEN}`, "admin", null, 200],
  ["PUT", `/scim/v2/Users/${BJENSEN}`, "admin", scim({ userName: "bjensen", name: { givenName: "Barbara" } }), 200],
  ["PATCH", `/scim/v2/Users/${BJENSEN}`, "admin", patchOp({ op: "Replace", path: "active", value: "False" }), 200],
  ["PATCH", `/scim/v2/Users/${BJENSEN}`, "admin", patchOp({ op: "remove" }), 400],
  ["PUT", `/scim/v2/Users/${BJENSEN}`, "admin", scim({ userName: "jonny1" }), 409],
  ["PATCH", `/scim/v2/Users/${BJENSEN}`, "jonny1", patchOp({ op: "replace", value: { active: true } }), 403],
  ["GET", "/scim/v2/Users/nobody", "admin", null, 404],
  [
    "POST",
    "/scim/v2/Users",
    "admin",
    scim({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "new.user@example.org",
      name: { givenName: "New", familyName: "User" },
      emails: [{ value: "new.user@example.org", type: "work", primary: true }],
      externalId: "prism-1",
    }),
    201,
  ],
  ["POST", "/scim/v2/Users", "admin", scim({ userName: "new.user@example.org" }), 409],
  ["POST", "/scim/v2/Users", "admin", scim({ userName: "admin@example.com" }), 409],
  ["POST", "/scim/v2/Users", "admin", scim({ userName: "tz", timezone: "Nowhere/Land" }), 400],
  ["POST", "/scim/v2/Users", "jonny1", scim({ userName: "not.allowed" }), 403],
  ["POST", "/scim/v2/Users", null, scim({ userName: "anonymous" }), 401],
  ["GET", `/scim/v2/Users?filter=${encodeURIComponent('userName eq "new.user@example.org"')}`, "admin", null, 200],
  ["GET", `/scim/v2/Users?filter=${encodeURIComponent("userName eq bjensen")}`, "admin", null, 400],
  ["GET", "/scim/v2/Users?count=2&cursor=&sortBy=userName&attributes=userName", "admin", null, 200],
  ["GET", "/scim/v2/Users?count=1001", "admin", null, 400],
  ["GET", "/scim/v2/Users?startIndex=2&count=2&excludedAttributes=meta", "jonny1", null, 200],
  ["GET", "/scim/v2/Users", null, null, 401],
  [
    "POST",
    "/scim/v2/Users/.search",
    "admin",
    scim({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
      filter: 'emails[type eq "work"] and name.familyName sw "J"',
      sortBy: "meta.lastModified",
      sortOrder: "descending",
      attributes: ["userName", "emails"],
    }),
    200,
  ],
  [
    "POST",
    "/scim/v2/Users/.search",
    "admin",
    scim({ schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], filter: 'password eq "x"' }),
    400,
  ],
  ["DELETE", `/scim/v2/Users/${TDURDEN}`, "jonny1", null, 403],
  ["DELETE", `/scim/v2/Users/${TDURDEN}`, "admin", null, 204],
  ["DELETE", `/scim/v2/Users/${TDURDEN}`, "admin", null, 404],
  ["DELETE", `/scim/v2/Users/${demoId("admin")}`, "admin", null, 409],
  ["GET", "/scim/v2/ResourceTypes/User", null, null, 200],
  ["GET", "/scim/v2/ResourceTypes/Group", null, null, 404],
  ["GET", `/scim/v2/Schemas/${encodeURIComponent("urn:ietf:params:scim:schemas:core:2.0:User")}`, null, null, 200],
  ["GET", "/scim/v2/Schemas", null, null, 200],
  ["GET", "/healthz", null, null, 200],
  ["GET", "/readyz", null, null, 200],
  ["GET", "/openapi.json", null, null, 200],
  ["GET", "/metrics", null, null, 200],
];

describe("Prism proxy", () => {
  it.each(traffic)(
    "%s %s as %s: passes Prism with status %i and no violations",
    async (method, path, caller, body, expected) => {
      const headers: Record<string, string> = {};
      if (caller) headers.authorization = `Bearer ${server.token(caller)}`;
      if (body) headers["content-type"] = body["content-type"];
      const response = await fetch(prismUrl + path, { method, headers, body: body?.body });
      const text = await response.text();
      expect(response.headers.get("sl-violations"), text).toBeNull();
      expect(response.status, text).toBe(expected);
    },
  );

  it("is really validating: a request outside the spec is stopped by Prism itself (422), not by the server (400)", async () => {
    const response = await fetch(`${prismUrl}/users/12345`, {
      method: "PUT",
      headers: { authorization: `Bearer ${server.token("admin")}`, "content-type": "application/json" },
      body: JSON.stringify({ confirmed: "yes" }),
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/confirmed/);
  });
});
