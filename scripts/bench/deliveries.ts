// npm run bench:deliveries -- --events 20000: what the delivery queue costs PostgreSQL. A backlog of events (of
// --users users, as PUTs leave them when a receiver was down) is drained by the dispatcher into a sink that takes each
// event at once, so that what is measured is the queue (fan-out, claims, outcomes), not HTTP. The queue's statistics
// are those of a new deployment (analyzed while empty). Reports events/s, PostgreSQL CPU and WAL bytes per event.
// PostgreSQL of DATABASE_URL or TEST_DATABASE_URL, in a scratch database.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { pino } from "pino";
import { openDatabase } from "../../src/db/knex.ts";
import { migrate } from "../../src/db/migrate.ts";
import { startDispatcher, type Sink } from "../../src/events/dispatcher.ts";
import { startCpuMeter } from "../cpu-meter.ts";

const { values: options } = parseArgs({
  options: { events: { type: "string", default: "20000" }, users: { type: "string", default: "2000" } },
});
const EVENTS = Number(options.events);
const USERS = Number(options.users);
const log = (line: string) => console.error(`[deliveries] ${line}`);

const baseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!baseUrl) throw new Error("set DATABASE_URL or TEST_DATABASE_URL");
const name = `users_api_deliveries_${process.pid}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`create database "${name}"`);
const url = new URL(baseUrl);
url.pathname = `/${name}`;
const db = openDatabase({ kind: "postgres", url: url.toString(), poolMax: 10 });
try {
  await migrate(db);
  await db.raw("analyze");
  let delivered = 0;
  const sink: Sink = {
    name: "webhook",
    send: () => {
      delivered++;
      return Promise.resolve({ delivered: true });
    },
  };
  const settings = {
    naming: { source: "urn:users-api:bench", typePrefix: "" },
    retryWindowMs: 86_400_000,
    firstBackoffMs: 1_000,
    maxBackoffMs: 300_000,
    leaseMs: 20_000,
    pollMs: 20,
    retentionHours: 168,
    auditRetentionDays: undefined,
  };
  const dispatcher = await startDispatcher(db, [sink], settings, pino({ level: "silent" }));
  try {
    log(`${EVENTS} events of ${USERS} users, drained by one dispatcher`);
    await db.raw(
      `insert into events (user_id, type, data)
        select 'user-' || (i % ?), 'user.updated', '{"version": 2, "changed": ["email"]}'::jsonb
        from generate_series(1, ?) i`,
      [USERS, EVENTS],
    );
    const wal = async () =>
      (await db.raw<{ rows: { lsn: string }[] }>("select pg_current_wal_lsn()::text as lsn")).rows[0].lsn;
    const walBefore = await wal();
    const meter = startCpuMeter({ database: name });
    const started = Date.now();
    while (delivered < EVENTS) await new Promise((resolve) => setTimeout(resolve, 10));
    const seconds = (Date.now() - started) / 1000;
    const cpu = meter(EVENTS);
    const walBytes = (
      await db.raw<{ rows: { bytes: number }[] }>("select pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn)::float8 as bytes", [
        await wal(),
        walBefore,
      ])
    ).rows[0].bytes;
    const results = {
      when: new Date().toISOString(),
      events: EVENTS,
      users: USERS,
      eventsPerSecond: Math.round(EVENTS / seconds),
      postgresCpuMsPerEvent: cpu.postgres,
      dispatcherCpuMsPerEvent: cpu.bench,
      walBytesPerEvent: Math.round(walBytes / EVENTS),
    };
    mkdirSync("bench-results", { recursive: true });
    const out = join("bench-results", `deliveries-${Date.now()}.json`);
    writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
    console.log(JSON.stringify(results, null, 2));
    log(`written to ${out}`);
  } finally {
    await dispatcher.stop();
  }
} finally {
  await db.destroy();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
