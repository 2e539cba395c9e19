// The service routes and the HTTP rules every contract shares: 404/405, query strings, request ids, readiness.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contensis } from "../src/contracts/contensis.ts";
import type { Contract } from "../src/contracts/contract.ts";
import { contracts } from "../src/contracts/index.ts";
import { send, startServer, testDatabase, type TestServer } from "./support/harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("service routes", () => {
  it("serves the spec as YAML and JSON", async () => {
    const yaml = await send(server, "GET", "/openapi.yaml");
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get("content-type")).toMatch(/^application\/yaml/);
    expect(yaml.text).toMatch(/^openapi: 3\.0\.3/);
    const json = await send(server, "GET", "/openapi.json");
    expect(json.json.openapi).toBe("3.0.3");
  });

  it("serves an interactive reference page whose assets load", async () => {
    const page = await send(server, "GET", "/docs");
    expect(page.status).toBe(200);
    expect(page.text).toContain("/docs/assets/swagger-ui-bundle.js");
    for (const asset of ["/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/docs/init.js"]) {
      expect((await send(server, "GET", asset)).status, asset).toBe(200);
    }
  });

  it("answers liveness and readiness", async () => {
    expect((await send(server, "GET", "/healthz")).json).toEqual({ status: "ok" });
    expect((await send(server, "GET", "/readyz")).json).toEqual({ status: "ready" });
  });

  it("readiness says why when the database does not answer", async () => {
    const database = await testDatabase();
    const cut = await startServer({}, { database });
    try {
      await database.db.destroy();
      const response = await send(cut, "GET", "/readyz");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.json).toEqual({ status: "unavailable", reason: "the database does not answer" });
    } finally {
      await cut.close();
      await database.drop();
    }
  });
});

describe("routing", () => {
  it.each([
    ["/users/12345", "DELETE", { code: 405 }],
    ["/user/5", "POST", { error: 405 }],
    ["/user/jonny1/profile", "PATCH", { type: "InvalidRequestException" }],
    ["/api/management/security/users/tdurden", "DELETE", { type: "error" }],
  ])("%s %s is 405 with Allow, in the contract's body", async (path, method, body) => {
    const response = await send(server, method, path, { as: "admin" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toMatch(/GET/);
    expect(response.headers.get("allow")).toMatch(/PUT/);
    expect(response.json).toMatchObject(body);
  });

  it("an undocumented path is 404 in the generic error body", async () => {
    const response = await send(server, "GET", "/nothing/here");
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ code: 404, message: "No such path." });
  });

  it("an unknown query parameter is 400 in the contract's body", async () => {
    const response = await send(server, "GET", "/user/current?debug=1", { as: "admin" });
    expect(response.status).toBe(400);
    expect(response.json.error).toBe(400);
  });

  it("every response carries a request id, and contract A's logId is it", async () => {
    const response = await send(server, "GET", "/api/management/security/users/nobody", { as: "admin" });
    expect(response.json.logId).toBe(response.headers.get("x-request-id"));
    expect(server.logs.join("")).toContain(response.json.logId);
  });
});

describe("response validation in tests", () => {
  it("a response outside the spec is caught (as a 500) rather than sent", async () => {
    // A server of its own whose answers stay out of the status coverage: this 500 is the test's doing.
    const brokenContensis: Contract = { ...contensis, render: () => ({ unexpected: true }) };
    const served = contracts.map((contract) => (contract === contensis ? brokenContensis : contract));
    const broken = await startServer({}, { recordStatuses: false, contracts: served });
    try {
      const response = await send(broken, "GET", "/api/management/security/users/tdurden", { as: "admin" });
      expect(response.status).toBe(500);
    } finally {
      await broken.close();
    }
  });
});
