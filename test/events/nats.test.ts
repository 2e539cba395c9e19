// Events published to NATS JetStream by a real server process (NATS_URL): one message per event on
// `<prefix>.user.<created|updated|deleted>`, the CloudEvent as its body and its id as `Nats-Msg-Id`, read back by a
// consumer of the stream; a republish of an id is dropped as a duplicate; a NATS that is not up yet when the server
// starts gets the events once it is. Each test has a stream and subject prefix of its own, deleted afterwards.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstream, jetstreamManager, type JetStreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { describe, expect, it } from "vitest";
import {
  freePort,
  spawnGroup,
  startServerProcess,
  stopGroup,
  stopServerProcess,
  type ServerProcess,
} from "../../scripts/server-process.ts";
import { DEMO_ADMIN_ID } from "../../src/db/demo.ts";
import { signToken } from "../../src/tokens.ts";
import { TEST_KEYS, TEST_SECRET, testDatabase } from "../support/harness.ts";

const NATS = "nats://127.0.0.1:4222";
const authorization = `Bearer ${signToken(TEST_KEYS, DEMO_ADMIN_ID)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server process on a database of its own (PGlite in a new data directory, or a copy of the template). */
async function withServer(extra: Record<string, string>, test: (server: ServerProcess) => Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), "users-api-nats-"));
  const own = process.env.TEST_DATABASE_URL ? await testDatabase() : undefined;
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess(["--import", "tsx", "src/main.ts"], {
      ...(own ? { DATABASE_URL: own.url! } : { DATA_DIR: dataDir, DATABASE_URL: "" }),
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: "warn",
      WEBHOOK_URL: "",
      WEBHOOK_SECRET: "",
      ...extra,
    });
    await test(server);
    expect(await stopServerProcess(server)).toBe(0);
  } finally {
    if (server && server.child.exitCode === null && server.child.signalCode === null)
      await stopServerProcess(server, "SIGKILL");
    await own?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function call(server: ServerProcess, method: string, path: string, body?: unknown, type = "application/json") {
  const response = await fetch(server.url + path, {
    method,
    headers: { authorization, "content-type": type },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** Creates a user over SCIM, changes it over DeviceHive and Strapi, deletes it: four events; their CloudEvents. */
async function changes(server: ServerProcess) {
  const scim = "application/scim+json";
  const created = await call(
    server,
    "POST",
    "/scim/v2/Users",
    { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `nats-${randomUUID()}` },
    scim,
  );
  expect(created.status).toBe(201);
  expect((await call(server, "PUT", "/user/3", { data: { nats: true } })).status).toBe(204);
  expect((await call(server, "PUT", `/users/${created.json.id}`, { confirmed: true })).status).toBe(200);
  expect((await call(server, "DELETE", `/scim/v2/Users/${created.json.id}`, undefined, scim)).status).toBe(204);
  for (let i = 0; i < 100; i++) {
    const feed = await call(server, "GET", "/directory/events?limit=1000&wait=1");
    if (feed.json.events.length === 4) return feed.json.events as any[];
  }
  throw new Error("the feed did not show the 4 events");
}

interface Stream {
  nc: NatsConnection;
  jsm: JetStreamManager;
  name: string;
  prefix: string;
}

async function withStream(url: string, test: (stream: Stream) => Promise<void>) {
  const tag = randomUUID().replace(/-/g, "").slice(0, 12);
  const stream: Stream = {
    nc: await connect({ servers: url }),
    jsm: undefined as never,
    name: `USERS_API_TEST_${tag}`,
    prefix: `test-${tag}.users`,
  };
  stream.jsm = await jetstreamManager(stream.nc);
  try {
    await test(stream);
  } finally {
    await stream.jsm.streams.delete(stream.name).catch(() => undefined);
    await stream.nc.close();
  }
}

/** Waits until the stream holds `count` messages, then reads them all with a consumer. */
async function readStream(stream: Stream, count: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await stream.jsm.streams.info(stream.name).catch(() => undefined);
    if (info && info.state.messages >= count) break;
    if (Date.now() > deadline)
      throw new Error(`the stream holds ${info?.state.messages ?? "no"} messages, not ${count}`);
    await sleep(100);
  }
  const consumer = await jetstream(stream.nc).consumers.get(stream.name);
  const messages = await consumer.fetch({ max_messages: count + 10, expires: 1_000 });
  const read: { subject: string; msgId: string | undefined; body: any; seq: number }[] = [];
  for await (const message of messages) {
    read.push({
      subject: message.subject,
      msgId: message.headers?.get("Nats-Msg-Id"),
      body: message.json(),
      seq: message.seq,
    });
  }
  return read;
}

/**
 * Each event once, as its CloudEvent, on its subject, under its id; each user's in feed order (users' events may
 * interleave differently: they are sent side by side).
 */
function expectPublished(read: Awaited<ReturnType<typeof readStream>>, events: any[], prefix: string) {
  const byId = [...read].sort((a, b) => Number(a.msgId) - Number(b.msgId));
  expect(byId.map((m) => m.msgId)).toEqual(events.map((e) => e.id));
  expect(byId.map((m) => m.body)).toEqual(events);
  expect(byId.map((m) => m.subject)).toEqual(events.map((e) => `${prefix}.${e.type.replace("users-api.", "")}`));
  for (const subject of new Set(events.map((e) => e.subject)))
    expect(read.filter((m) => m.body.subject === subject).map((m) => m.msgId)).toEqual(
      events.filter((e) => e.subject === subject).map((e) => e.id),
    );
}

const natsEnv = (stream: Stream, url = NATS) => ({
  NATS_URL: url,
  NATS_STREAM: stream.name,
  NATS_SUBJECT_PREFIX: stream.prefix,
});

describe("NATS JetStream", () => {
  it(
    "gets each event once on its subject, the CloudEvent as body and its id as Nats-Msg-Id; a republish is a duplicate",
    { timeout: 90_000 },
    async () => {
      await withStream(NATS, async (stream) => {
        await withServer(natsEnv(stream), async (server) => {
          const events = await changes(server);
          const read = await readStream(stream, 4);
          expectPublished(read, events, stream.prefix);
          expect(read.map((m) => m.body.type).sort()).toEqual([
            "users-api.user.created",
            "users-api.user.deleted",
            "users-api.user.updated",
            "users-api.user.updated",
          ]);

          // The same id again (what a redelivery after a lost acknowledgement sends) is dropped by the stream.
          const ack = await jetstream(stream.nc).publish(read[1].subject, JSON.stringify(read[1].body), {
            msgID: read[1].msgId,
          });
          expect(ack.duplicate).toBe(true);
          const fresh = await jetstream(stream.nc).publish(read[1].subject, "{}", { msgID: `other-${randomUUID()}` });
          expect(fresh.duplicate).toBe(false);
          expect((await stream.jsm.streams.info(stream.name)).state.messages).toBe(5);
          // Nothing more arrives later (each event published once).
          await sleep(1_000);
          expect((await stream.jsm.streams.info(stream.name)).state.messages).toBe(5);
        });
      });
    },
  );

  it(
    "a NATS not up yet when the server starts: writes are not held up, and the events arrive once it is",
    { timeout: 120_000 },
    async () => {
      const port = await freePort();
      const store = mkdtempSync(join(tmpdir(), "users-api-nats-store-"));
      mkdirSync(join(store, "js"), { recursive: true });
      const url = `nats://127.0.0.1:${port}`;
      let nats: ReturnType<typeof spawnGroup> | undefined;
      const tag = randomUUID().replace(/-/g, "").slice(0, 12);
      const names = { name: `USERS_API_TEST_${tag}`, prefix: `test-${tag}.users` };
      try {
        await withServer(
          { NATS_URL: url, NATS_STREAM: names.name, NATS_SUBJECT_PREFIX: names.prefix },
          async (server) => {
            const started = Date.now();
            const events = await changes(server);
            expect(Date.now() - started).toBeLessThan(10_000);
            nats = spawnGroup("nats-server", ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", join(store, "js")], {
              stdio: "ignore",
            });
            let nc: NatsConnection | undefined;
            for (let i = 0; i < 100 && !nc; i++)
              nc = await connect({ servers: url }).catch(() => sleep(100).then(() => undefined));
            if (!nc) throw new Error("the NATS server did not start");
            const stream: Stream = { nc, jsm: await jetstreamManager(nc), ...names };
            try {
              const read = await readStream(stream, 4, 60_000);
              expectPublished(read, events, names.prefix);
            } finally {
              await nc.close();
            }
          },
        );
      } finally {
        if (nats) await stopGroup(nats, "SIGTERM");
        rmSync(store, { recursive: true, force: true });
      }
    },
  );
});
