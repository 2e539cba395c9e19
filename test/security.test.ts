// RFC 8725 token handling, body limits, headers and logs. Every failure is a 4xx in the contract's body.
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import jwt from "jsonwebtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { resolveTokenKeys } from "../src/tokens.ts";
import { demoId, send, startServer, TEST_SECRET, type TestServer } from "./support/harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const ADMIN = demoId("admin");
const now = () => Math.floor(Date.now() / 1000);
const getWith = (token: string, path = "/users/12345") =>
  send(server, "GET", path, { headers: { Authorization: `Bearer ${token}` } });
const unsigned = (claims: object) =>
  `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`;

describe("bearer tokens", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();

  it.each([
    ["alg none", unsigned({ sub: ADMIN, exp: now() + 60 })],
    ["another secret", jwt.sign({ sub: ADMIN }, "another-secret-that-is-also-32-bytes-long!!", { algorithm: "HS256" })],
    ["HS512, not the pinned HS256", jwt.sign({ sub: ADMIN }, TEST_SECRET, { algorithm: "HS512" })],
    ["RS256 when HS256 is pinned", jwt.sign({ sub: ADMIN }, privateKey, { algorithm: "RS256" })],
    ["expired beyond the clock skew", jwt.sign({ sub: ADMIN, exp: now() - 120 }, TEST_SECRET)],
    ["not yet valid (nbf)", jwt.sign({ sub: ADMIN, nbf: now() + 600 }, TEST_SECRET)],
    ["without sub", jwt.sign({ name: "admin" }, TEST_SECRET)],
    ["for a user that does not exist", jwt.sign({ sub: "00000000-0000-4000-8000-000000000000" }, TEST_SECRET)],
    ["malformed", "not.a.token"],
  ])("%s: 401 with WWW-Authenticate, in the contract's body", async (_why, token) => {
    const response = await getWith(token);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="users-api", error="invalid_token"$/);
    expect(response.json).toMatchObject({ code: 401 });
  });

  it("accepts a token expired within the 30 s clock skew", async () => {
    expect((await getWith(jwt.sign({ sub: ADMIN, exp: now() - 10 }, TEST_SECRET))).status).toBe(200);
  });

  it("an HS256 token signed with the RSA public key cannot pass as RS256 (algorithm confusion)", async () => {
    const rsaServer = await startServer(
      {},
      { keys: { algorithm: "RS256", verifyKey: createPublicKey(publicPem), signKey: undefined } },
    );
    try {
      const forged = jwt.sign({ sub: ADMIN }, Buffer.from(publicPem), { algorithm: "HS256" });
      expect(
        (await send(rsaServer, "GET", "/users/12345", { headers: { Authorization: `Bearer ${forged}` } })).status,
      ).toBe(401);
      const genuine = jwt.sign({ sub: ADMIN }, privateKey, { algorithm: "RS256" });
      expect(
        (await send(rsaServer, "GET", "/users/12345", { headers: { Authorization: `Bearer ${genuine}` } })).status,
      ).toBe(200);
    } finally {
      await rsaServer.close();
    }
  });

  it("checks iss and aud when configured", async () => {
    const strict = await startServer({ jwtIssuer: "https://issuer.test", jwtAudience: "users-api" });
    try {
      const call = (options: jwt.SignOptions) =>
        send(strict, "GET", "/users/12345", {
          headers: { Authorization: `Bearer ${jwt.sign({ sub: ADMIN }, TEST_SECRET, options)}` },
        });
      expect((await call({})).status).toBe(401);
      expect((await call({ issuer: "https://other.test", audience: "users-api" })).status).toBe(401);
      expect((await call({ issuer: "https://issuer.test", audience: "other" })).status).toBe(401);
      expect((await call({ issuer: "https://issuer.test", audience: "users-api" })).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it("never takes a token from the query string", async () => {
    const response = await send(server, "GET", `/user/current?access_token=${server.token("admin")}`);
    expect(response.status).toBe(400);
    expect(response.json.error).toBe(400);
  });

  it("start-up refuses an HS256 secret shorter than 256 bits, and a server database without a key", () => {
    expect(() => loadConfig({ JWT_SECRET: "short" })).toThrow(ConfigError);
    expect(() => resolveTokenKeys(loadConfig({ DATABASE_URL: "postgres://localhost/x" }))).toThrow(/JWT_SECRET/);
    expect(resolveTokenKeys(loadConfig({ JWT_PUBLIC_KEY: publicPem })).algorithm).toBe("RS256");
  });
});

describe("bodies", () => {
  it("a body over BODY_LIMIT is 413 in the contract's body", async () => {
    const small = await startServer({ bodyLimit: 2048 });
    try {
      const response = await send(small, "PUT", "/user/current", {
        as: "admin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ data: { text: "x".repeat(4096) } }),
      });
      expect(response.status).toBe(413);
      expect(response.json).toEqual({ error: 413, message: "The request body is larger than 2048 bytes." });
    } finally {
      await small.close();
    }
  });

  it("__proto__ in a body neither pollutes prototypes nor is stored", async () => {
    const response = await send(server, "PUT", "/user/current", {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: '{"data":{"__proto__":{"polluted":true}}}',
    });
    expect(response.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await send(server, "GET", "/user/current", { as: "admin" })).json.data).toEqual({});
  });
});

describe("responses", () => {
  it("carry security headers", async () => {
    const response = await send(server, "GET", "/healthz");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("CORS is off by default", async () => {
    const response = await send(server, "GET", "/healthz", { headers: { Origin: "https://app.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("CORS, when configured, allows the path's documented methods and If-Match, and exposes ETag", async () => {
    const withCors = await startServer({ corsOrigins: ["https://app.example"] });
    try {
      const preflight = await send(withCors, "OPTIONS", "/users/12345", {
        headers: {
          Origin: "https://app.example",
          "Access-Control-Request-Method": "PUT",
          "Access-Control-Request-Headers": "if-match",
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-headers")).toContain("If-Match");
      expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, PUT");
      // Every method the spec documents for the path asked about: SCIM's PATCH too.
      const scim = await send(withCors, "OPTIONS", "/scim/v2/Users/2819c223-7f76-453a-919d-413861904646", {
        headers: { Origin: "https://app.example", "Access-Control-Request-Method": "PATCH" },
      });
      expect(scim.status).toBe(204);
      expect(scim.headers.get("access-control-allow-methods")?.split(", ")).toContain("PATCH");
      const get = await send(withCors, "GET", "/users/12345", {
        as: "admin",
        headers: { Origin: "https://app.example" },
      });
      expect(get.headers.get("access-control-allow-origin")).toBe("https://app.example");
      expect(get.headers.get("access-control-expose-headers")?.split(", ")).toEqual(
        expect.arrayContaining(["ETag", "Retry-After", "WWW-Authenticate", "X-Request-Id"]),
      );
      const other = await send(withCors, "GET", "/healthz", { headers: { Origin: "https://evil.example" } });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await withCors.close();
    }
  });

  it("secrets never reach the logs, and errors carry no stack or SQL", async () => {
    const password = "Sup3r-Secret-Passw0rd";
    const token = server.token("admin");
    const update = await send(server, "PUT", "/users/12345", {
      headers: { Authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ password, resetPasswordToken: "reset-secret-value" }),
    });
    expect(update.status).toBe(200);
    const conflict = await send(server, "PUT", "/users/12345", {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin" }),
    });
    expect(conflict.status).toBe(409);
    expect(conflict.text).not.toMatch(/users_username_key|duplicate key|at .*\.ts/);
    const logs = server.logs.join("");
    expect(logs).toContain("/users/12345");
    for (const secret of [password, "reset-secret-value", token]) expect(logs).not.toContain(secret);
  });
});
