// Webhook deliveries across process deaths and instances: a server SIGKILLed while the receiver holds a delivery
// open delivers that event after it is started again (at least once, the same webhook-id); two server instances on
// one PostgreSQL with one receiver deliver each event once between them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, startServerProcess, stopServerProcess, type ServerProcess } from "../../scripts/server-process.ts";
import { DEMO_ADMIN_ID } from "../../src/db/demo.ts";
import { signToken } from "../../src/tokens.ts";
import { TEST_KEYS, TEST_SECRET, testDatabase, type TestDatabase } from "../support/harness.ts";
import { startReceiver, type Receiver } from "../support/webhook-receiver.ts";

const SECRET = `whsec_${Buffer.from("another-receiver-secret-32-bytes").toString("base64")}`;
const authorization = `Bearer ${signToken(TEST_KEYS, DEMO_ADMIN_ID)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Setup {
  receiver: Receiver;
  env: Record<string, string>;
  servers: ServerProcess[];
  start(): Promise<ServerProcess>;
}

/** A receiver, a database of its own and the environment of servers delivering to it; everything stopped after. */
async function withSetup(timeoutMs: number, test: (setup: Setup) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), "users-api-webhooks-crash-"));
  let own: TestDatabase | undefined;
  const setup: Setup = { receiver: undefined as never, env: {}, servers: [], start: undefined as never };
  try {
    own = process.env.TEST_DATABASE_URL ? await testDatabase() : undefined;
    setup.receiver = await startReceiver({
      port: await freePort(),
      secret: SECRET,
      records: join(dir, "attempts.jsonl"),
    });
    setup.env = {
      ...(own ? { DATABASE_URL: own.url! } : { DATA_DIR: join(dir, "data"), DATABASE_URL: "" }),
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: "error",
      WEBHOOK_URL: setup.receiver.url,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_ALLOW_PRIVATE: "true",
      WEBHOOK_TIMEOUT_MS: String(timeoutMs),
      NATS_URL: "",
    };
    setup.start = async () => {
      const server = await startServerProcess(["--import", "tsx", "src/main.ts"], setup.env);
      setup.servers.push(server);
      return server;
    };
    await test(setup);
  } finally {
    for (const server of setup.servers)
      if (server.child.exitCode === null && server.child.signalCode === null)
        await stopServerProcess(server, "SIGKILL");
    await setup.receiver?.stop();
    await own?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function change(server: ServerProcess, num: number, value: unknown) {
  const response = await fetch(`${server.url}/user/${num}`, {
    method: "PUT",
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify({ data: { value } }),
  });
  expect(response.status).toBe(204);
}

/**
 * The feed once it shows `count` events: on PostgreSQL an event is readable once no older transaction is running in
 * the whole server, so the suites beside this one may hold the newest back for a moment.
 */
async function feed(server: ServerProcess, count: number): Promise<any[]> {
  for (const deadline = Date.now() + 15_000; ; await sleep(100)) {
    const answer = await fetch(`${server.url}/directory/events?limit=1000`, { headers: { authorization } });
    const { events } = (await answer.json()) as { events: any[] };
    if (events.length >= count || Date.now() > deadline) return events;
  }
}

describe("a server killed mid-delivery", () => {
  it(
    "delivers the event it was sending after it is started again: at least once, the same webhook-id",
    { timeout: 120_000 },
    async () => {
      // WEBHOOK_TIMEOUT_MS 2000: the server gives up on an answer after 2 s, and its lease lasts 4 s.
      await withSetup(2_000, async ({ receiver, start }) => {
        const first = await start();
        await receiver.behave({ hold: true });
        await change(first, 3, "in flight");
        const [event] = await feed(first, 1);
        for (let i = 0; i < 100 && (await receiver.held()) === 0; i++) await sleep(50);
        expect(await receiver.held()).toBe(1);
        expect(await stopServerProcess(first, "SIGKILL")).toBe(null);
        // The killed server's connection closes: the receiver saw it go without an answer.
        const [closed] = await receiver.until((attempts) => attempts.some((a) => a.outcome === "closed"), 10_000);
        expect(closed.id).toBe(event.id);
        await receiver.behave({});

        const killedAt = Date.now();
        const second = await start();
        await receiver.until((attempts) => attempts.some((a) => a.id === event.id && a.outcome === 204), 30_000);
        const attempts = receiver.attempts().filter((a) => a.id === event.id);
        expect(attempts.map((a) => a.outcome)).toEqual(["closed", 204]);
        expect(attempts.every((a) => a.verified && a.event?.id === event.id)).toBe(true);
        expect(attempts[1].event).toEqual(attempts[0].event);
        // Not before the killed server's lease ran out, and not long after.
        expect(attempts[1].receivedAt - attempts[0].receivedAt).toBeGreaterThanOrEqual(3_500);
        expect(Date.now() - killedAt).toBeLessThan(30_000);
        // What is written afterwards is delivered as usual.
        await change(second, 3, "after restart");
        const events = await feed(second, 2);
        await receiver.until((seen) => seen.some((a) => a.id === events[1].id && a.outcome === 204), 10_000);
        expect(await stopServerProcess(second)).toBe(0);
      });
    },
  );
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("two server instances on one PostgreSQL", () => {
  it("deliver each event once between them, each user's in order", { timeout: 120_000 }, async () => {
    await withSetup(1_000, async ({ receiver, start }) => {
      const one = await start();
      const two = await start();
      const writes: Promise<void>[] = [];
      for (const num of [2, 3, 4, 5, 6, 7])
        writes.push(
          (async () => {
            for (let i = 0; i < 6; i++) await change(i % 2 === 0 ? one : two, num, `pair-${i}`);
          })(),
        );
      await Promise.all(writes);
      const events = await feed(one, 36);
      expect(events).toHaveLength(36);
      await receiver.until(
        (attempts) => new Set(attempts.filter((a) => a.outcome === 204).map((a) => a.id)).size === 36,
        30_000,
      );
      await sleep(1_000);
      const attempts = receiver.attempts();
      // In normal operation (nobody dies, the receiver answers) each event is sent exactly once.
      expect(attempts).toHaveLength(36);
      expect(attempts.every((a) => a.verified && a.outcome === 204)).toBe(true);
      expect(new Set(attempts.map((a) => a.id)).size).toBe(36);
      const byUser = new Map<string, number[]>();
      for (const attempt of attempts)
        byUser.set(attempt.event!.subject, [
          ...(byUser.get(attempt.event!.subject) ?? []),
          attempt.event!.data.version!,
        ]);
      expect(byUser.size).toBe(6);
      for (const versions of byUser.values()) expect(versions).toEqual([2, 3, 4, 5, 6, 7]);
      expect(await stopServerProcess(one)).toBe(0);
      expect(await stopServerProcess(two)).toBe(0);
    });
  });
});
