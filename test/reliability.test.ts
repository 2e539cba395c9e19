// Concurrency, database outages, and (in test/durability.test.ts) shutdown and crash safety.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adminConnection } from "./support/postgres.ts";
import { demoId, send, startServer, testDatabase, type TestDatabase, type TestServer } from "./support/harness.ts";

const JLOPEZ = demoId("jlopez");
const onPostgres = !!process.env.TEST_DATABASE_URL;

let database: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  database = await testDatabase();
  server = await startServer({}, { database });
});
afterAll(async () => {
  await server.close();
  await database.drop();
});
beforeEach(() => server.reset());

const putJson = (target: TestServer, body: object, headers: Record<string, string> = {}) =>
  send(target, "PUT", `/users/${JLOPEZ}`, {
    as: "admin",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("concurrency", () => {
  it("24 PUTs with the same If-Match: exactly one 2xx, the rest 412", async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => putJson(server, { email: `racer-${i}@example.com` }, { "if-match": '"1"' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(23);
    expect(await server.db("audit").where({ user_id: JLOPEZ })).toHaveLength(1);
  });

  it("48 PUTs without If-Match all succeed, and the row is exactly one request's values", async () => {
    const bodies = Array.from({ length: 48 }, (_, i) => ({
      username: `writer${i}`,
      email: `writer${i}@example.com`,
      confirmed: i % 2 === 0,
    }));
    const results = await Promise.all(bodies.map((body) => putJson(server, body)));
    expect(results.map((r) => r.status)).toEqual(bodies.map(() => 200));
    const row = await server.db("users").where({ id: JLOPEZ }).first();
    const winner = bodies.find((b) => b.username === row.username)!;
    expect({ username: row.username, email: row.email, confirmed: row.confirmed }).toEqual(winner);
    expect(row.version).toBe(49);
    expect(await server.db("audit").where({ user_id: JLOPEZ })).toHaveLength(48);
  });

  it.runIf(onPostgres)("two server instances on one PostgreSQL: still exactly one winner per ETag", async () => {
    const second = await startServer({}, { database });
    try {
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          putJson(i % 2 ? second : server, { email: `twin-${i}@example.com` }, { "if-match": '"1"' }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 412)).toHaveLength(23);
      const many = await Promise.all(
        Array.from({ length: 24 }, (_, i) => putJson(i % 2 ? second : server, { email: `both-${i}@example.com` })),
      );
      expect(many.every((r) => r.status === 200)).toBe(true);
      expect((await server.db("users").where({ id: JLOPEZ }).first()).version).toBe(26);
    } finally {
      await second.close();
    }
  });
});

describe.runIf(onPostgres)("database outage (PostgreSQL)", () => {
  it("connections killed under traffic: 503 with Retry-After or success, never another 5xx; then it serves again", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const admin = adminConnection(url.toString());
    const { rows } = await server.db.raw("select current_database() as name");
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    let stop = false;
    const traffic = (async () => {
      for (let i = 0; !stop && i < 2000; i++) {
        const email = `outage-${i}@example.com`;
        const response = await putJson(server, { email });
        statuses.push(response.status);
        if (response.status === 200) acknowledged.push(email);
        if (response.status === 503) {
          expect(response.headers.get("retry-after")).toBe("5");
          expect(response.json).toMatchObject({ code: 503 });
        }
      }
    })();
    try {
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await admin.raw(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()",
          [rows[0].name],
        );
      }
    } finally {
      stop = true;
      await traffic;
      await admin.destroy();
    }
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    // A connection killed in the last round may still be handed out before its termination reaches the pool: that
    // request is a 503 like the others, and the pool has dropped the connection by the time a client retries.
    const after: number[] = [];
    while (after.at(-1) !== 200 && after.length < 5) {
      if (after.length > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      after.push((await putJson(server, { email: "after@example.com" })).status);
    }
    expect(after.slice(0, -1).every((status) => status === 503) && after.at(-1) === 200, String(after)).toBe(true);
    expect((await send(server, "GET", "/readyz")).status).toBe(200);
    // Every write answered 200 is in the audit trail.
    const audited = (await server.db("audit").where({ user_id: JLOPEZ })).map((a) => a.changes.email?.new);
    expect(acknowledged.filter((email) => !audited.includes(email))).toEqual([]);
  });
});
