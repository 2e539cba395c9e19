// The bench's webhook receiver: answers every delivery 204 at once and keeps, per delivery, how long after the
// change it arrived (the CloudEvent's `time`, the writing transaction's time, to the moment its body was read).
// Signatures are checked by the events suite, not here: this one measures.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface WebhookReceiver {
  url: string;
  /** Lags in ms of the deliveries since the last `reset`, one per event id (a redelivery is not counted twice). */
  lags(): number[];
  reset(): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let lags = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const event = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id: string; time: string };
      if (!lags.has(event.id)) lags.set(event.id, Date.now() - Date.parse(event.time));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/events`,
    lags: () => [...lags.values()],
    reset: () => {
      lags = new Map();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
