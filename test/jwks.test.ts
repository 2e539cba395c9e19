// Tokens from an identity provider (JWT_JWKS_URL): its JWKS, served by the test over HTTP, fetched, cached and
// refetched for a rotated key; subject claims; clock tolerance; algorithm confusion; a real server process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import jwt from "jsonwebtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServerProcess, stopServerProcess } from "../scripts/server-process.ts";
import { loadConfig, type Config } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { providerKeys, type ProviderKeys, type ProviderTiming } from "../src/tokens.ts";
import {
  demoId,
  send,
  startServer,
  TEST_SECRET,
  testDatabase,
  type TestDatabase,
  type TestServer,
} from "./support/harness.ts";
import { JwksServer, now, sign, signingKey, type SigningKey } from "./support/identity-provider.ts";

const ADMIN = demoId("admin");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database?.drop());

interface ProviderServer {
  server: TestServer;
  keys: ProviderKeys;
  logs: string[];
  /** GET /user/current (contract C) with this bearer token. */
  current(token: string): ReturnType<typeof send>;
  ready(): Promise<void>;
  close(): Promise<void>;
}

const FAST: ProviderTiming = { refreshMs: 60_000, retryMs: 100, refetchesPerMinute: 10, fetchTimeoutMs: 5_000 };

/** A server verifying with `idp`'s keys; ready means the key set was fetched. */
async function serveWith(
  idp: JwksServer,
  overrides: Partial<Config> = {},
  timing: Partial<ProviderTiming> = {},
): Promise<ProviderServer> {
  const config = { ...loadConfig({ JWT_JWKS_URL: idp.url }), ...overrides };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const keys = providerKeys(config, createLogger("info", sink), { ...FAST, ...timing });
  const server = await startServer(config, { database, provider: keys });
  const ready = async () => {
    for (let i = 0; i < 100 && (await send(server, "GET", "/readyz")).status !== 200; i++) await sleep(50);
    expect((await send(server, "GET", "/readyz")).json).toEqual({ status: "ready" });
  };
  return {
    server,
    keys,
    logs,
    current: (token) => send(server, "GET", "/user/current", { headers: { Authorization: `Bearer ${token}` } }),
    ready,
    async close() {
      keys.close();
      await server.close();
    },
  };
}

/** Runs `body` with a started provider publishing `keys` and a server verifying with them, both stopped afterwards. */
async function withProvider(
  keys: SigningKey[],
  body: (idp: JwksServer, api: ProviderServer) => Promise<void>,
  overrides: Partial<Config> = {},
  timing: Partial<ProviderTiming> = {},
) {
  const idp = await new JwksServer(await freePort()).publish(...keys).start();
  const api = await serveWith(idp, overrides, timing);
  try {
    await api.ready();
    await body(idp, api);
  } finally {
    await api.close();
    await idp.stop();
  }
}

describe("the provider's keys", () => {
  it("a token of the published key works; so does one of an ES256 key", async () => {
    const rsa = signingKey("RS256");
    const ec = signingKey("ES256");
    await withProvider([rsa, ec], async (_idp, api) => {
      for (const key of [rsa, ec]) {
        const response = await api.current(sign(key, { sub: ADMIN }));
        expect(response.status).toBe(200);
        expect(response.json.login).toBe("admin");
      }
      expect(api.logs.join("")).toContain("JWT_JWKS_URL without JWT_ISSUER and JWT_AUDIENCE");
    });
  });

  it("JWT_ISSUER and JWT_AUDIENCE apply to the provider's tokens", async () => {
    const key = signingKey();
    const expected = { iss: "https://idp.test/realms/acme", aud: "users-api" };
    await withProvider(
      [key],
      async (_idp, api) => {
        expect((await api.current(sign(key, { sub: ADMIN, ...expected }))).status).toBe(200);
        for (const claims of [
          {},
          { ...expected, iss: "https://idp.test/realms/other" },
          { ...expected, aud: "another-api" },
        ]) {
          expect((await api.current(sign(key, { sub: ADMIN, ...claims }))).status).toBe(401);
        }
        expect(api.logs.join("")).not.toContain("without JWT_ISSUER and JWT_AUDIENCE");
      },
      { jwtIssuer: expected.iss, jwtAudience: expected.aud },
    );
  });

  it("after the provider rotates to a new key, its tokens work at once, without a restart; the retired key's stop", async () => {
    const old = signingKey();
    const next = signingKey();
    await withProvider([old], async (idp, api) => {
      expect((await api.current(sign(old, { sub: ADMIN }))).status).toBe(200);
      const before = idp.fetches;
      // Keycloak signs with a key the moment it is added: the server fetched its keys less than a second ago.
      idp.publish(next);
      expect((await api.current(sign(next, { sub: ADMIN }))).status).toBe(200);
      expect(idp.fetches).toBe(before + 1);
      const retired = await api.current(sign(old, { sub: ADMIN }));
      expect(retired.status).toBe(401);
      expect(retired.json.message).toMatch(/^The bearer token is not valid: /);
    });
  });

  it("a token whose kid is in no JWKS is 401, and the refetches it causes stop at the limit per minute", async () => {
    const published = signingKey();
    const stranger = signingKey();
    await withProvider(
      [published],
      async (idp, api) => {
        const before = idp.fetches;
        const responses = await Promise.all(
          Array.from({ length: 20 }, () => api.current(sign(stranger, { sub: ADMIN }))),
        );
        expect(responses.map((r) => r.status)).toEqual(Array(20).fill(401));
        expect(responses[0].headers.get("www-authenticate")).toBe('Bearer realm="users-api", error="invalid_token"');
        for (let i = 0; i < 10; i++) expect((await api.current(sign(stranger, { sub: ADMIN }))).status).toBe(401);
        // JWT_JWKS_REFETCHES_PER_MINUTE=3: 30 tokens of an unknown key, 3 fetches within the minute (tokens that arrive
        // while one is under way wait for it), then none.
        expect(idp.fetches).toBe(before + 3);
        expect((await api.current(sign(published, { sub: ADMIN }))).status).toBe(200);
      },
      {},
      { refetchesPerMinute: 3 },
    );
  });

  it("while the provider is down, tokens of the cached keys keep working and the server stays ready", async () => {
    const key = signingKey();
    await withProvider(
      [key],
      async (idp, api) => {
        await idp.stop();
        await sleep(500);
        expect(api.logs.join("")).toMatch(
          /could not fetch the identity provider's keys from .* \(ECONNREFUSED\); the cached keys stay in use/,
        );
        expect((await api.current(sign(key, { sub: ADMIN }))).status).toBe(200);
        expect((await send(api.server, "GET", "/readyz")).status).toBe(200);
      },
      {},
      { refreshMs: 100 },
    );
  });

  it("start-up does not wait for the provider; readiness says why until the first fetch, tokens are 503 until then", async () => {
    const key = signingKey();
    const idp = new JwksServer(await freePort()).publish(key);
    const api = await serveWith(idp);
    try {
      const notReady = await send(api.server, "GET", "/readyz");
      expect(notReady.status).toBe(503);
      expect(notReady.json).toEqual({
        status: "unavailable",
        reason: expect.stringMatching(/^the identity provider's keys \(JWT_JWKS_URL\) have not been fetched yet/),
      });
      const early = await api.current(sign(key, { sub: ADMIN }));
      expect(early.status).toBe(503);
      expect(early.headers.get("retry-after")).toBe("5");
      await idp.start();
      await api.ready();
      expect((await api.current(sign(key, { sub: ADMIN }))).status).toBe(200);
    } finally {
      await api.close();
      await idp.stop();
    }
  });

  it("refuses an HS256 token signed with the public key's bytes (algorithm confusion), and alg none, without fetching", async () => {
    const key = signingKey();
    await withProvider([key], async (idp, api) => {
      const publicPem = key.publicKey.export({ type: "spki", format: "pem" });
      const forged = jwt.sign({ sub: ADMIN }, Buffer.from(publicPem), { algorithm: "HS256", keyid: key.kid });
      const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT", kid: key.kid })).toString("base64url");
      const unsigned = `${header}.${Buffer.from(JSON.stringify({ sub: ADMIN, exp: now() + 60 })).toString("base64url")}.`;
      const before = idp.fetches;
      for (const token of [forged, unsigned]) expect((await api.current(token)).status).toBe(401);
      expect(idp.fetches).toBe(before);
      expect((await api.current(sign(key, { sub: ADMIN }))).status).toBe(200);
    });
  });
});

describe("JWT_SUBJECT_CLAIM", () => {
  const key = signingKey();

  it("sub (the default): a directory user id", async () => {
    await withProvider([key], async (_idp, api) => {
      expect((await api.current(sign(key, { sub: demoId("jlopez") }))).json.login).toBe("jlopez");
      const stranger = await api.current(sign(key, { sub: "auth0|5f7c8ec7c33c6c004bbafe82" }));
      expect(stranger.status).toBe(401);
      expect(stranger.json.message).toBe("The bearer token's user is not in this directory.");
    });
  });

  it("email: matched case-insensitively; unknown, unverified or missing addresses are 401", async () => {
    await withProvider(
      [key],
      async (_idp, api) => {
        const token = sign(key, { sub: "f3a1c0de-idp-own-id", email: "T.Durden@FightClub.com" });
        expect((await api.current(token)).json.login).toBe("tdurden");
        const write = await send(api.server, "PUT", "/user/current", {
          headers: { Authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ data: { via: "email claim" } }),
        });
        expect(write.status).toBe(204);
        const audit = await database
          .db("audit")
          .where({ user_id: demoId("tdurden") })
          .orderBy("id", "desc")
          .first();
        expect(audit.actor_id).toBe(demoId("tdurden"));
        const stranger = await api.current(sign(key, { sub: ADMIN, email: "nobody@example.com" }));
        expect(stranger.status).toBe(401);
        expect(stranger.json.message).toBe("The bearer token's user is not in this directory.");
        const unverified = await api.current(sign(key, { email: "admin@example.com", email_verified: false }));
        expect(unverified.status).toBe(401);
        expect(unverified.json.message).toMatch(/its email is not verified by the identity provider/);
        const without = await api.current(sign(key, { sub: ADMIN }));
        expect(without.status).toBe(401);
        expect(without.json.message).toMatch(/it has no email claim naming its user/);
      },
      { jwtSubjectClaim: "email" },
    );
  });

  it("preferred_username: matched case-insensitively, also as the caller reading another user", async () => {
    await withProvider(
      [key],
      async (_idp, api) => {
        const admin = sign(key, { sub: "kc-7d1f", preferred_username: "ADMIN" });
        expect((await api.current(admin)).json.login).toBe("admin");
        const other = await send(api.server, "GET", "/users/12345", { headers: { Authorization: `Bearer ${admin}` } });
        expect(other.status).toBe(200);
        expect(other.json.username).toBe("user12345");
        const stranger = await api.current(sign(key, { sub: "kc-0000", preferred_username: "nobody" }));
        expect(stranger.status).toBe(401);
        expect(stranger.json.message).toBe("The bearer token's user is not in this directory.");
      },
      { jwtSubjectClaim: "preferred_username" },
    );
  });
});

describe("JWT_CLOCK_TOLERANCE", () => {
  const key = signingKey();

  it("default 30 s, for exp, nbf and iat, with the provider's key", async () => {
    const cases: [string, () => object, number][] = [
      ["exp 10 s ago", () => ({ exp: now() - 10 }), 200],
      ["exp 45 s ago", () => ({ exp: now() - 45 }), 401],
      ["nbf in 10 s", () => ({ nbf: now() + 10 }), 200],
      ["nbf in 45 s", () => ({ nbf: now() + 45 }), 401],
      ["iat in 10 s", () => ({ iat: now() + 10 }), 200],
      ["iat in 45 s", () => ({ iat: now() + 45 }), 401],
    ];
    await withProvider([key], async (_idp, api) => {
      for (const [when, claims, status] of cases) {
        const response = await api.current(sign(key, { sub: ADMIN, ...claims() }));
        expect({ when, status: response.status }).toEqual({ when, status });
      }
    });
  });

  it("120 s widens it, 0 removes it, for the provider's key and for a key of our own", async () => {
    const staticToken = (claims: object) => jwt.sign({ sub: ADMIN, ...claims }, TEST_SECRET, { algorithm: "HS256" });
    await withProvider(
      [key],
      async (_idp, api) => {
        expect((await api.current(sign(key, { sub: ADMIN, exp: now() - 100 }))).status).toBe(200);
        expect((await api.current(sign(key, { sub: ADMIN, iat: now() + 100 }))).status).toBe(200);
        expect((await api.current(sign(key, { sub: ADMIN, exp: now() - 150 }))).status).toBe(401);
      },
      { jwtClockTolerance: 120 },
    );
    for (const [jwtClockTolerance, status] of [
      [0, 401],
      [120, 200],
    ] as const) {
      const server = await startServer({ jwtClockTolerance }, { database });
      try {
        for (const claims of [{ exp: now() - 10 }, { nbf: now() + 10 }, { iat: now() + 10 }]) {
          expect(
            (
              await send(server, "GET", "/user/current", {
                headers: { Authorization: `Bearer ${staticToken(claims)}` },
              })
            ).status,
          ).toBe(status);
        }
      } finally {
        await server.close();
      }
    }
  });
});

describe("a real server process configured with only JWT_JWKS_URL", () => {
  it(
    "waits for a provider whose keys it has never seen, accepts its tokens, and follows its key rotation",
    { timeout: 120_000 },
    async () => {
      const idp = new JwksServer(await freePort());
      const dataDir = mkdtempSync(join(tmpdir(), "users-api-jwks-"));
      const target: Record<string, string> = process.env.TEST_DATABASE_URL
        ? { DATABASE_URL: database.url! }
        : { DATA_DIR: dataDir, DATABASE_URL: "" };
      const env = {
        ...target,
        JWT_JWKS_URL: idp.url,
        JWT_SECRET: "",
        JWT_PUBLIC_KEY: "",
        JWT_PRIVATE_KEY: "",
        LOG_LEVEL: "warn",
      };
      const starting = startServerProcess(["--import", "tsx", "src/main.ts"], env);
      try {
        // The keys are made only now, while the server is starting and cannot reach the provider.
        const first = signingKey();
        await sleep(1_000);
        await idp.publish(first).start();
        const server = await starting;
        const current = (key: SigningKey) =>
          fetch(`${server.url}/user/current`, { headers: { Authorization: `Bearer ${sign(key, { sub: ADMIN })}` } });
        const response = await current(first);
        expect(response.status).toBe(200);
        expect(((await response.json()) as { login: string }).login).toBe("admin");

        const second = signingKey();
        const before = idp.fetches;
        idp.publish(second);
        // The new key's first token is accepted: one fetch, at once (no cooldown after the fetch of a moment ago).
        expect((await current(second)).status).toBe(200);
        expect(idp.fetches).toBe(before + 1);
        expect((await current(first)).status).toBe(401);
        expect(await stopServerProcess(server)).toBe(0);
      } finally {
        const server = await starting.catch(() => undefined);
        if (server && server.child.exitCode === null && server.child.signalCode === null)
          await stopServerProcess(server, "SIGKILL");
        await idp.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
