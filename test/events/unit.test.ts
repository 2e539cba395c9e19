// The pure pieces of event delivery: Standard Webhooks signatures (checked by the specification's own library),
// which addresses a webhook may not reach, the retry backoff, NATS subjects, CloudEvents, and the configuration
// that asks for deliveries.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { cloudEvent } from "../../src/events/cloudevent.ts";
import { backoff } from "../../src/events/dispatcher.ts";
import { subjectOf } from "../../src/events/nats.ts";
import { isPrivateAddress } from "../../src/events/private-address.ts";
import { webhookHeaders, webhookKey } from "../../src/events/signature.ts";
import { postWebhook } from "../../src/events/webhook.ts";

const KEY = Buffer.from("0123456789abcdef0123456789abcdef");
const SECRET = `whsec_${KEY.toString("base64")}`;
const BODY = JSON.stringify({ specversion: "1.0", id: "42", data: { changed: ["email"] } });

describe("Standard Webhooks signatures", () => {
  it("verify with the standardwebhooks library, and only for the body, id and secret they were made for", () => {
    const headers = webhookHeaders(webhookKey(SECRET)!, "42", BODY);
    expect(Object.keys(headers).sort()).toEqual(["webhook-id", "webhook-signature", "webhook-timestamp"]);
    expect(headers["webhook-id"]).toBe("42");
    expect(new Webhook(SECRET).verify(BODY, headers)).toEqual(JSON.parse(BODY));
    expect(() => new Webhook(SECRET).verify(BODY.replace("email", "role"), headers)).toThrow();
    expect(() => new Webhook(SECRET).verify(BODY, { ...headers, "webhook-id": "43" })).toThrow();
    const other = `whsec_${Buffer.from("fedcba9876543210fedcba9876543210").toString("base64")}`;
    expect(() => new Webhook(other).verify(BODY, headers)).toThrow();
  });

  it("sign the time given, in seconds, as the library does; a stale timestamp is refused by receivers", () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    const headers = webhookHeaders(KEY, "7", BODY, at);
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(at / 1000)));
    expect(headers["webhook-signature"]).toBe(new Webhook(SECRET).sign("7", new Date(at), BODY));
    expect(() => new Webhook(SECRET).verify(BODY, headers)).toThrow(/timestamp/i);
  });

  it("take a whsec_ secret of at least 24 bytes in base64, and nothing else", () => {
    expect(webhookKey(SECRET)).toEqual(KEY);
    expect(webhookKey(`whsec_${Buffer.alloc(24, 1).toString("base64")}`)).toHaveLength(24);
    for (const secret of [
      KEY.toString("base64"),
      `whsec_${Buffer.alloc(23, 1).toString("base64")}`,
      "whsec_not base64 at all!",
      "whsec_",
      `WHSEC_${KEY.toString("base64")}`,
    ])
      expect(webhookKey(secret), secret).toBeUndefined();
  });
});

describe("private addresses", () => {
  it("refuses loopback, private, link-local, carrier-grade NAT and reserved addresses, in IPv4 and IPv6", () => {
    for (const address of [
      "127.0.0.1",
      "127.255.255.254",
      "10.0.0.1",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "100.127.255.255",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fc00::1",
      "fd12:3456:789a::1",
      "fe80::1",
      "febf::1",
      "::ffff:10.0.0.1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a9fe:a9fe",
      "::FFFF:169.254.169.254",
      "ff02::1",
    ])
      expect(isPrivateAddress(address), address).toBe(true);
  });

  it("allows public addresses (and is not fooled by neighbours of the private ranges)", () => {
    for (const address of [
      "8.8.8.8",
      "1.1.1.1",
      "172.15.255.255",
      "172.32.0.1",
      "100.63.255.255",
      "100.128.0.1",
      "169.255.0.1",
      "11.0.0.1",
      "2606:4700:4700::1111",
      "2001:4860:4860::8888",
      "::ffff:8.8.8.8",
      "fec0::1",
    ])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it("a webhook to a private address, or to a name resolving to one, is refused before connecting", async () => {
    let contacted = 0;
    const listener = createServer((_req, res) => {
      contacted++;
      res.end();
    });
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    const { port } = listener.address() as AddressInfo;
    try {
      const target = (url: string, allowPrivate = false) => ({
        url: new URL(url),
        key: KEY,
        allowPrivate,
        timeoutMs: 2000,
      });
      for (const url of [
        `http://127.0.0.1:${port}/`,
        `http://localhost:${port}/`,
        "http://[::1]:9/",
        "http://169.254.169.254/",
      ]) {
        const outcome = await postWebhook(target(url), "1", BODY);
        expect(outcome.delivered, url).toBe(false);
        expect(!outcome.delivered && outcome.error, url).toMatch(/private, loopback or link-local/);
      }
      expect(contacted).toBe(0);
      expect(await postWebhook(target(`http://127.0.0.1:${port}/`, true), "1", BODY)).toEqual({ delivered: true });
      expect(contacted).toBe(1);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});

describe("backoff", () => {
  afterEach(() => vi.restoreAllMocks());
  const settings = { firstBackoffMs: 1_000, maxBackoffMs: 60_000 };

  it("doubles from the first delay up to the cap", () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 30].map((attempts) => backoff(attempts, settings))).toEqual([
      1_000, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it("has ±50 % jitter around it", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect(backoff(3, settings)).toBe(2_000);
    vi.spyOn(Math, "random").mockReturnValue(0.999999);
    expect(backoff(3, settings)).toBe(6_000);
    vi.restoreAllMocks();
    const delays = Array.from({ length: 200 }, () => backoff(2, settings));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(3_000);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });
});

describe("NATS subjects and CloudEvents", () => {
  it("publishes user.created, user.updated and user.deleted under the prefix", () => {
    expect(subjectOf("users-api", "user.updated")).toBe("users-api.user.updated");
    expect(subjectOf("acme.directory", "users-api.user.created")).toBe("acme.directory.user.created");
  });

  it("turns a stored event into a CloudEvent 1.0", () => {
    const data = { version: 3, changed: ["email"], contract: "strapi", actor: "a" };
    const event = { id: "9", user_id: "u", type: "user.updated", time: new Date("2026-01-02T03:04:05.006Z"), data };
    expect(cloudEvent(event, { source: "urn:x", typePrefix: "users-api." })).toEqual({
      specversion: "1.0",
      id: "9",
      source: "urn:x",
      type: "users-api.user.updated",
      subject: "u",
      time: "2026-01-02T03:04:05.006Z",
      datacontenttype: "application/json",
      data,
    });
  });
});

describe("the configuration of deliveries", () => {
  const webhook = { WEBHOOK_URL: "https://hooks.example.com/in", WEBHOOK_SECRET: SECRET };
  const refused = (env: Record<string, string>, message: RegExp) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  };

  it("takes a public https URL with a whsec_ secret, and its timeout", () => {
    const config = loadConfig({ ...webhook, WEBHOOK_TIMEOUT_MS: "1500" });
    expect(config.webhook).toEqual({
      url: new URL(webhook.WEBHOOK_URL),
      key: KEY,
      allowPrivate: false,
      timeoutMs: 1500,
    });
    expect(loadConfig({}).webhook).toBeUndefined();
    expect(loadConfig({}).nats).toBeUndefined();
  });

  it("refuses a private, loopback or link-local URL unless WEBHOOK_ALLOW_PRIVATE=true, naming the variable", () => {
    for (const host of [
      "127.0.0.1",
      "localhost",
      "api.localhost",
      "10.1.2.3",
      "169.254.169.254",
      "[::1]",
      "[fd00::1]",
    ]) {
      refused({ ...webhook, WEBHOOK_URL: `http://${host}:8080/hook` }, /WEBHOOK_URL .*WEBHOOK_ALLOW_PRIVATE=true/);
      const allowed = loadConfig({
        ...webhook,
        WEBHOOK_URL: `http://${host}:8080/hook`,
        WEBHOOK_ALLOW_PRIVATE: "true",
      });
      expect(allowed.webhook?.allowPrivate).toBe(true);
    }
  });

  it("refuses a missing or malformed secret, a secret without URL, and out-of-range settings", () => {
    refused({ WEBHOOK_URL: webhook.WEBHOOK_URL }, /WEBHOOK_SECRET/);
    refused({ ...webhook, WEBHOOK_SECRET: "hunter2" }, /WEBHOOK_SECRET/);
    refused({ WEBHOOK_SECRET: SECRET }, /WEBHOOK_SECRET is set without WEBHOOK_URL/);
    refused({ ...webhook, WEBHOOK_URL: "ftp://example.com/" }, /WEBHOOK_URL/);
    refused({ ...webhook, WEBHOOK_TIMEOUT_MS: "10" }, /WEBHOOK_TIMEOUT_MS/);
    refused({ EVENT_RETRY_HOURS: "0" }, /EVENT_RETRY_HOURS/);
    refused({ EVENT_RETENTION_HOURS: "x" }, /EVENT_RETENTION_HOURS/);
    refused({ AUDIT_RETENTION_DAYS: "0" }, /AUDIT_RETENTION_DAYS/);
  });

  it("takes NATS_URL with a stream and a subject prefix, and refuses malformed ones", () => {
    expect(loadConfig({ NATS_URL: "nats://127.0.0.1:4222" }).nats).toEqual({
      url: "nats://127.0.0.1:4222",
      stream: "USERS_API",
      subjectPrefix: "users-api",
    });
    refused({ NATS_URL: "http://127.0.0.1:4222" }, /NATS_URL/);
    refused({ NATS_URL: "nats://127.0.0.1:4222", NATS_STREAM: "a.b" }, /NATS_STREAM/);
    refused({ NATS_URL: "nats://127.0.0.1:4222", NATS_SUBJECT_PREFIX: "users.*" }, /NATS_SUBJECT_PREFIX/);
    refused({ NATS_URL: "nats://127.0.0.1:4222", NATS_SUBJECT_PREFIX: "users.>" }, /NATS_SUBJECT_PREFIX/);
  });

  // CloudEvents' `source` is a URI-reference.
  it("refuses an EVENT_SOURCE that is not a URI-reference", () => {
    expect(loadConfig({ EVENT_SOURCE: "https://directory.example.com/users" }).eventSource).toBe(
      "https://directory.example.com/users",
    );
    refused({ EVENT_SOURCE: "users api" }, /EVENT_SOURCE/);
  });
});
