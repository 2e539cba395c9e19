// One webhook delivery: the event's CloudEvent as the body (structured mode), signed as Standard Webhooks says, to a
// URL that may not be a private address unless that is allowed (also after DNS resolution, so that a name cannot
// point the service at its own network).
import { lookup, type LookupAddress, type LookupOptions } from "node:dns";
import { request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { isPrivateAddress } from "./private-address.ts";
import { webhookHeaders } from "./signature.ts";

export interface WebhookTarget {
  url: URL;
  key: Buffer;
  allowPrivate: boolean;
  timeoutMs: number;
}

export type SendOutcome = { delivered: true } | { delivered: false; error: string };

const refusal = (host: string) => `${host} is a private, loopback or link-local address (WEBHOOK_ALLOW_PRIVATE=false)`;

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** DNS resolution that refuses private addresses (a name resolving to one is refused, not connected to). */
function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const found = addresses.filter((entry) => !isPrivateAddress(entry.address));
    if (found.length < addresses.length || found.length === 0)
      return callback(Object.assign(new Error(refusal(hostname)), { code: "EPRIVATE" }), []);
    if (options.all) callback(null, found);
    else callback(null, found[0].address, found[0].family);
  });
}

export function postWebhook(target: WebhookTarget, id: string, body: string): Promise<SendOutcome> {
  const { url } = target;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!target.allowPrivate && isIP(host) !== 0 && isPrivateAddress(host))
    return Promise.resolve({ delivered: false, error: refusal(host) });
  const options: RequestOptions = {
    method: "POST",
    headers: {
      "content-type": "application/cloudevents+json; charset=utf-8",
      "content-length": Buffer.byteLength(body),
      "user-agent": "users-api-webhooks",
      ...webhookHeaders(target.key, id, body),
    },
    ...(!target.allowPrivate && { lookup: guardedLookup }),
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const request = send(url, options, (response) => {
      const status = response.statusCode ?? 0;
      // The receiver's answer is not read further than needed to free the connection.
      response.resume();
      response.once("end", () =>
        resolve(status >= 200 && status < 300 ? { delivered: true } : { delivered: false, error: `HTTP ${status}` }),
      );
      response.once("error", (error) => resolve({ delivered: false, error: error.message }));
    });
    request.setTimeout(target.timeoutMs, () => request.destroy(new Error(`no answer within ${target.timeoutMs} ms`)));
    request.once("error", (error) => resolve({ delivered: false, error: error.message }));
    request.end(body);
  });
}
