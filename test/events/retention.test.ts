// What is kept: delivered events and their deliveries for EVENT_RETENTION_HOURS, the audit history for
// AUDIT_RETENTION_DAYS (for ever when unset); pruned by the dispatcher's rounds (src/events/deliveries.ts `prune`),
// driven in-process on the harness's database, and by a real server process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Knex } from "knex";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerProcess, stopServerProcess } from "../../scripts/server-process.ts";
import { DEMO_ADMIN_ID } from "../../src/db/demo.ts";
import { openDatabase } from "../../src/db/knex.ts";
import { startDispatcher, type DispatchSettings, type Sink } from "../../src/events/dispatcher.ts";
import { createLogger } from "../../src/log.ts";
import { signToken } from "../../src/tokens.ts";
import {
  demoId,
  jsonBody,
  send,
  startServer,
  TEST_KEYS,
  TEST_SECRET,
  testDatabase,
  type TestDatabase,
  type TestServer,
} from "../support/harness.ts";

let database: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  database = await testDatabase();
  server = await startServer({}, { database });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const JONNY = demoId("jonny1");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const logger = createLogger("silent");
const settings = (overrides: Partial<DispatchSettings> = {}): DispatchSettings => ({
  naming: { source: "urn:users-api", typePrefix: "users-api." },
  retryWindowMs: 60_000,
  firstBackoffMs: 100,
  maxBackoffMs: 1_000,
  leaseMs: 5_000,
  pollMs: 20,
  retentionHours: 1,
  auditRetentionDays: 2,
  ...overrides,
});
const accepting = (name: string, delivered: string[] = []): Sink => ({
  name,
  send: (event) => {
    delivered.push(event.id);
    return Promise.resolve({ delivered: true });
  },
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

async function changeJonny(times: number) {
  for (let i = 0; i < times; i++)
    expect(
      (await send(server, "PUT", "/user/3", { as: "admin", ...jsonBody({ data: { i, at: Date.now() } }) })).status,
    ).toBe(204);
}

/** Makes events and audit rows look written long ago. */
async function age(db: Knex, eventIds: string[], hours: number, auditDays?: number) {
  await db.raw("update events set time = now() - make_interval(hours => ?) where id = any(?::bigint[])", [
    hours,
    eventIds,
  ]);
  if (auditDays !== undefined) await db.raw("update audit set at = now() - make_interval(days => ?)", [auditDays]);
}

const eventIds = async (db: Knex) =>
  (await db("events").select(db.raw("id::text as id")).orderBy("id")).map((r) => r.id as string);

describe("pruning", () => {
  it("deletes delivered events older than the retention, and audit rows older than theirs", async () => {
    const delivered: string[] = [];
    const first = await startDispatcher(database.db, [accepting("keep", delivered)], settings(), logger);
    try {
      await changeJonny(3);
      await until(() => delivered.length === 3);
    } finally {
      await first.stop();
    }
    const [old1, old2, recent] = delivered;
    await age(database.db, [old1, old2], 3, 3);
    await changeJonny(1);
    const newest = (await eventIds(database.db)).at(-1)!;
    const second = await startDispatcher(database.db, [accepting("keep")], settings(), logger);
    try {
      await until(async () => !(await eventIds(database.db)).includes(old1));
    } finally {
      await second.stop();
    }
    const kept = await eventIds(database.db);
    expect(kept).not.toContain(old2);
    expect(kept).toEqual(expect.arrayContaining([recent, newest]));
    expect(await database.db("event_deliveries").whereIn("event_id", [old1, old2])).toEqual([]);
    const feed = (await send(server, "GET", "/directory/events?limit=1000", { as: "admin" })).json.events.map(
      (e: any) => e.id,
    );
    expect(feed).not.toContain(old1);
    expect(feed).toContain(recent);
    // Every audit row was aged 3 days: only the change made after that is left.
    const history = (await send(server, "GET", `/directory/users/${JONNY}/history`, { as: "admin" })).json.changes;
    expect(history).toHaveLength(1);
  });

  it("keeps an old event whose delivery to another subscription is still open", async () => {
    const delivered: string[] = [];
    const waiting = await startDispatcher(
      database.db,
      [
        accepting("keep", delivered),
        { name: "slow", send: () => Promise.resolve({ delivered: false, error: "HTTP 503" }) },
      ],
      settings(),
      logger,
    );
    try {
      await changeJonny(1);
      await until(() => delivered.length === 1);
      await age(database.db, delivered, 3);
    } finally {
      await waiting.stop();
    }
    // The same subscriptions again (the slow one still failing): a prune round keeps the event "slow" still owes.
    const again = await startDispatcher(
      database.db,
      [accepting("keep"), { name: "slow", send: () => Promise.resolve({ delivered: false, error: "HTTP 503" }) }],
      settings(),
      logger,
    );
    await sleep(300);
    await again.stop();
    expect(await eventIds(database.db)).toContain(delivered[0]);
  });

  // A subscription no longer configured goes at start-up, with what it had still to deliver.
  it("prunes old delivered events once a subscription is no longer configured", async () => {
    await startDispatcher(database.db, [accepting("removed-later")], settings(), logger).then((d) => d.stop());
    const delivered: string[] = [];
    const first = await startDispatcher(database.db, [accepting("stays", delivered)], settings(), logger);
    try {
      await changeJonny(1);
      await until(() => delivered.length === 1);
    } finally {
      await first.stop();
    }
    await age(database.db, delivered, 3);
    const second = await startDispatcher(database.db, [accepting("stays")], settings(), logger);
    await sleep(300);
    await second.stop();
    expect(await eventIds(database.db)).not.toContain(delivered[0]);
  });
});

describe("a real server process without webhook or NATS", () => {
  // Pruning runs also when nothing subscribes.
  it("still prunes events and audit rows older than their retention", { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "users-api-retention-"));
    const own = process.env.TEST_DATABASE_URL ? await testDatabase() : undefined;
    const env = {
      ...(own ? { DATABASE_URL: own.url! } : { DATA_DIR: dataDir, DATABASE_URL: "" }),
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: "warn",
      EVENT_RETENTION_HOURS: "1",
      AUDIT_RETENTION_DAYS: "1",
      WEBHOOK_URL: "",
      WEBHOOK_SECRET: "",
      NATS_URL: "",
    };
    const open = () => own?.db ?? openDatabase({ kind: "embedded", dataDir });
    const start = () => startServerProcess(["--import", "tsx", "src/main.ts"], env);
    let running = await start();
    try {
      const authorization = `Bearer ${signToken(TEST_KEYS, DEMO_ADMIN_ID)}`;
      const put = await fetch(`${running.url}/user/3`, {
        method: "PUT",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ data: { old: true } }),
      });
      expect(put.status).toBe(204);
      expect(await stopServerProcess(running)).toBe(0);
      const db = open();
      await db.raw("update events set time = now() - interval '3 days'");
      await db.raw("update audit set at = now() - interval '3 days'");
      if (!own) await db.destroy();
      running = await start();
      await sleep(1_500);
      expect(await stopServerProcess(running)).toBe(0);
      const after = open();
      const counts = [
        Number((await after("events").count({ n: "*" }))[0].n),
        Number((await after("audit").count({ n: "*" }))[0].n),
      ];
      if (!own) await after.destroy();
      expect(counts).toEqual([0, 0]);
    } finally {
      if (running.child.exitCode === null && running.child.signalCode === null)
        await stopServerProcess(running, "SIGKILL");
      await own?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
