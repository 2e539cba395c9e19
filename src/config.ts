// Every environment variable the server and its scripts read, parsed and checked in one place.
import { isIP } from "node:net";
import { ROLE_TYPES, type RoleType } from "./directory/model.ts";
import { isPrivateAddress } from "./events/private-address.ts";
import { webhookKey } from "./events/signature.ts";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolMax: number;
  /** Off for a connection pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21). */
  dbPreparedStatements: boolean;
  jwtSecret: string | undefined;
  jwtPublicKey: string | undefined;
  jwtPrivateKey: string | undefined;
  /** The identity provider's published keys: instead of, never beside, a key of our own. */
  jwtJwksUrl: URL | undefined;
  /** How often per minute a token with an unknown kid may refetch the provider's keys. */
  jwtJwksRefetchesPerMinute: number;
  jwtIssuer: string | undefined;
  jwtAudience: string | undefined;
  /** The claim that names the caller in the directory. */
  jwtSubjectClaim: SubjectClaim;
  /** Allowed clock skew, in seconds, for exp, nbf and iat. */
  jwtClockTolerance: number;
  readOnly: boolean;
  requireIfMatch: boolean;
  /** The role of a user created without one (SCIM provisioning). */
  provisionedRole: RoleType;
  /** The URL clients reach this service by, for the URIs it gives (SCIM's `meta.location`); else the request's. */
  publicBaseUrl: string | undefined;
  demo: boolean | undefined;
  logLevel: string;
  /** Unset: pretty when stdout is a terminal, JSON otherwise. */
  logFormat: LogFormat | undefined;
  metrics: boolean;
  /** Serve /metrics on this port instead of the public listener. */
  metricsPort: number | undefined;
  /** Whether the standard OTEL_* variables ask for traces (the OpenTelemetry SDK reads them itself). */
  tracing: boolean;
  bodyLimit: number;
  corsOrigins: string[];
  shutdownTimeoutMs: number;
  /** CloudEvents' `source` of this directory's events. */
  eventSource: string;
  /** How long delivered events (and their delivery records) are kept. */
  eventRetentionHours: number;
  /** How long a failed delivery is retried before it is dead. */
  eventRetryHours: number;
  /** How long the audit history is kept; undefined: for ever. */
  auditRetentionDays: number | undefined;
  /** A webhook subscription: every event is POSTed there, signed with the secret's key (Standard Webhooks). */
  webhook: WebhookConfig | undefined;
  /** NATS JetStream: every event is published to this stream. */
  nats: NatsConfig | undefined;
}

export interface WebhookConfig {
  url: URL;
  /** The key of the `whsec_…` secret. */
  key: Buffer;
  allowPrivate: boolean;
  timeoutMs: number;
}

export interface NatsConfig {
  url: string;
  stream: string;
  subjectPrefix: string;
}

export type LogFormat = "json" | "pretty";

export class ConfigError extends Error {}

/** sub: a directory user id; email and preferred_username: matched case-insensitively, as contract A matches. */
export const SUBJECT_CLAIMS = ["sub", "email", "preferred_username"] as const;
export type SubjectClaim = (typeof SUBJECT_CLAIMS)[number];

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const LOG_FORMATS: LogFormat[] = ["json", "pretty"];
// The values the OpenTelemetry Node SDK understands; it would only warn about others and fall back to defaults.
const TRACES_EXPORTERS = ["otlp", "console", "none"];
const OTLP_PROTOCOLS = ["grpc", "http/protobuf", "http/json"];
const TRACES_SAMPLERS = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
];

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not '${raw}'`);
  }
  return value;
}

function flag(env: Env, name: string): boolean | undefined {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (or 1/0), not '${env[name]}'`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[]): T | undefined {
  const raw = text(env, name);
  if (raw !== undefined && !allowed.includes(raw as T)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(", ")}, not '${raw}'`);
  }
  return raw as T | undefined;
}

function httpUrl(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw !== undefined && !(URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol))) {
    throw new ConfigError(`${name} must be an http:// or https:// URL, not '${raw}'`);
  }
  return raw;
}

/** Traces are on when an OTLP endpoint or a traces exporter is named, unless the SDK is disabled or told "none". */
function tracingRequested(env: Env): boolean {
  const endpoint = httpUrl(env, "OTEL_EXPORTER_OTLP_ENDPOINT") ?? httpUrl(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  for (const name of ["OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"])
    oneOf(env, name, OTLP_PROTOCOLS);
  oneOf(env, "OTEL_TRACES_SAMPLER", TRACES_SAMPLERS);
  const ratio = text(env, "OTEL_TRACES_SAMPLER_ARG");
  if (ratio !== undefined && !(Number(ratio) >= 0 && Number(ratio) <= 1)) {
    throw new ConfigError(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, not '${ratio}'`);
  }
  const exporters = (text(env, "OTEL_TRACES_EXPORTER") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const unknown = exporters.find((e) => !TRACES_EXPORTERS.includes(e));
  if (unknown) throw new ConfigError(`OTEL_TRACES_EXPORTER must list ${TRACES_EXPORTERS.join(", ")}, not '${unknown}'`);
  if (flag(env, "OTEL_SDK_DISABLED") || exporters.includes("none")) return false;
  return exporters.length > 0 || endpoint !== undefined;
}

function byteSize(env: Env, name: string, fallback: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const match = /^(\d+)\s*(b|kb|kib|mb|mib)?$/i.exec(raw);
  const unit = { b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2 }[(match?.[2] ?? "b").toLowerCase()];
  const value = match && unit ? Number(match[1]) * unit : NaN;
  if (!(value >= 1024 && value <= 64 * 1024 ** 2)) {
    throw new ConfigError(`${name} must be a size from 1kb to 64mb (for example 1mb or 262144), not '${raw}'`);
  }
  return value;
}

function pem(env: Env, name: string): string | undefined {
  const value = text(env, name)?.replace(/\\n/g, "\n");
  if (value !== undefined && !value.includes("-----BEGIN")) {
    throw new ConfigError(`${name} must be a PEM key ("-----BEGIN ... KEY-----"); \\n may stand for line breaks`);
  }
  return value;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Keys fetched over plain HTTP could be swapped on the way, so http:// is for a provider on this machine only. */
function jwksUrl(env: Env, name: string): URL | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!(url?.protocol === "https:" || (url?.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)))) {
    throw new ConfigError(`${name} must be an https:// URL (http:// only on localhost), not '${raw}'`);
  }
  return url;
}

function subjectClaim(env: Env, name: string): SubjectClaim {
  const raw = text(env, name) ?? "sub";
  const claim = SUBJECT_CLAIMS.find((known) => known === raw);
  if (!claim) {
    throw new ConfigError(`${name} must be one of ${SUBJECT_CLAIMS.join(", ")}, not '${raw}'`);
  }
  return claim;
}

/** CloudEvents' `source` is a URI-reference: an absolute URI (a URN too) or a path. */
function eventSource(env: Env): string {
  const source = text(env, "EVENT_SOURCE") ?? "urn:users-api";
  if (/\s/.test(source) || !(URL.canParse(source) || source.startsWith("/")))
    throw new ConfigError(
      `EVENT_SOURCE must be a URI (such as urn:users-api or https://users.example.com), not '${source}'`,
    );
  return source;
}

/** WEBHOOK_URL and WEBHOOK_SECRET together; a private address only with WEBHOOK_ALLOW_PRIVATE=true. */
function webhook(env: Env): WebhookConfig | undefined {
  const raw = httpUrl(env, "WEBHOOK_URL");
  const secret = text(env, "WEBHOOK_SECRET");
  if (raw === undefined) {
    if (secret !== undefined) throw new ConfigError("WEBHOOK_SECRET is set without WEBHOOK_URL");
    return undefined;
  }
  const key = secret === undefined ? undefined : webhookKey(secret);
  if (!key)
    throw new ConfigError(
      "WEBHOOK_URL needs WEBHOOK_SECRET, a Standard Webhooks secret: whsec_ and at least 24 bytes in base64 (whsec_$(openssl rand -base64 32))",
    );
  const url = new URL(raw);
  const allowPrivate = flag(env, "WEBHOOK_ALLOW_PRIVATE") ?? false;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (
    !allowPrivate &&
    (host === "localhost" || host.endsWith(".localhost") || (isIP(host) !== 0 && isPrivateAddress(host)))
  )
    throw new ConfigError(
      `WEBHOOK_URL points at a private, loopback or link-local address (${host}); set WEBHOOK_ALLOW_PRIVATE=true for development and tests`,
    );
  return {
    url,
    key,
    allowPrivate,
    timeoutMs: integer(env, "WEBHOOK_TIMEOUT_MS", 10_000, 100, 120_000),
  };
}

function nats(env: Env): NatsConfig | undefined {
  const url = text(env, "NATS_URL");
  if (url === undefined) return undefined;
  if (!/^(nats|tls|wss?):\/\/[^\s]+$/.test(url))
    throw new ConfigError(`NATS_URL must be a nats:// (or tls://, ws://, wss://) URL, not '${url}'`);
  const stream = text(env, "NATS_STREAM") ?? "USERS_API";
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream))
    throw new ConfigError(`NATS_STREAM must be letters, digits, _ or -, not '${stream}'`);
  const subjectPrefix = text(env, "NATS_SUBJECT_PREFIX") ?? "users-api";
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(subjectPrefix))
    throw new ConfigError(`NATS_SUBJECT_PREFIX must be dot-separated tokens without wildcards, not '${subjectPrefix}'`);
  return { url, stream, subjectPrefix };
}

export function loadConfig(env: Env = process.env): Config {
  const logLevel = text(env, "LOG_LEVEL") ?? "info";
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not '${logLevel}'`);
  }
  const databaseUrl = text(env, "DATABASE_URL");
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL must start with postgres:// or postgresql://");
  }
  const jwtSecret = text(env, "JWT_SECRET");
  if (jwtSecret !== undefined && Buffer.byteLength(jwtSecret) < 32) {
    throw new ConfigError("JWT_SECRET must be at least 32 bytes (256 bits) long for HS256");
  }
  const jwtPublicKey = pem(env, "JWT_PUBLIC_KEY");
  if (jwtSecret && jwtPublicKey) {
    throw new ConfigError("set JWT_SECRET (HS256) or JWT_PUBLIC_KEY (RS256/ES256), not both");
  }
  const jwtPrivateKey = pem(env, "JWT_PRIVATE_KEY");
  const jwtJwksUrl = jwksUrl(env, "JWT_JWKS_URL");
  if (jwtJwksUrl && (jwtSecret || jwtPublicKey || jwtPrivateKey)) {
    throw new ConfigError(
      "JWT_JWKS_URL replaces JWT_SECRET, JWT_PUBLIC_KEY and JWT_PRIVATE_KEY: set it alone, tokens then come from the identity provider",
    );
  }
  const port = integer(env, "PORT", 3000, 0, 65535);
  const metricsPort = text(env, "METRICS_PORT") === undefined ? undefined : integer(env, "METRICS_PORT", 0, 0, 65535);
  if (metricsPort !== undefined && metricsPort !== 0 && metricsPort === port) {
    throw new ConfigError("METRICS_PORT must differ from PORT (leave it unset to serve /metrics on PORT)");
  }
  return {
    port,
    host: text(env, "HOST") ?? "0.0.0.0",
    databaseUrl,
    dataDir: text(env, "DATA_DIR") ?? "./data",
    dbPoolMax: integer(env, "DB_POOL_MAX", 10, 1, 1000),
    dbPreparedStatements: flag(env, "DB_PREPARED_STATEMENTS") ?? true,
    jwtSecret,
    jwtPublicKey,
    jwtPrivateKey,
    jwtJwksUrl,
    jwtJwksRefetchesPerMinute: integer(env, "JWT_JWKS_REFETCHES_PER_MINUTE", 10, 1, 600),
    jwtIssuer: text(env, "JWT_ISSUER"),
    jwtAudience: text(env, "JWT_AUDIENCE"),
    jwtSubjectClaim: subjectClaim(env, "JWT_SUBJECT_CLAIM"),
    jwtClockTolerance: integer(env, "JWT_CLOCK_TOLERANCE", 30, 0, 600),
    readOnly: flag(env, "READ_ONLY") ?? false,
    requireIfMatch: flag(env, "REQUIRE_IF_MATCH") ?? false,
    provisionedRole: oneOf(env, "PROVISIONED_ROLE", ROLE_TYPES) ?? "client",
    publicBaseUrl: httpUrl(env, "PUBLIC_BASE_URL")?.replace(/\/+$/, ""),
    demo: flag(env, "DEMO"),
    logLevel,
    logFormat: oneOf(env, "LOG_FORMAT", LOG_FORMATS),
    metrics: flag(env, "METRICS") ?? true,
    metricsPort,
    tracing: tracingRequested(env),
    bodyLimit: byteSize(env, "BODY_LIMIT", 1024 ** 2),
    corsOrigins: (text(env, "CORS_ORIGINS") ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    shutdownTimeoutMs: integer(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    eventSource: eventSource(env),
    eventRetentionHours: integer(env, "EVENT_RETENTION_HOURS", 168, 1, 24 * 365),
    eventRetryHours: integer(env, "EVENT_RETRY_HOURS", 24, 1, 720),
    auditRetentionDays:
      text(env, "AUDIT_RETENTION_DAYS") === undefined ? undefined : integer(env, "AUDIT_RETENTION_DAYS", 0, 1, 36_500),
    webhook: webhook(env),
    nats: nats(env),
  };
}
