// A webhook receiver as a consumer would write one, run as a process of its own: it verifies every delivery with
// the Standard Webhooks library (`new Webhook(secret).verify(body, headers)`) and records each attempt (its id,
// timestamp, body, whether it verified, what it answered) in a JSON-lines file, which outlives the process so that
// the receiver can be stopped and started again on the same port. What it answers is set over /_control: a status
// (500 to fail), the first n attempts of each id failed, a delay, or holding requests open without an answer.
//
// Run directly (`node --import tsx test/support/webhook-receiver.ts`) it is the receiver, configured by
// RECEIVER_PORT, RECEIVER_SECRET and RECEIVER_RECORDS; imported, it gives the tests `startReceiver`.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import { Webhook } from "standardwebhooks";
import { spawnGroup, stopGroup } from "../../scripts/server-process.ts";
import type { CloudEvent } from "../../src/events/cloudevent.ts";

/** One delivery attempt as the receiver saw it. */
export interface Attempt {
  id: string;
  timestamp: string;
  /** When the request arrived and when it ended (ms since the epoch). */
  receivedAt: number;
  endedAt: number;
  verified: boolean;
  contentType: string | undefined;
  /** The parsed body (undefined when it was not JSON). */
  event: CloudEvent | undefined;
  /** The status answered, or "closed": the sender went away (a timeout, a killed server) before any answer. */
  outcome: number | "closed";
}

/** How the receiver answers. */
export interface Behaviour {
  /** The status of an answer (default 204). */
  status?: number;
  /** Answer 500 to the first n attempts of each webhook-id. */
  failFirst?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (until the behaviour changes, which answers those held with the new behaviour's status). */
  hold?: boolean;
}

function runReceiver(): void {
  const port = Number(process.env.RECEIVER_PORT);
  const records = process.env.RECEIVER_RECORDS!;
  const webhook = new Webhook(process.env.RECEIVER_SECRET!);
  let behaviour: Behaviour = JSON.parse(process.env.RECEIVER_BEHAVIOUR ?? "{}") as Behaviour;
  const attemptsById = new Map<string, number>();
  for (const attempt of readAttempts(records)) attemptsById.set(attempt.id, (attemptsById.get(attempt.id) ?? 0) + 1);
  const held = new Set<() => void>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (req.url?.startsWith("/_control")) return control(req.method ?? "GET", body, res);
      const headers = Object.fromEntries(
        ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(req.headers[name])]),
      );
      let verified = false;
      try {
        webhook.verify(body, headers);
        verified = true;
      } catch {
        verified = false;
      }
      let event: CloudEvent | undefined;
      try {
        event = JSON.parse(body) as CloudEvent;
      } catch {
        event = undefined;
      }
      const id = headers["webhook-id"];
      const seen = (attemptsById.get(id) ?? 0) + 1;
      attemptsById.set(id, seen);
      const receivedAt = Date.now();
      let ended = false;
      const record = (outcome: number | "closed") => {
        if (ended) return;
        ended = true;
        const attempt: Attempt = {
          id,
          timestamp: headers["webhook-timestamp"],
          receivedAt,
          endedAt: Date.now(),
          verified,
          contentType: req.headers["content-type"],
          event,
          outcome,
        };
        appendFileSync(records, JSON.stringify(attempt) + "\n");
      };
      const answer = () => {
        held.delete(answer);
        if (ended) return;
        const status = !verified ? 400 : seen <= (behaviour.failFirst ?? 0) ? 500 : (behaviour.status ?? 204);
        record(status);
        res.writeHead(status).end();
      };
      res.once("close", () => {
        held.delete(answer);
        record("closed");
      });
      if (behaviour.hold) held.add(answer);
      else if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs);
      else answer();
    });
  });

  function control(method: string, body: string, res: ServerResponse): void {
    if (method === "POST") {
      behaviour = JSON.parse(body) as Behaviour;
      if (!behaviour.hold) for (const answer of [...held]) answer();
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ behaviour, held: held.size }));
  }

  server.listen(port, "127.0.0.1", () => console.log(`receiver listening on ${port}`));
  process.once("SIGTERM", () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

/** Every attempt recorded in `file` so far, oldest first. */
export function readAttempts(file: string): Attempt[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Attempt);
}

export interface Receiver {
  url: string;
  /** Sets how it answers; resolves with how many requests it holds open. */
  behave(behaviour: Behaviour): Promise<number>;
  /** How many requests it holds open now. */
  held(): Promise<number>;
  attempts(): Attempt[];
  /** The attempts answered 2xx: what the sender took as delivered. */
  delivered(): Attempt[];
  /** Waits until `check` holds for the attempts (polling), or fails after `timeoutMs`. */
  until(check: (attempts: Attempt[]) => boolean, timeoutMs?: number): Promise<Attempt[]>;
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same records. */
  restart(behaviour?: Behaviour): Promise<void>;
  running(): boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the receiver as a process of its own (in its own process group, stopped by test/support/processes.ts). */
export async function startReceiver(options: {
  port: number;
  secret: string;
  records: string;
  behaviour?: Behaviour;
}): Promise<Receiver> {
  const base = `http://127.0.0.1:${options.port}`;
  let child: ReturnType<typeof spawnGroup> | undefined;

  async function launch(behaviour: Behaviour = {}): Promise<void> {
    const started = spawnGroup(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname], {
      env: {
        ...process.env,
        RECEIVER_PORT: String(options.port),
        RECEIVER_SECRET: options.secret,
        RECEIVER_RECORDS: options.records,
        RECEIVER_BEHAVIOUR: JSON.stringify(behaviour),
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child = started;
    for (let i = 0; i < 300; i++) {
      if (started.exitCode !== null) throw new Error(`the receiver exited with ${started.exitCode}`);
      const up = await fetch(`${base}/_control`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await sleep(50);
    }
    await stopGroup(started, "SIGKILL");
    throw new Error("the receiver did not start in 15 s");
  }

  const controlled = async (init?: RequestInit) =>
    ((await (await fetch(`${base}/_control`, init)).json()) as { held: number }).held;
  const attempts = () => readAttempts(options.records);
  const delivered = () => attempts().filter((a) => typeof a.outcome === "number" && a.outcome < 300);

  await launch(options.behaviour);
  return {
    url: `${base}/hook`,
    behave: (behaviour) => controlled({ method: "POST", body: JSON.stringify(behaviour) }),
    held: () => controlled(),
    attempts,
    delivered,
    async until(check, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const seen = attempts();
        if (check(seen)) return seen;
        if (Date.now() > deadline)
          throw new Error(`the receiver did not see what was awaited in ${timeoutMs} ms; it saw ${seen.length}`);
        await sleep(50);
      }
    },
    async stop() {
      if (child) await stopGroup(child, "SIGTERM");
      child = undefined;
    },
    restart: (behaviour) => launch(behaviour),
    running: () => child !== undefined && child.exitCode === null && child.signalCode === null,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runReceiver();
