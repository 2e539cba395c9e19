// Delivers the directory's events to its subscriptions (a webhook, NATS JetStream) in the background: every tick
// gives new events a delivery row per subscription, leases the due ones, sends them, and records each outcome; a
// failed one is tried again with exponential backoff and jitter until its retry window closes, then it is dead.
// A write never waits for any of this: it only wrote its event.
import type { Knex } from "knex";
import type { Logger } from "pino";
import { cloudEvent, type EventNaming, type StoredEvent } from "./cloudevent.ts";
import { claim, fanOut, markDelivered, markFailed, prune, registerSubscriptions, retryNow } from "./deliveries.ts";
import type { SendOutcome } from "./webhook.ts";

/** Where events go: a name (the delivery rows') and how one is sent. */
export interface Sink {
  name: string;
  send(event: StoredEvent, body: string): Promise<SendOutcome>;
  close?(): Promise<void>;
}

export interface DispatchSettings {
  naming: EventNaming;
  /** How long a failed delivery is retried before it is dead. */
  retryWindowMs: number;
  /** The first retry's delay; each next one doubles, up to `maxBackoffMs`, with ±50 % jitter. */
  firstBackoffMs: number;
  maxBackoffMs: number;
  /** How long a leased delivery is its instance's (longer than a send may take). */
  leaseMs: number;
  pollMs: number;
  retentionHours: number;
  auditRetentionDays: number | undefined;
}

export type Outcome = "delivered" | "failed" | "dead";

export interface Dispatcher {
  /** Stops after the deliveries under way; what was not delivered stays in the queue. */
  stop(): Promise<void>;
}

const BATCH = 50;
const PRUNE_EVERY_MS = 5 * 60_000;
const WAKE_EVERY_MS = 60_000;

/** The delay before attempt `attempts + 1`: doubling from the first, capped, with jitter. */
export function backoff(attempts: number, settings: Pick<DispatchSettings, "firstBackoffMs" | "maxBackoffMs">): number {
  const base = Math.min(settings.maxBackoffMs, settings.firstBackoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + Math.random()));
}

export async function startDispatcher(
  db: Knex,
  sinks: Sink[],
  settings: DispatchSettings,
  logger: Logger,
  observe: (sink: string, outcome: Outcome, lagMs: number) => void = () => undefined,
): Promise<Dispatcher> {
  const names = sinks.map((sink) => sink.name);
  await registerSubscriptions(db, names);
  // When a subscription's deliveries were last woken from their backoff (see `deliver`).
  const woken = new Map<string, number>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastPrune = 0;

  async function deliver(sink: Sink): Promise<number> {
    const claimed = await claim(db, sink.name, BATCH, settings.leaseMs);
    const delivered: { eventId: string; attempts: number; time: Date }[] = [];
    await Promise.all(
      claimed.map(async ({ event, attempts, createdAt }) => {
        const outcome = await sink.send(event, JSON.stringify(cloudEvent(event, settings.naming)));
        const lease = { subscription: sink.name, eventId: event.id, attempts };
        if (outcome.delivered) {
          delivered.push({ eventId: event.id, attempts, time: event.time });
          return;
        }
        const retryAt = Date.now() + backoff(attempts, settings);
        const open = retryAt - createdAt.getTime() < settings.retryWindowMs;
        await markFailed(db, lease, outcome.error, open ? new Date(retryAt) : undefined);
        observe(sink.name, open ? "failed" : "dead", 0);
        if (!open) logger.warn({ event: event.id, sink: sink.name }, `event delivery is dead: ${outcome.error}`);
      }),
    );
    // One statement for the round's deliveries: a user's next event is claimed only after this.
    await markDelivered(db, sink.name, delivered);
    for (const { time } of delivered) observe(sink.name, "delivered", Date.now() - time.getTime());
    // The receiver answers again: what waits for a retry is tried now, not after its backoff; at most once a minute,
    // so that an event the receiver keeps refusing while it takes others keeps its backoff.
    if (delivered.length > 0 && Date.now() - (woken.get(sink.name) ?? 0) > WAKE_EVERY_MS) {
      woken.set(sink.name, Date.now());
      await retryNow(db, sink.name);
    }
    return claimed.length;
  }

  async function tick(): Promise<void> {
    await fanOut(db, names);
    const sent = await Promise.all(sinks.map(deliver));
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      await prune(db, settings.retentionHours, settings.auditRetentionDays);
    }
    // A full batch means more is due: go on at once.
    return sent.some((count) => count === BATCH) ? tick() : undefined;
  }

  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) => logger.warn({ err: error }, "event delivery: a round failed; the next one retries"))
        .finally(schedule);
    }, settings.pollMs);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      for (const sink of sinks) await sink.close?.();
    },
  };
}
