// Webhooks from a real server process (WEBHOOK_URL) to a real receiver process (test/support/webhook-receiver.ts)
// that verifies each delivery with the standardwebhooks library: signed deliveries whose body is the CloudEvent,
// retried with backoff under the same webhook-id, a receiver that is down for a while, a slow receiver that never
// slows a write, and a private WEBHOOK_URL refused at start-up.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  freePort,
  spawnGroup,
  startServerProcess,
  stopServerProcess,
  type ServerProcess,
} from "../../scripts/server-process.ts";
import { DEMO_ADMIN_ID } from "../../src/db/demo.ts";
import { signToken } from "../../src/tokens.ts";
import { TEST_KEYS, TEST_SECRET, testDatabase, type TestDatabase } from "../support/harness.ts";
import { startReceiver, type Attempt, type Receiver } from "../support/webhook-receiver.ts";

const SECRET = `whsec_${Buffer.from("a-receiver-secret-of-32-bytes!!!").toString("base64")}`;
const SOURCE = "https://directory.example.com/users-api";
const QUERY_TOKEN = "q-token-5f1c9e";
const authorization = `Bearer ${signToken(TEST_KEYS, DEMO_ADMIN_ID)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let own: TestDatabase | undefined;
let receiver: Receiver;
let server: ServerProcess | undefined;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "users-api-webhooks-"));
  own = process.env.TEST_DATABASE_URL ? await testDatabase() : undefined;
  receiver = await startReceiver({ port: await freePort(), secret: SECRET, records: join(dir, "attempts.jsonl") });
  server = await startServerProcess(
    ["--import", "tsx", "src/main.ts"],
    {
      ...(own ? { DATABASE_URL: own.url! } : { DATA_DIR: join(dir, "data"), DATABASE_URL: "" }),
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: "info",
      // A token in the query, as some receivers want: never logged, as the secret is not.
      WEBHOOK_URL: `${receiver.url}?token=${QUERY_TOKEN}`,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_ALLOW_PRIVATE: "true",
      WEBHOOK_TIMEOUT_MS: "1000",
      NATS_URL: "",
      EVENT_SOURCE: SOURCE,
    },
    { captureStdout: true },
  );
}, 90_000);
// test/support/processes.ts stops what a test started when it ends: a receiver started again in a test too.
beforeEach(async () => {
  if (!receiver.running()) await receiver.restart();
  await receiver.behave({});
});
afterAll(async () => {
  if (server) await stopServerProcess(server, "SIGKILL");
  await receiver?.stop();
  await own?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, type = "application/json") {
  const response = await fetch(server!.url + path, {
    method,
    headers: { authorization, "content-type": type },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** Changes user number `num` through DeviceHive; resolves with the write's duration. */
async function change(num: number, value: unknown): Promise<number> {
  const started = performance.now();
  const answer = await call("PUT", `/user/${num}`, { data: { value } });
  expect(answer.status).toBe(204);
  return performance.now() - started;
}

/** Every event in the feed so far. */
async function feed(): Promise<any[]> {
  return (await call("GET", "/directory/events?limit=1000")).json.events;
}

/** Waits until the receiver took (2xx) each of the feed's events after the first `skip`; returns those events. */
async function allDelivered(skip: number, count: number, timeoutMs = 30_000) {
  let events: any[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    events = (await feed()).slice(skip);
    const taken = new Set(receiver.delivered().map((a) => a.id));
    if (events.length >= count && events.every((e) => taken.has(e.id))) return events;
    if (Date.now() > deadline) throw new Error(`${taken.size} of ${events.length} (${count} awaited) events delivered`);
    await sleep(100);
  }
}

const deliveredOf = (ids: string[]) => receiver.delivered().filter((a) => ids.includes(a.id));
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)];

/** A user's delivered events in the order the receiver took them: their versions increase (a deletion last). */
function expectInOrderPerUser(attempts: Attempt[]) {
  const byUser = new Map<string, number[]>();
  for (const { event } of attempts)
    byUser.set(event!.subject, [...(byUser.get(event!.subject) ?? []), event!.data.version ?? Infinity]);
  for (const [user, versions] of byUser) expect(versions, user).toEqual([...versions].sort((a, b) => a - b));
}

describe("webhook deliveries", () => {
  it("arrive signed, verified by standardwebhooks, the body the feed's CloudEvent, each once", async () => {
    const scim = "application/scim+json";
    const created = await call(
      "POST",
      "/scim/v2/Users",
      { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "hooked" },
      scim,
    );
    expect(created.status).toBe(201);
    expect((await call("PUT", "/user/jonny1/profile", { firstName: "Hooked" })).status).toBe(204);
    await change(5, "hooked");
    expect((await call("DELETE", `/scim/v2/Users/${created.json.id}`, undefined, scim)).status).toBe(204);
    const events = await allDelivered(0, 4);
    const attempts = receiver.attempts();
    expect(attempts).toHaveLength(4);
    for (const attempt of attempts) {
      expect(attempt.verified).toBe(true);
      expect(attempt.outcome).toBe(204);
      expect(attempt.contentType).toBe("application/cloudevents+json; charset=utf-8");
      expect(Math.abs(Number(attempt.timestamp) * 1000 - attempt.receivedAt)).toBeLessThan(60_000);
    }
    // Each event once; users' events side by side may come in either order, a user's in feed order.
    const byId = [...attempts].sort((a, b) => Number(a.id) - Number(b.id));
    expect(byId.map((a) => a.event)).toEqual(events);
    expectInOrderPerUser(attempts);
    expect(events.every((e) => e.source === SOURCE)).toBe(true);
    expect(byId.map((a) => a.id)).toEqual(events.map((e) => e.id));
    expect(events.map((e) => e.type)).toEqual(
      ["created", "updated", "updated", "deleted"].map((t) => `users-api.user.${t}`),
    );
  });

  it("a receiver answering 500 is retried with backoff under the same webhook-id until it answers 2xx", async () => {
    const skip = (await feed()).length;
    await receiver.behave({ failFirst: 2 });
    try {
      await change(3, "retried");
      const [event] = await allDelivered(skip, 1);
      const tries = receiver.attempts().filter((a) => a.id === event.id);
      expect(tries.map((a) => a.outcome)).toEqual([500, 500, 204]);
      expect(tries.every((a) => a.verified && a.event?.id === event.id)).toBe(true);
      // The server's first retry waits 1 s, the next 2 s, each ±50 %.
      const gaps = tries.slice(1).map((a, i) => a.receivedAt - tries[i].receivedAt);
      expect(gaps[0]).toBeGreaterThanOrEqual(450);
      expect(gaps[0]).toBeLessThanOrEqual(2_000);
      expect(gaps[1]).toBeGreaterThanOrEqual(950);
      expect(gaps[1]).toBeLessThanOrEqual(3_600);
      // Each attempt is signed when it is sent.
      expect(Number(tries[2].timestamp)).toBeGreaterThanOrEqual(Number(tries[0].timestamp) + 1);
      const metrics = await (await fetch(`${server!.url}/metrics`)).text();
      expect(metrics).toMatch(/^event_delivery_attempts_total\{subscription="webhook",outcome="failed"\} [2-9]\d*$/m);
      expect(metrics).toMatch(/^event_delivery_attempts_total\{subscription="webhook",outcome="delivered"\} \d+$/m);
      expect(metrics).toMatch(/^event_delivery_lag_seconds_count\{subscription="webhook"\} \d+$/m);
    } finally {
      await receiver.behave({});
    }
  });

  it("a receiver down for a while then back gets everything, in order per user, none twice", async () => {
    const skip = (await feed()).length;
    await receiver.stop();
    try {
      for (let round = 0; round < 3; round++) await Promise.all([2, 4, 6].map((num) => change(num, `down-${round}`)));
      await sleep(1_500);
    } finally {
      await receiver.restart();
    }
    const events = await allDelivered(skip, 9);
    const delivered = deliveredOf(events.map((e) => e.id));
    expect(delivered).toHaveLength(9);
    expect(new Set(delivered.map((a) => a.id)).size).toBe(9);
    expectInOrderPerUser(delivered);
    expect(delivered.every((a) => a.verified)).toBe(true);
  });

  it("a receiver that does not answer never slows or fails a write; what it missed arrives once it answers", async () => {
    const skip = (await feed()).length;
    const baseline: number[] = [];
    for (let i = 0; i < 10; i++) baseline.push(await change(7, `fast-${i}`));
    await allDelivered(skip, 10);
    await receiver.behave({ hold: true });
    const slow: number[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        slow.push(await change(8, `slow-${i}`));
        await sleep(50);
      }
      // The receiver held deliveries while those writes were made, and the server gave up on them after 1 s.
      await receiver.until((attempts) => attempts.some((a) => a.outcome === "closed"), 10_000);
    } finally {
      await receiver.behave({});
    }
    expect(percentile(slow, 0.5)).toBeLessThan(Math.max(3 * percentile(baseline, 0.5), 100));
    expect(Math.max(...slow)).toBeLessThan(1_000);
    const closed = receiver.attempts().filter((a) => a.outcome === "closed");
    for (const attempt of closed) expect(attempt.endedAt - attempt.receivedAt).toBeGreaterThanOrEqual(900);
    for (const attempt of closed) expect(attempt.endedAt - attempt.receivedAt).toBeLessThan(3_000);
    const events = await allDelivered(skip + 10, 20, 40_000);
    const delivered = deliveredOf(events.map((e) => e.id));
    expect(new Set(delivered.map((a) => a.id)).size).toBe(20);
    expectInOrderPerUser(delivered);
  }, 90_000);
});

describe("the server's log", () => {
  it("says where deliveries go, without the URL's query or the secret", () => {
    const logged = server!.stdout();
    expect(logged).toContain(`webhook deliveries to ${receiver.url}"`);
    expect(logged).not.toContain(QUERY_TOKEN);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(SECRET.slice("whsec_".length));
  });
});

describe("start-up", () => {
  it("refuses a WEBHOOK_URL on 127.0.0.1 without WEBHOOK_ALLOW_PRIVATE=true, naming the variable", async () => {
    // One URL here (starting a process takes seconds); the other private addresses are in unit.test.ts.
    for (const url of ["http://127.0.0.1:9/hook"]) {
      const child = spawnGroup(process.execPath, ["--import", "tsx", "src/main.ts"], {
        env: {
          ...process.env,
          WEBHOOK_URL: url,
          WEBHOOK_SECRET: SECRET,
          WEBHOOK_ALLOW_PRIVATE: "",
          PORT: String(await freePort()),
          DATA_DIR: join(dir, "never"),
        },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => child.once("exit", resolve));
      expect(code, url).toBe(1);
      expect(stderr).toMatch(/^configuration: WEBHOOK_URL points at a private, loopback or link-local address/m);
      expect(stderr).toContain("WEBHOOK_ALLOW_PRIVATE=true");
    }
  }, 60_000);
});
