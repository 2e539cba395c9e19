// A real server on a real PostgreSQL (PGlite by default, TEST_DATABASE_URL when set), per test file.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { PGlite } from "@electric-sql/pglite";
import type { Knex } from "knex";
import createClient, { type Client } from "openapi-fetch";
import { inject } from "vitest";
import type { paths } from "../../generated/api.ts";
import { contracts } from "../../src/contracts/index.ts";
import type { Contract } from "../../src/contracts/contract.ts";
import { createApp } from "../../src/app.ts";
import { loadConfig, type Config } from "../../src/config.ts";
import { demoDirectory } from "../../src/db/demo.ts";
import { openDatabase } from "../../src/db/knex.ts";
import { createLogger } from "../../src/log.ts";
import { createMetrics, type Metrics } from "../../src/observability/metrics.ts";
import { secretKey, signToken, type ProviderKeys, type TokenKeys } from "../../src/tokens.ts";
import { withDatabase } from "./global-setup.ts";
import { adminConnection, createDatabaseFrom, dropDatabase } from "./postgres.ts";
import { resetDirectory } from "./reset.ts";
import { statusRecorder } from "./status-coverage.ts";

export const TEST_SECRET = "test-secret-that-is-at-least-thirty-two-bytes-long";

/** The keys the test servers verify with (HS256 with TEST_SECRET), for tokens made outside a harness server. */
export const TEST_KEYS: TokenKeys = {
  algorithm: "HS256",
  verifyKey: secretKey(TEST_SECRET),
  signKey: secretKey(TEST_SECRET),
  issuer: undefined,
  audience: undefined,
};

export interface TestDatabase {
  db: Knex;
  /** The connection URL, on a PostgreSQL server. */
  url?: string;
  drop(): Promise<void>;
}

/** A database of its own holding the demo directory. */
export async function testDatabase(): Promise<TestDatabase> {
  const template = inject("template");
  if (template.kind === "pglite") {
    const instance = new PGlite({ loadDataDir: new Blob([readFileSync(template.dumpFile)]) });
    const db = openDatabase({ kind: "pglite", instance });
    return { db, drop: () => db.destroy() };
  }
  const name = `users_api_test_${randomUUID().replace(/-/g, "")}`;
  const admin = adminConnection(template.url);
  await createDatabaseFrom(admin, name, template.database);
  const url = withDatabase(template.url, name);
  const db = openDatabase({ kind: "postgres", url, poolMax: 10 });
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      await dropDatabase(admin, name);
      await admin.destroy();
    },
  };
}

export interface TestServer {
  baseUrl: string;
  db: Knex;
  config: Config;
  keys: TokenKeys;
  /** Absent with `metrics: false`. */
  metrics?: Metrics;
  api: Client<paths>;
  /** Every log line the server wrote. */
  logs: string[];
  token(username: string, expiresIn?: string | number): string;
  /** The typed client (openapi-fetch over generated/api.ts), authenticated as a demo user. */
  as(username: string): Client<paths>;
  auth(username: string): { Authorization: string };
  reset(): Promise<void>;
  close(): Promise<void>;
}

export function demoId(username: string): string {
  const user = demoDirectory.users!.find((u) => u.username === username);
  if (!user?.id) throw new Error(`no demo user ${username}`);
  return user.id;
}

export async function startServer(
  overrides: Partial<Config> = {},
  /**
   * `provider`: verify with an identity provider's keys instead (then `token()` makes tokens it refuses);
   * `contracts`: serve these instead of the product's.
   */
  options: {
    database?: TestDatabase;
    keys?: Partial<TokenKeys>;
    provider?: ProviderKeys;
    recordStatuses?: boolean;
    contracts?: Contract[];
  } = {},
): Promise<TestServer> {
  const { database, recordStatuses = true } = options;
  const { db, drop } = database ?? (await testDatabase());
  const config: Config = { ...loadConfig({}), jwtSecret: TEST_SECRET, ...overrides };
  const keys: TokenKeys = {
    ...TEST_KEYS,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    ...options.keys,
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  // As main.ts wires them: on by default, off with `metrics: false`.
  const metrics = config.metrics ? createMetrics(db) : undefined;
  const app = createApp({
    db,
    config,
    keys: options.provider ?? keys,
    logger: createLogger("info", sink),
    contracts: options.contracts ?? contracts,
    metrics,
    validateResponses: true,
    verifyStatements: true,
  });
  const server = app.listen(0, "127.0.0.1");
  if (recordStatuses) server.on("request", statusRecorder(inject("statusDir")));
  await new Promise((resolve) => server.once("listening", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = (username: string, expiresIn: string | number = "1h") =>
    signToken(keys, demoDirectory.users!.find((u) => u.username === username)?.id ?? username, expiresIn);
  return {
    baseUrl,
    db,
    config,
    keys,
    metrics,
    api: createClient<paths>({ baseUrl }),
    as: (username) => createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token(username)}` } }),
    logs,
    token,
    auth: (username) => ({ Authorization: `Bearer ${token(username)}` }),
    reset: () => resetDirectory(db),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      metrics?.stop();
      if (!database) await drop();
    },
  };
}

/** A raw request, for bodies and headers the typed client would not send. */
export async function send(
  server: TestServer,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; as?: string } = {},
) {
  const headers: Record<string, string> = {
    ...(options.as ? { Authorization: `Bearer ${server.token(options.as)}` } : {}),
    ...options.headers,
  };
  const response = await fetch(server.baseUrl + path, { method, headers, body: options.body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, any> };
}

export const jsonBody = (body: unknown) => ({
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** What a test looks at in an answer of the typed client: status, headers, and the body (success or error). */
export async function answer(call: Promise<{ data?: unknown; error?: unknown; response: Response }>) {
  const { data, error, response } = await call;
  return { status: response.status, headers: response.headers, json: (data ?? error) as Record<string, any> };
}
