// The delivery loop (src/events/dispatcher.ts) driven in-process on the harness's database with fake sinks and small
// timings: each event once, a user's events in order (a failing one holds back only its user's later ones), retries
// with backoff, dead after the retry window (listed by GET /directory/deliveries/dead and counted in /metrics), a
// lease that ran out, two dispatchers on one queue.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredEvent } from "../../src/events/cloudevent.ts";
import { startDispatcher, type DispatchSettings, type Dispatcher, type Sink } from "../../src/events/dispatcher.ts";
import type { SendOutcome } from "../../src/events/webhook.ts";
import { createLogger } from "../../src/log.ts";
import { jsonBody, send, startServer, testDatabase, type TestDatabase, type TestServer } from "../support/harness.ts";

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const logs: string[] = [];
const logger = createLogger(
  "info",
  new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  }),
);

const settings = (overrides: Partial<DispatchSettings> = {}): DispatchSettings => ({
  naming: { source: "urn:users-api", typePrefix: "users-api." },
  retryWindowMs: 60_000,
  firstBackoffMs: 200,
  maxBackoffMs: 2_000,
  leaseMs: 10_000,
  pollMs: 20,
  retentionHours: 168,
  auditRetentionDays: undefined,
  ...overrides,
});

interface Sent {
  id: string;
  user: string;
  version: number | null;
  at: number;
  body: string;
  delivered: boolean;
}

/** A sink that records every attempt and answers what `decide` says (delivered when it says nothing). */
function fakeSink(
  name: string,
  decide: (event: StoredEvent, attempt: number) => Promise<SendOutcome | void> | SendOutcome | void = () => undefined,
) {
  const sent: Sent[] = [];
  const sink: Sink = {
    name,
    async send(event, body) {
      const attempt = sent.filter((s) => s.id === event.id).length + 1;
      const at = Date.now();
      const outcome = (await decide(event, attempt)) ?? { delivered: true };
      sent.push({
        id: event.id,
        user: event.user_id,
        version: event.data.version,
        at,
        body,
        delivered: outcome.delivered,
      });
      return outcome;
    },
  };
  return { sink, sent, delivered: () => sent.filter((s) => s.delivered) };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = "the condition") {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** Changes user number `num` (DeviceHive's id) `times` times, one after the other; the event ids are read back later. */
async function change(num: number, times: number, tag: string) {
  for (let i = 0; i < times; i++) {
    const answer = await send(server, "PUT", `/user/${num}`, { as: "admin", ...jsonBody({ data: { tag, i } }) });
    expect(answer.status).toBe(204);
  }
}

const running: Dispatcher[] = [];
async function dispatch(sinks: Sink[], overrides: Partial<DispatchSettings> = {}): Promise<Dispatcher> {
  const dispatcher = await startDispatcher(database.db, sinks, settings(overrides), logger);
  running.push(dispatcher);
  return dispatcher;
}
afterAll(() => Promise.all(running.map((d) => d.stop())));

/** The delivered versions of each user, in the order they were delivered. */
function versionsByUser(sent: Sent[]): Record<string, (number | null)[]> {
  const byUser: Record<string, (number | null)[]> = {};
  for (const s of sent) (byUser[s.user] ??= []).push(s.version);
  return byUser;
}

describe("the dispatcher", () => {
  it("delivers each event once, a user's in order, its body the feed's CloudEvent", async () => {
    const fake = fakeSink("in-order", async () => void (await sleep(Math.random() * 15)));
    const dispatcher = await dispatch([fake.sink]);
    try {
      await Promise.all([2, 3, 4, 5].map((num) => change(num, 5, "order")));
      await until(() => fake.delivered().length >= 20, 15_000, "20 deliveries");
      await sleep(200);
      expect(fake.sent.length).toBe(20);
      const byUser = versionsByUser(fake.delivered());
      expect(Object.keys(byUser)).toHaveLength(4);
      for (const versions of Object.values(byUser))
        expect(versions).toEqual([2, 3, 4, 5, 6].map((v) => v + (versions[0]! - 2)));
      const feed = (await send(server, "GET", "/directory/events?limit=1000", { as: "admin" })).json.events as any[];
      for (const s of fake.sent) expect(JSON.parse(s.body)).toEqual(feed.find((e) => e.id === s.id));
    } finally {
      await dispatcher.stop();
    }
  });

  it("a failing event holds back only its own user's later events, which follow once it is delivered", async () => {
    let first: string | undefined;
    const fake = fakeSink("held-back", (event, attempt) => {
      first ??= event.user_id === "12345" ? event.id : undefined;
      if (event.id === first && attempt <= 3) return { delivered: false, error: "HTTP 503" };
    });
    const dispatcher = await dispatch([fake.sink], { firstBackoffMs: 150 });
    try {
      await change(4, 2, "held");
      await change(6, 2, "free");
      await until(() => fake.delivered().length >= 4, 15_000, "4 deliveries");
      const delivered = fake.delivered();
      const held = delivered.filter((s) => s.user === "12345");
      const free = delivered.filter((s) => s.user !== "12345");
      expect(held.map((s) => s.id)[0]).toBe(first);
      expect(fake.sent.filter((s) => s.id === first).map((s) => s.delivered)).toEqual([false, false, false, true]);
      // The other user's events did not wait; the held user's second waited for its first.
      expect(Math.max(...free.map((s) => s.at))).toBeLessThan(held[0].at);
      expect(held[1].at).toBeGreaterThanOrEqual(held[0].at);
      expect(fake.sent.filter((s) => s.id === held[1].id)).toHaveLength(1);
    } finally {
      await dispatcher.stop();
    }
  });

  it("retries a failed delivery with doubling backoff, the same event each time", async () => {
    const fake = fakeSink("backoff", (_event, attempt) =>
      attempt <= 4 ? { delivered: false, error: "HTTP 500" } : undefined,
    );
    const dispatcher = await dispatch([fake.sink], { firstBackoffMs: 100, maxBackoffMs: 10_000 });
    try {
      await change(3, 1, "backoff");
      await until(() => fake.delivered().length === 1, 15_000, "the delivery");
      const attempts = fake.sent.map((s) => s.at);
      expect(new Set(fake.sent.map((s) => s.body)).size).toBe(1);
      expect(attempts).toHaveLength(5);
      const gaps = attempts.slice(1).map((at, i) => at - attempts[i]);
      // Attempt n waits 100 ms × 2^(n-1), ±50 %: at least half of it, at most 1.5 times (and a poll or two).
      gaps.forEach((gap, i) => {
        expect(gap, `gap ${i + 1}`).toBeGreaterThanOrEqual(0.5 * 100 * 2 ** i - 5);
        expect(gap, `gap ${i + 1}`).toBeLessThanOrEqual(1.5 * 100 * 2 ** i + 250);
      });
      expect(gaps[3]).toBeGreaterThan(gaps[0]);
    } finally {
      await dispatcher.stop();
    }
  });

  // A success wakes the subscription's waiting retries at most once a minute, so a refused event keeps its backoff.
  it("keeps the backoff of an event the receiver refuses while it accepts other events", async () => {
    let refused: string | undefined;
    const fake = fakeSink("poison", (event) => {
      if (event.user_id === "12345") refused ??= event.id;
      if (event.id === refused) return { delivered: false, error: "HTTP 422" };
    });
    const dispatcher = await dispatch([fake.sink], { firstBackoffMs: 200, maxBackoffMs: 10_000, pollMs: 50 });
    try {
      await change(4, 1, "poison");
      const started = Date.now();
      while (Date.now() - started < 2_000) {
        await change(7, 1, `traffic-${Date.now()}`);
        await sleep(100);
      }
      // 200 × (1 + 2 + 4) ms = 1.4 s at the middle of the jitter: 4 attempts, 6 at most with the shortest delays.
      expect(fake.sent.filter((s) => s.id === refused).length).toBeLessThanOrEqual(6);
    } finally {
      await dispatcher.stop();
    }
  });
});

describe("dead deliveries", () => {
  it("a delivery failing past the retry window is dead: listed, counted in /metrics, and its user's next goes on", async () => {
    let doomed: string | undefined;
    const fake = fakeSink("webhook", (event) => {
      doomed ??= event.id;
      if (event.id === doomed) return { delivered: false, error: "HTTP 500" };
    });
    const dispatcher = await dispatch([fake.sink], { retryWindowMs: 500, firstBackoffMs: 50, maxBackoffMs: 100 });
    try {
      await change(8, 2, "dead");
      await until(() => fake.delivered().length === 1, 15_000, "the next event's delivery");
      const attempts = fake.sent.filter((s) => s.id === doomed);
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      expect(attempts.every((s) => !s.delivered)).toBe(true);
      expect(fake.delivered()[0].version).toBe(attempts[0].version! + 1);
      await sleep(300);
      expect(fake.sent.filter((s) => s.id === doomed)).toHaveLength(attempts.length);

      const dead = await send(server, "GET", "/directory/deliveries/dead", { as: "admin" });
      expect(dead.status).toBe(200);
      expect(dead.json.deliveries).toEqual([
        {
          subscription: "webhook",
          eventId: doomed,
          subject: fake.sent[0].user,
          attempts: attempts.length,
          lastError: "HTTP 500",
          since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ]);
      const metrics = await send(server, "GET", "/metrics");
      expect(metrics.text).toMatch(/^event_deliveries_dead\{subscription="webhook"\} 1$/m);
      expect(logs.join("")).toContain(`"event":"${doomed}"`);
      expect((await send(server, "GET", "/directory/deliveries/dead?limit=0", { as: "admin" })).status).toBe(400);
    } finally {
      await dispatcher.stop();
    }
  });
});

describe("leases and instances", () => {
  /** An instance whose send hangs until `answerLate`, leasing for 300 ms; then a second one on the same queue. */
  async function leaseTakenOver(name: string) {
    let answerLate!: (outcome: SendOutcome) => void;
    const late = new Promise<SendOutcome>((resolve) => (answerLate = resolve));
    const first = await dispatch([fakeSink(name, () => late).sink], { leaseMs: 300 });
    await change(2, 1, name);
    const sending = () =>
      database
        .db("event_deliveries")
        .where({ subscription: name, state: "pending" })
        .andWhere("locked_until", ">", database.db.fn.now());
    await until(async () => (await sending()).length === 1, 10_000, "the first instance's attempt");
    const event = String((await sending().first()).event_id);
    const taker = fakeSink(name);
    const second = await dispatch([taker.sink], { leaseMs: 300 });
    const stop = async () => {
      answerLate({ delivered: false, error: "test ended" });
      await first.stop();
      await second.stop();
    };
    return { event, taker, answerLate, stop };
  }

  it("a delivery whose instance stopped answering is taken by another instance once its lease ran out", async () => {
    const { event, taker, stop } = await leaseTakenOver("lease");
    try {
      const started = Date.now();
      await until(() => taker.delivered().length === 1, 10_000, "the second instance's delivery");
      expect(taker.sent[0].id).toBe(event);
      expect(Date.now() - started).toBeLessThan(3_000);
      // Delivered: its row is gone.
      expect(await database.db("event_deliveries").where({ subscription: "lease" })).toEqual([]);
    } finally {
      await stop();
    }
  });

  // An outcome is recorded only by the attempt that holds the lease (its attempt number).
  it("the first instance's late answer, after the other delivered it, undoes nothing", async () => {
    const { event, taker, answerLate, stop } = await leaseTakenOver("late-answer");
    try {
      await until(() => taker.delivered().length === 1, 10_000, "the second instance's delivery");
      answerLate({ delivered: false, error: "no answer within 10000 ms" });
      await sleep(500);
      // Neither retried nor dead: the late answer found no lease of its own to record a failure on.
      expect(await database.db("event_deliveries").where({ subscription: "late-answer", event_id: event })).toEqual([]);
      expect(taker.sent).toHaveLength(1);
    } finally {
      await stop();
    }
  });

  it("two dispatchers on one queue deliver each event once between them, each user's in order", async () => {
    const one = fakeSink("pair", async () => void (await sleep(Math.random() * 10)));
    const two = fakeSink("pair", async () => void (await sleep(Math.random() * 10)));
    const a = await dispatch([one.sink]);
    const b = await dispatch([two.sink]);
    try {
      await Promise.all([2, 3, 4, 5, 6].map((num) => change(num, 6, "pair")));
      const all = () => [...one.delivered(), ...two.delivered()].sort((x, y) => x.at - y.at);
      await until(() => all().length >= 30, 20_000, "30 deliveries");
      await sleep(300);
      const delivered = all();
      expect(delivered).toHaveLength(30);
      expect(new Set(delivered.map((s) => s.id)).size).toBe(30);
      for (const versions of Object.values(versionsByUser(delivered)))
        expect(versions).toEqual([...versions].sort((x, y) => x! - y!));
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
