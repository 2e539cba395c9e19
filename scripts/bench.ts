// npm run bench: PUT /users/{id} (contract D) throughput through the server, against a hand-written Fastify + pg
// service doing the same work (scripts/bench/peer.ts, the yardstick; rounds alternate: project, peer, project,
// peer) and against the same SQL work done directly, on PostgreSQL (DATABASE_URL or TEST_DATABASE_URL, in a
// scratch database); then the server on the embedded PGlite against direct PGlite.
// Options: --duration 10 --connections 16 --users 2000 --rounds 2 --only postgres|embedded --profile (the
// project server's CPU profiles into bench-results/) --webhook (PostgreSQL: the project with a webhook subscription
// against without, rounds alternating, then the delivery lag at a steady --rate of PUTs per second).
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import autocannon from "autocannon";
import type { Knex } from "knex";
import pg from "pg";
import { openDatabase } from "../src/db/knex.ts";
import { migrate } from "../src/db/migrate.ts";
import { fromFile, importDirectory, type ImportUser } from "../src/directory/import.ts";
import { secretKey, signToken, type TokenKeys } from "../src/tokens.ts";
import { profileLayers, type LayerShare } from "./bench/profile-layers.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./bench/webhook-receiver.ts";
import { peakRssMb, startCpuMeter, type CpuPerUnit } from "./cpu-meter.ts";
import { runScript } from "./run-script.ts";
import { startNodeOptions, startServerProcess, stopServerProcess, type ServerProcess } from "./server-process.ts";

const { values: options } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    users: { type: "string", default: "2000" },
    rounds: { type: "string", default: "2" },
    only: { type: "string" },
    profile: { type: "boolean", default: false },
    webhook: { type: "boolean", default: false },
    rate: { type: "string", default: "200" },
  },
});
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);
const USERS = Number(options.users);
const ROUNDS = Number(options.rounds);
const SECRET = `bench-${randomUUID()}-${randomUUID()}`;
const keys: TokenKeys = {
  algorithm: "HS256",
  verifyKey: secretKey(SECRET),
  signKey: secretKey(SECRET),
  issuer: undefined,
  audience: undefined,
};

interface HttpResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  peakRssMb: number;
  /** CPU ms per request: the server (all its threads; with PGlite inside), PostgreSQL, the load generator. */
  cpuMsPerRequest: CpuPerUnit;
  /** With --profile, the project's CPU profile of the round and its shares by layer. */
  profile?: { file: string; layers: LayerShare[] };
}
interface SqlResult {
  transactionsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU ms per transaction: PostgreSQL, and the client (with PGlite inside, embedded). */
  cpuMsPerTransaction: CpuPerUnit;
}

const log = (line: string) => console.error(`[bench] ${line}`);
const RESULTS = "bench-results";

function directory(): { adminId: string; ids: string[]; users: ImportUser[] } {
  const ids = Array.from({ length: USERS }, () => randomUUID());
  const users: ImportUser[] = ids.map((id, i) => ({
    id,
    username: i === 0 ? "bench-admin" : `bench-user-${i}`,
    email: `bench-user-${i}@example.com`,
    role: i === 0 ? "admin" : "client",
    status: "active",
  }));
  return { adminId: ids[0], ids: ids.slice(1), users };
}

/** The project, the yardstick, or the project delivering every change to a webhook (--webhook). */
type Server = "project" | "peer" | "project+webhook";

/** The project as `npm start` runs it, or the yardstick; both on the Node.js that runs this script. */
async function startServer(server: Server, env: Record<string, string>): Promise<ServerProcess> {
  const profile = options.profile && server === "project" ? ["--cpu-prof", `--cpu-prof-dir=${RESULTS}`] : [];
  const args = server === "peer" ? ["scripts/bench/peer.ts"] : [...startNodeOptions(), ...profile, "dist/src/main.js"];
  return startServerProcess(args, { ...env, JWT_SECRET: SECRET, DEMO: "0", LOG_LEVEL: "info" });
}

/** PUT /users/{id}: a different user and a fresh unique email on every request, as the administrator. */
async function loadServer(
  url: string,
  adminId: string,
  ids: string[],
  seconds: number,
  label: string,
  overallRate?: number,
): Promise<autocannon.Result> {
  const authorization = `Bearer ${signToken(keys, adminId, "1h")}`;
  let counter = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    overallRate,
    requests: [
      {
        method: "PUT",
        setupRequest: (request) => {
          counter += 1;
          return {
            ...request,
            path: `/users/${ids[counter % ids.length]}`,
            headers: { authorization, "content-type": "application/json" },
            body: JSON.stringify({ email: `${label}-${counter}@example.com` }),
          };
        },
      },
    ],
  });
}

async function measureHttp(
  url: string,
  child: ChildProcess,
  adminId: string,
  ids: string[],
  database?: string,
): Promise<HttpResult> {
  log("warming up the server (3 s)");
  await loadServer(url, adminId, ids, 3, `warm-${Date.now()}`);
  log(`PUT /users/{id} for ${DURATION} s at ${CONNECTIONS} connections`);
  const cpu = startCpuMeter({ serverPid: child.pid!, database });
  const result = await loadServer(url, adminId, ids, DURATION, `run-${Date.now()}`);
  const cpuMsPerRequest = cpu(result.requests.total);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    peakRssMb: peakRssMb(child.pid!),
    cpuMsPerRequest,
  };
}

const profileFiles = () =>
  new Set(existsSync(RESULTS) ? readdirSync(RESULTS).filter((file) => file.endsWith(".cpuprofile")) : []);

/** Starts a server, measures it and stops it; with --profile, the result says where the project's CPU went. */
async function measureServer(
  server: Server,
  env: Record<string, string>,
  adminId: string,
  ids: string[],
  database?: string,
): Promise<HttpResult> {
  const before = profileFiles();
  const started = await startServer(server, env);
  let result: HttpResult;
  try {
    result = await measureHttp(started.url, started.child, adminId, ids, database);
  } finally {
    await stopServerProcess(started);
  }
  const written = [...profileFiles()].find((file) => !before.has(file));
  if (written) {
    const file = join(RESULTS, written);
    result.profile = { file, layers: profileLayers(file) };
    log(`${file}: ${result.profile.layers.map(({ layer, percent }) => `${layer} ${percent} %`).join(", ")}`);
  }
  return result;
}

/**
 * The same work in SQL: load the caller, read the target's version, update it conditionally, audit, publish the
 * event; one transaction.
 */
async function sqlTransaction(
  query: (sql: string, params?: unknown[]) => Promise<unknown>,
  adminId: string,
  id: string,
  email: string,
) {
  await query("begin");
  try {
    await query("select id, username, role, status from users where id = $1", [adminId]);
    const target = (await query("select version from users where id = $1", [id])) as { rows: { version: number }[] };
    await query(
      "update users set email = $1, version = version + 1, updated_at = now(), updated_by = $2 where id = $3 and version = $4",
      [email, adminId, id, target.rows[0].version],
    );
    await query(
      "insert into audit (user_id, actor_id, contract, changes, version, kind) values ($1, $2, 'sql', $3::jsonb, $4, 'updated')",
      [id, adminId, JSON.stringify({ email }), target.rows[0].version + 1],
    );
    await query(
      "insert into events (user_id, type, data) values ($1, 'user.updated', jsonb_build_object('version', $2::int, 'changed', '[\"email\"]'::jsonb, 'contract', 'sql', 'actor', $3::text))",
      [id, target.rows[0].version + 1, adminId],
    );
    await query("commit");
  } catch (error) {
    await query("rollback");
    throw error;
  }
}

async function measureSql(
  workers: number,
  run: (worker: number, id: string, email: string) => Promise<void>,
  ids: string[],
  database?: string,
): Promise<SqlResult> {
  const latencies: number[] = [];
  const cpu = startCpuMeter({ database });
  let counter = 0;
  const deadline = Date.now() + DURATION * 1000;
  const label = `sql-${Date.now()}`;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (Date.now() < deadline) {
        counter += 1;
        const started = performance.now();
        await run(worker, ids[(counter * 7919) % ids.length], `${label}-${counter}@example.com`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 100) / 100;
  const cpuMsPerTransaction = cpu(latencies.length);
  return {
    transactionsPerSecond: Math.round(latencies.length / DURATION),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    cpuMsPerTransaction,
  };
}

async function seed(db: Knex, users: ImportUser[]) {
  await migrate(db);
  await importDirectory(db, fromFile({ users }));
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** A server's rounds, and their summary: mean throughput and CPU, worst p99, all non-2xx, highest peak RSS. */
function summarise(rounds: HttpResult[]) {
  return {
    requestsPerSecond: Math.round(mean(rounds.map((r) => r.requestsPerSecond))),
    p50Ms: round2(mean(rounds.map((r) => r.p50Ms))),
    p99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
    serverCpuMsPerRequest: Math.round(mean(rounds.map((r) => r.cpuMsPerRequest.server ?? NaN)) * 1000) / 1000,
    postgresCpuMsPerRequest: Math.round(mean(rounds.map((r) => r.cpuMsPerRequest.postgres ?? NaN)) * 1000) / 1000,
    peakRssMb: Math.max(...rounds.map((r) => r.peakRssMb)),
    // Both servers are started with this script's own executable (process.execPath).
    nodeVersion: process.version,
    rounds,
  };
}

async function benchPostgres(baseUrl: string) {
  const name = `users_api_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const { adminId, ids, users } = directory();
  try {
    log(`PostgreSQL: scratch database ${name}, importing ${users.length} users`);
    const db = openDatabase({ kind: "postgres", url: url.toString(), poolMax: 4 });
    await seed(db, users);
    await db.destroy();

    const env = { DATABASE_URL: url.toString(), DB_POOL_MAX: String(CONNECTIONS) };
    if (options.webhook) return await benchWebhook(env, adminId, ids, name);
    const rounds: Record<"project" | "peer", HttpResult[]> = { project: [], peer: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const server of ["project", "peer"] as const) {
        log(`round ${round} of ${ROUNDS}: ${server}`);
        rounds[server].push(await measureServer(server, env, adminId, ids, name));
      }
    }
    const project = summarise(rounds.project);
    const peer = summarise(rounds.peer);

    log(`the same SQL work directly through pg, ${DURATION} s at ${CONNECTIONS} connections`);
    const pool = new pg.Pool({ connectionString: url.toString(), max: CONNECTIONS });
    pool.on("error", (error) => log(`pool: ${error.message}`));
    const clients = await Promise.all(Array.from({ length: CONNECTIONS }, () => pool.connect()));
    const sql = await measureSql(
      CONNECTIONS,
      (worker, id, email) => sqlTransaction((q, p) => clients[worker].query(q, p), adminId, id, email),
      ids,
      name,
    );
    clients.forEach((client) => client.release());
    await pool.end();
    log(
      `project ${project.requestsPerSecond} req/s, ${project.serverCpuMsPerRequest} ms CPU, p99 ${project.p99Ms} ms; ` +
        `peer ${peer.requestsPerSecond} req/s, ${peer.serverCpuMsPerRequest} ms CPU, p99 ${peer.p99Ms} ms; direct SQL ${sql.transactionsPerSecond} tx/s`,
    );
    return {
      project,
      peer,
      sql,
      // project / peer: throughput (≥ 0.7 wanted) and server CPU per request (≤ 1.6 wanted), from this run's rounds.
      ratios: {
        throughput: round2(project.requestsPerSecond / peer.requestsPerSecond),
        serverCpu: round2(project.serverCpuMsPerRequest / peer.serverCpuMsPerRequest),
        projectToSql: round2(project.requestsPerSecond / sql.transactionsPerSecond),
      },
    };
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

const quantiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: values.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
};

/** Waits until the receiver has `count` deliveries, or `timeoutMs` passed; the seconds it waited. */
async function drained(receiver: WebhookReceiver, count: number, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while (receiver.lags().length < count && Date.now() - started < timeoutMs)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return (Date.now() - started) / 1000;
}

/**
 * --webhook: the project without and with a webhook subscription (rounds alternating, full load), then with it at a
 * steady rate below its capacity, where the lag from a change to its delivery is the delivery path's own.
 */
async function benchWebhook(env: Record<string, string>, adminId: string, ids: string[], database: string) {
  const receiver = await startWebhookReceiver();
  const subscribed = {
    ...env,
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: `whsec_${randomBytes(32).toString("base64")}`,
    WEBHOOK_ALLOW_PRIVATE: "true",
  };
  try {
    const rounds: Record<"off" | "on", HttpResult[]> = { off: [], on: [] };
    const backlog: { events: number; deliveredDuringRun: number; drainSeconds: number }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      log(`round ${round} of ${ROUNDS}: project without a webhook`);
      rounds.off.push(await measureServer("project", env, adminId, ids, database));
      log(`round ${round} of ${ROUNDS}: project with a webhook`);
      receiver.reset();
      // A subscription starts with the events written after its server started (the rounds without it removed it).
      const before = await eventCount(database);
      const started = await startServer("project+webhook", subscribed);
      try {
        const result = await measureHttp(started.url, started.child, adminId, ids, database);
        rounds.on.push(result);
        const deliveredDuringRun = receiver.lags().length;
        const events = (await eventCount(database)) - before;
        backlog.push({ events, deliveredDuringRun, drainSeconds: await drained(receiver, events) });
        log(`deliveries: ${JSON.stringify(backlog.at(-1))}`);
      } finally {
        await stopServerProcess(started);
      }
    }
    const off = summarise(rounds.off);
    const on = summarise(rounds.on);

    const rate = Number(options.rate);
    log(`delivery lag at a steady ${rate} PUT/s for ${DURATION} s`);
    const started = await startServer("project+webhook", subscribed);
    let steady;
    try {
      const before = await eventCount(database);
      receiver.reset();
      await loadServer(started.url, adminId, ids, 3, `warm-${Date.now()}`);
      await drained(receiver, (await eventCount(database)) - before);
      receiver.reset();
      const result = await loadServer(started.url, adminId, ids, DURATION, `steady-${Date.now()}`, rate);
      const sent = result.requests.total;
      await drained(receiver, sent, 30_000);
      steady = { rate, requests: sent, non2xx: result.non2xx, lag: quantiles(receiver.lags()) };
    } finally {
      await stopServerProcess(started);
    }
    log(
      `without ${off.requestsPerSecond} req/s, ${off.serverCpuMsPerRequest} ms CPU; with ${on.requestsPerSecond} req/s, ${on.serverCpuMsPerRequest} ms CPU; lag ${JSON.stringify(steady.lag)}`,
    );
    return {
      withoutWebhook: off,
      withWebhook: { ...on, deliveries: backlog },
      ratios: {
        throughput: round2(on.requestsPerSecond / off.requestsPerSecond),
        serverCpu: round2(on.serverCpuMsPerRequest / off.serverCpuMsPerRequest),
      },
      steady,
    };
  } finally {
    await receiver.close();
  }
}

/** The events the scratch database holds (every committed change has one; none are pruned during a bench). */
async function eventCount(database: string): Promise<number> {
  const url = new URL(process.env.DATABASE_URL || process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>("select count(*) from events");
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

async function benchEmbedded() {
  const dataDir = mkdtempSync(join(tmpdir(), "users-api-bench-"));
  const { adminId, ids, users } = directory();
  try {
    log(`embedded: PGlite in ${dataDir}, importing ${users.length} users`);
    const db = openDatabase({ kind: "embedded", dataDir });
    await seed(db, users);
    await db.destroy();

    const http = await measureServer("project", { DATA_DIR: dataDir, DATABASE_URL: "" }, adminId, ids);

    log(`the same SQL work directly through PGlite, ${DURATION} s (one connection)`);
    const pglite = new PGlite(join(dataDir, "pgdata"));
    const sql = await measureSql(
      1,
      (_worker, id, email) => sqlTransaction((q, p) => pglite.query(q, p), adminId, id, email),
      ids,
    );
    await pglite.close();
    return {
      http: { ...http, nodeVersion: process.version },
      sql,
      ratio: round2(http.requestsPerSecond / sql.transactionsPerSecond),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runScript(async () => {
  process.on("unhandledRejection", (error) => log(`unhandled: ${String(error)}`));
  log("building the server as `npm start` runs it");
  execFileSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
  const postgresUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  const results: Record<string, unknown> = {
    when: new Date().toISOString(),
    settings: {
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      users: USERS,
      rounds: ROUNDS,
      nodeVersion: process.version,
    },
  };
  if (options.only !== "embedded") {
    if (postgresUrl) results.postgres = await benchPostgres(postgresUrl);
    else log("no DATABASE_URL or TEST_DATABASE_URL: the PostgreSQL run is skipped");
  }
  if (options.only !== "postgres") results.embedded = await benchEmbedded();
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `bench-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  console.log(JSON.stringify(results, null, 2));
  log(`written to ${file}`);
});
