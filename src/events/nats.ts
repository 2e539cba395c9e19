// Events published to a NATS JetStream stream (NATS_URL): one message per event on `<prefix>.user.<created|updated|
// deleted>`, its body the CloudEvent, its `Nats-Msg-Id` the event's id, so that JetStream drops a redelivery within
// the stream's duplicate window. The stream is created when it does not exist. The server starts without waiting for
// NATS: until it is reached, publishing fails and the deliveries wait in the queue, as they would for a webhook.
import { jetstream, jetstreamManager, type JetStreamClient } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import type { Logger } from "pino";
import type { SendOutcome } from "./webhook.ts";

export interface NatsSettings {
  url: string;
  stream: string;
  /** Subjects are `<prefix>.user.created`, `.updated`, `.deleted`. */
  subjectPrefix: string;
}

export interface NatsPublisher {
  publish(id: string, type: string, body: string): Promise<SendOutcome>;
  close(): Promise<void>;
}

/** The subject an event of `type` (…user.updated) is published on. */
export const subjectOf = (prefix: string, type: string) => `${prefix}.${type.split(".").slice(-2).join(".")}`;

const RETRY_MS = 5_000;

export function openNats(settings: NatsSettings, logger: Logger): NatsPublisher {
  let connection: NatsConnection | undefined;
  let client: JetStreamClient | undefined;
  let closed = false;

  async function open(): Promise<void> {
    while (!closed && !client) {
      try {
        connection ??= await connect({
          servers: settings.url,
          name: "users-api",
          maxReconnectAttempts: -1,
          waitOnFirstConnect: true,
        });
        const manager = await jetstreamManager(connection);
        await manager.streams
          .info(settings.stream)
          .catch(() => manager.streams.add({ name: settings.stream, subjects: [`${settings.subjectPrefix}.>`] }));
        client = jetstream(connection);
        logger.info(`publishing events to the NATS JetStream stream ${settings.stream}`);
      } catch (error) {
        logger.warn(`NATS JetStream not ready (${(error as Error).message}); trying again in ${RETRY_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
  void open();

  return {
    async publish(id, type, body) {
      if (!client) return { delivered: false, error: "NATS JetStream is not reached yet" };
      try {
        await client.publish(subjectOf(settings.subjectPrefix, type), body, { msgID: id, timeout: 5_000 });
        return { delivered: true };
      } catch (error) {
        return { delivered: false, error: (error as Error).message };
      }
    },
    async close() {
      closed = true;
      await connection?.drain().catch(() => undefined);
    },
  };
}
