// npm run bench: PUT /users/{id} throughput through the server against the same SQL work done directly, on
// PostgreSQL (DATABASE_URL or TEST_DATABASE_URL, in a scratch database) and on the embedded PGlite.
// Options: --duration 10 --connections 16 --users 2000 --only postgres|embedded --profile (server CPU profiles
// into bench-results/).
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
import { peakRssMb, startCpuMeter, type CpuPerUnit } from "./cpu-meter.ts";
import { runScript } from "./run-script.ts";
import { startServerProcess, stopServerProcess, type ServerProcess } from "./server-process.ts";

const { values: options } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    users: { type: "string", default: "2000" },
    only: { type: "string" },
    profile: { type: "boolean", default: false },
  },
});
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);
const USERS = Number(options.users);
const SECRET = `bench-${randomUUID()}-${randomUUID()}`;
const keys: TokenKeys = { algorithm: "HS256", verifyKey: secretKey(SECRET), signKey: secretKey(SECRET), issuer: undefined, audience: undefined };

interface HttpResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  peakRssMb: number;
  /** CPU ms per request: the server (all its threads; with PGlite inside), PostgreSQL, the load generator. */
  cpuMsPerRequest: CpuPerUnit;
}
interface SqlResult {
  transactionsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU ms per transaction: PostgreSQL, and the client (with PGlite inside, embedded). */
  cpuMsPerTransaction: CpuPerUnit;
}

const log = (line: string) => console.error(`[bench] ${line}`);

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

async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const profile = options.profile ? ["--cpu-prof", "--cpu-prof-dir=bench-results"] : [];
  return startServerProcess([...profile, "dist/src/main.js"], { ...env, JWT_SECRET: SECRET, DEMO: "0", LOG_LEVEL: "info" });
}

/** PUT /users/{id}: a different user and a fresh unique email on every request, as the administrator. */
async function loadServer(url: string, adminId: string, ids: string[], seconds: number, label: string): Promise<autocannon.Result> {
  const authorization = `Bearer ${signToken(keys, adminId, "1h")}`;
  let counter = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
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

async function measureHttp(url: string, child: ChildProcess, adminId: string, ids: string[], database?: string): Promise<HttpResult> {
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

/** The same work in SQL: load the caller, read the target's version, update it conditionally, audit; one transaction. */
async function sqlTransaction(query: (sql: string, params?: unknown[]) => Promise<unknown>, adminId: string, id: string, email: string) {
  await query("begin");
  try {
    await query("select id, username, role, status from users where id = $1", [adminId]);
    const target = (await query("select version from users where id = $1", [id])) as { rows: { version: number }[] };
    await query(
      "update users set email = $1, version = version + 1, updated_at = now(), updated_by = $2 where id = $3 and version = $4",
      [email, adminId, id, target.rows[0].version],
    );
    await query("insert into audit (user_id, actor_id, contract, changes) values ($1, $2, 'sql', $3::jsonb)", [id, adminId, JSON.stringify({ email })]);
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
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 100) / 100;
  const cpuMsPerTransaction = cpu(latencies.length);
  return { transactionsPerSecond: Math.round(latencies.length / DURATION), p50Ms: at(0.5), p99Ms: at(0.99), cpuMsPerTransaction };
}

async function seed(db: Knex, users: ImportUser[]) {
  await migrate(db);
  await importDirectory(db, fromFile({ users }));
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

    const server = await startServer({ DATABASE_URL: url.toString(), DB_POOL_MAX: String(CONNECTIONS) });
    const http = await measureHttp(server.url, server.child, adminId, ids, name);
    await stopServerProcess(server);

    log(`the same SQL work directly through pg, ${DURATION} s at ${CONNECTIONS} connections`);
    const pool = new pg.Pool({ connectionString: url.toString(), max: CONNECTIONS });
    pool.on("error", (error) => log(`pool: ${error.message}`));
    const clients = await Promise.all(Array.from({ length: CONNECTIONS }, () => pool.connect()));
    const sql = await measureSql(CONNECTIONS, (worker, id, email) => sqlTransaction((q, p) => clients[worker].query(q, p), adminId, id, email), ids, name);
    clients.forEach((client) => client.release());
    await pool.end();
    return { http, sql, ratio: Math.round((http.requestsPerSecond / sql.transactionsPerSecond) * 100) / 100 };
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
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

    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "" });
    const http = await measureHttp(server.url, server.child, adminId, ids);
    await stopServerProcess(server);

    log(`the same SQL work directly through PGlite, ${DURATION} s (one connection)`);
    const pglite = new PGlite(join(dataDir, "pgdata"));
    const sql = await measureSql(1, (_worker, id, email) => sqlTransaction((q, p) => pglite.query(q, p), adminId, id, email), ids);
    await pglite.close();
    return { http, sql, ratio: Math.round((http.requestsPerSecond / sql.transactionsPerSecond) * 100) / 100 };
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
    settings: { durationSeconds: DURATION, connections: CONNECTIONS, users: USERS },
  };
  if (options.only !== "embedded") {
    if (postgresUrl) results.postgres = await benchPostgres(postgresUrl);
    else log("no DATABASE_URL or TEST_DATABASE_URL: the PostgreSQL run is skipped");
  }
  if (options.only !== "postgres") results.embedded = await benchEmbedded();
  mkdirSync("bench-results", { recursive: true });
  const file = join("bench-results", `bench-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  console.log(JSON.stringify(results, null, 2));
  log(`written to ${file}`);
});
