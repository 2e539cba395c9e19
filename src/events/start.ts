// The subscriptions configuration asks for (WEBHOOK_URL, NATS_URL), and the dispatcher that delivers to them.
import type { Knex } from "knex";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { EVENT_TYPE_PREFIX } from "./cloudevent.ts";
import { startDispatcher, type Dispatcher, type Outcome, type Sink } from "./dispatcher.ts";
import { openNats } from "./nats.ts";
import { postWebhook } from "./webhook.ts";

const HOUR_MS = 3_600_000;

/** With no subscription, the dispatcher only prunes what is past its retention. */
export async function startDeliveries(
  db: Knex,
  config: Config,
  logger: Logger,
  observe?: (sink: string, outcome: Outcome, lagMs: number) => void,
): Promise<Dispatcher> {
  const sinks: Sink[] = [];
  const { webhook, nats } = config;
  if (webhook) {
    sinks.push({ name: "webhook", send: (event, body) => postWebhook(webhook, event.id, body) });
    logger.info(`webhook deliveries to ${webhook.url.origin}${webhook.url.pathname}`);
  }
  if (nats) {
    const publisher = openNats(nats, logger);
    sinks.push({
      name: "nats",
      send: (event, body) => publisher.publish(event.id, event.type, body),
      close: () => publisher.close(),
    });
    logger.info(`NATS JetStream: stream ${nats.stream}, subjects ${nats.subjectPrefix}.user.*`);
  }
  return startDispatcher(
    db,
    sinks,
    {
      naming: { source: config.eventSource, typePrefix: EVENT_TYPE_PREFIX },
      retryWindowMs: config.eventRetryHours * HOUR_MS,
      firstBackoffMs: 1_000,
      maxBackoffMs: 5 * 60_000,
      // Twice the longest a webhook may take to answer: a delivery leased longer than that was abandoned.
      leaseMs: 2 * (webhook?.timeoutMs ?? 10_000),
      pollMs: 200,
      retentionHours: config.eventRetentionHours,
      auditRetentionDays: config.auditRetentionDays,
    },
    logger,
    observe,
  );
}
