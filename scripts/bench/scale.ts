// npm run bench:scale -- --users 1000000: what the directory costs as it grows. A file of N users (each with an
// email-shaped username, an email address and an externalId) is imported with `npm run import` into a scratch
// database (PostgreSQL of DATABASE_URL or TEST_DATABASE_URL, or with --database embedded a new PGlite directory),
// timed with its peak RSS; then the server as `npm start` runs it (start-up timed) answers: PUT /users/{id}
// (contract D) under load as `npm run bench` sends it, PUTs that rename a user, SCIM POST under load, one request at
// a time the lookups identity providers and integrators make (SCIM filters by userName, externalId and email,
// contract A by username and by email, contract D by id), and a walk of the whole directory by SCIM cursor pages,
// whose first and last pages are compared with an index page at the end. Client latencies on loopback; server CPU
// per request from /proc. Options: --users --database postgres|embedded --duration 10 --connections 16
// --lookups 300 --page-size 100 --cursor-pages 0 (all).
import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { secretKey, signToken } from "../../src/tokens.ts";
import { peakRssMb, startCpuMeter } from "../cpu-meter.ts";
import { runScript } from "../run-script.ts";
import { startNodeOptions, startServerProcess, stopServerProcess, type ServerProcess } from "../server-process.ts";

const { values: options } = parseArgs({
  options: {
    users: { type: "string", default: "1000000" },
    database: { type: "string", default: "postgres" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    lookups: { type: "string", default: "300" },
    "page-size": { type: "string", default: "100" },
    "cursor-pages": { type: "string", default: "0" },
  },
});
const USERS = Number(options.users);
const EMBEDDED = options.database === "embedded";
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);
const LOOKUPS = Number(options.lookups);
const PAGE = Number(options["page-size"]);
const CURSOR_PAGES = Number(options["cursor-pages"]) || Infinity;
const SECRET = `bench-scale-${randomUUID()}-${randomUUID()}`;
const ADMIN_ID = "bench-admin";
const log = (line: string) => console.error(`[scale] ${line}`);
const round2 = (value: number) => Math.round(value * 100) / 100;

const quantiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round2(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return { n: values.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
};

/** The import file: the administrator, then users u-1 … u-N-1, written as a stream (it is hundreds of MB at 1M). */
async function writeImportFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write('{"users":[');
  const administrator = { id: ADMIN_ID, username: "bench-admin", email: "bench-admin@example.com" };
  await write(JSON.stringify({ ...administrator, role: "admin", status: "active" }));
  for (let n = 1; n < USERS; n++) {
    const user = {
      id: `u-${n}`,
      username: `user${n}@example.com`,
      email: `user${n}@mail.example.com`,
      firstName: `Given${n}`,
      lastName: `Family${n}`,
      externalId: `ext-${n}`,
      role: "client",
      status: "active",
    };
    await write("," + JSON.stringify(user));
  }
  out.end('],"reports":[]}\n');
  await once(out, "finish");
}

/** `npm run import` as a user runs it, under GNU time: wall seconds and the peak RSS of its largest process. */
function runImport(file: string, env: Record<string, string>) {
  const run = spawnSync("/usr/bin/time", ["-f", "TIME %e %M", "npm", "run", "-s", "import", "--", file], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`npm run import failed: ${run.stderr.slice(-2000)}`);
  const [, seconds, kb] = /TIME (\S+) (\d+)/.exec(run.stderr) ?? [];
  return {
    seconds: Number(seconds),
    usersPerSecond: Math.round(USERS / Number(seconds)),
    peakRssMb: Math.round(Number(kb) / 1024),
  };
}

async function sizeMb(database: { name?: string; dataDir?: string }, admin?: pg.Client): Promise<number> {
  if (database.dataDir) {
    const du = execFileSync("du", ["-sb", database.dataDir], { encoding: "utf8" });
    return Math.round(Number(du.split("\t")[0]) / 1024 / 1024);
  }
  const size = await admin!.query<{ bytes: string }>("select pg_database_size($1)::bigint as bytes", [database.name]);
  return Math.round(Number(size.rows[0].bytes) / 1024 / 1024);
}

/** One request at a time; the client's latency and the body. */
function client(server: ServerProcess, authorization: string) {
  return async (path: string, init: RequestInit = {}) => {
    const begun = performance.now();
    const response = await fetch(server.url + path, {
      ...init,
      headers: { authorization, ...(init.headers as Record<string, string>) },
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - begun, body };
  };
}

/** autocannon for DURATION s at CONNECTIONS; `request(n)` gives the n-th request's path and body. */
async function load(
  server: ServerProcess,
  database: string | undefined,
  method: "PUT" | "POST",
  contentType: string,
  authorization: string,
  request: (n: number) => { path: string; body: string },
) {
  let n = 0;
  const cannon = (duration: number) =>
    autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method,
          setupRequest: (base) => ({
            ...base,
            ...request(++n),
            headers: { authorization, "content-type": contentType },
          }),
        },
      ],
    });
  await cannon(3);
  const cpu = startCpuMeter({ serverPid: server.child.pid!, database });
  const result = await cannon(DURATION);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest: cpu(result.requests.total),
  };
}

runScript(async () => {
  log("building the server as `npm start` runs it");
  execFileSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
  const work = mkdtempSync(join(tmpdir(), "users-api-scale-"));
  const baseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!EMBEDDED && !baseUrl) throw new Error("set DATABASE_URL or TEST_DATABASE_URL, or pass --database embedded");
  const name = EMBEDDED ? undefined : `users_api_scale_${process.pid}`;
  const admin = name ? new pg.Client({ connectionString: baseUrl }) : undefined;
  const dataDir = EMBEDDED ? join(work, "data") : undefined;
  let env: Record<string, string> = { DATA_DIR: dataDir ?? "", DATABASE_URL: "" };
  if (admin && name) {
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const url = new URL(baseUrl!);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
  }
  const results: Record<string, unknown> = {
    when: new Date().toISOString(),
    users: USERS,
    database: EMBEDDED ? "embedded" : "postgres",
    nodeVersion: process.version,
  };
  const record = (label: string, value: unknown) => {
    results[label] = value;
    log(`${label}: ${JSON.stringify(value)}`);
  };
  try {
    const file = join(work, "users.json");
    await writeImportFile(file);
    log(`npm run import of ${USERS} users`);
    record("import", runImport(file, env));
    rmSync(file);
    record("databaseMbAfterImport", await sizeMb({ name, dataDir }, admin));

    const started = Date.now();
    const server = await startServerProcess([...startNodeOptions(), "dist/src/main.js"], {
      ...env,
      JWT_SECRET: SECRET,
      DEMO: "0",
      LOG_LEVEL: "warn",
      DB_POOL_MAX: String(CONNECTIONS),
    });
    record("startupSeconds", (Date.now() - started) / 1000);
    const keys = { algorithm: "HS256" as const, verifyKey: secretKey(SECRET), signKey: secretKey(SECRET) };
    const authorization = `Bearer ${signToken({ ...keys, issuer: undefined, audience: undefined }, ADMIN_ID, "2h")}`;
    const call = client(server, authorization);
    const user = (n: number) => 1 + ((n * 7919) % (USERS - 1));
    try {
      const sequential = async (what: string, request: (n: number) => Promise<{ ms: number }>) => {
        for (let i = 0; i < 20; i++) await request(LOOKUPS + i);
        const cpu = startCpuMeter({ serverPid: server.child.pid!, database: name });
        const times: number[] = [];
        for (let i = 0; i < LOOKUPS; i++) times.push((await request(i)).ms);
        record(what, { ...quantiles(times), cpuMsPerRequest: cpu(LOOKUPS) });
      };
      const scimFilter = (filter: string) => `/scim/v2/Users?filter=${encodeURIComponent(filter)}`;
      const expectOne = (what: string) => async (path: string) => {
        const answer = await call(path);
        if (answer.body.totalResults !== 1) throw new Error(`${what}: ${JSON.stringify(answer.body)}`);
        return answer;
      };
      const lookups: Record<string, (n: number) => Promise<{ ms: number }>> = {
        "SCIM userName eq": (n) => expectOne("userName")(scimFilter(`userName eq "USER${user(n)}@example.com"`)),
        "SCIM externalId eq": (n) => expectOne("externalId")(scimFilter(`externalId eq "ext-${user(n)}"`)),
        'SCIM emails[type eq "work"].value eq': (n) =>
          expectOne("email")(scimFilter(`emails[type eq "work"].value eq "user${user(n)}@mail.example.com"`)),
        "GET contract A by username": (n) => call(`/api/management/security/users/user${user(n)}@example.com`),
        "GET contract A by email": (n) => call(`/api/management/security/users/user${user(n)}@mail.example.com`),
        "GET contract D by id": (n) => call(`/users/u-${user(n)}`),
      };
      for (const [what, request] of Object.entries(lookups)) await sequential(what, request);

      log(`walking the directory by cursor, ${PAGE} a page`);
      const pages: number[] = [];
      let cursor = "";
      let seen = 0;
      while (pages.length < CURSOR_PAGES) {
        const { ms, body } = await call(`/scim/v2/Users?count=${PAGE}&attributes=userName&cursor=${cursor}`);
        pages.push(ms);
        seen += (body.Resources as unknown[]).length;
        if (typeof body.nextCursor !== "string") break;
        cursor = body.nextCursor;
      }
      const window = Math.max(1, Math.min(200, Math.floor(pages.length / 2)));
      record("SCIM cursor walk", {
        pages: pages.length,
        usersSeen: seen,
        firstPages: quantiles(pages.slice(0, window)),
        lastPages: quantiles(pages.slice(-window)),
      });
      const index = [];
      for (let i = 0; i < 10; i++)
        index.push((await call(`/scim/v2/Users?count=${PAGE}&attributes=userName&startIndex=${USERS - PAGE}`)).ms);
      record("SCIM index page at the end", quantiles(index));
      // Last, since they change the users the lookups find.
      const label = `scale-${Date.now()}`;
      record(
        "PUT /users/{id} (email)",
        await load(server, name, "PUT", "application/json", authorization, (n) => ({
          path: `/users/u-${user(n)}`,
          body: JSON.stringify({ email: `${label}-${n}@example.com` }),
        })),
      );
      record(
        "POST /scim/v2/Users",
        await load(server, name, "POST", "application/scim+json", authorization, (n) => ({
          path: "/scim/v2/Users",
          body: JSON.stringify({
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
            userName: `${label}-new-${n}@example.com`,
            name: { givenName: "New", familyName: `User ${n}` },
            emails: [{ value: `${label}-new-${n}@example.com`, type: "work", primary: true }],
            active: true,
          }),
        })),
      );

      await sequential("PUT /users/{id} renaming the user", (n) =>
        call(`/users/u-${user(n + 500_000)}`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: `${label}-renamed-${n}` }),
        }),
      );
      record("serverPeakRssMb", peakRssMb(server.child.pid!));
    } finally {
      await stopServerProcess(server);
    }
    record("databaseMbAtTheEnd", await sizeMb({ name, dataDir }, admin));
    mkdirSync("bench-results", { recursive: true });
    const out = join("bench-results", `scale-${results.database as string}-${USERS}-${Date.now()}.json`);
    writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
    console.log(JSON.stringify(results, null, 2));
    log(`written to ${out}`);
  } finally {
    if (admin && name) {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
    rmSync(work, { recursive: true, force: true });
  }
});
