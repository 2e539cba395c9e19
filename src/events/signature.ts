// Standard Webhooks signatures (https://www.standardwebhooks.com): what a receiver verifies with that specification's
// libraries. The secret is `whsec_` and the key's base64; each delivery carries its id (the same on every retry), the
// time it was sent, and `v1,` and the base64 HMAC-SHA256 of "id.timestamp.body" under the key.
import { createHmac } from "node:crypto";

const PREFIX = "whsec_";

/** The key of a `whsec_…` secret; undefined when it is not one (at least 24 bytes, as the libraries generate 32). */
export function webhookKey(secret: string): Buffer | undefined {
  if (!secret.startsWith(PREFIX)) return undefined;
  const text = secret.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const key = Buffer.from(text, "base64");
  return key.length >= 24 ? key : undefined;
}

export function webhookHeaders(key: Buffer, id: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}
