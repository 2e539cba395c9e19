// Start-up configuration: a bad value stops start-up with a message naming the variable.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

describe("loadConfig", () => {
  it("has working defaults", () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: "0.0.0.0", dataDir: "./data", readOnly: false, requireIfMatch: false, dbPreparedStatements: true, bodyLimit: 1024 ** 2, corsOrigins: [] });
    expect(loadConfig({})).toMatchObject({ metrics: true, metricsPort: undefined, logFormat: undefined, tracing: false });
  });

  it.each([
    ["PORT", "http"],
    ["PORT", "70000"],
    ["DB_POOL_MAX", "0"],
    ["DB_PREPARED_STATEMENTS", "sometimes"],
    ["READ_ONLY", "maybe"],
    ["REQUIRE_IF_MATCH", "2"],
    ["DEMO", "sure"],
    ["LOG_LEVEL", "loud"],
    ["BODY_LIMIT", "1tb"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["JWT_SECRET", "too-short"],
    ["JWT_PUBLIC_KEY", "not a pem"],
    ["SHUTDOWN_TIMEOUT_MS", "-1"],
    ["LOG_FORMAT", "xml"],
    ["METRICS", "sometimes"],
    ["METRICS_PORT", "65536"],
    ["METRICS_PORT", "3000"],
    ["OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318"],
    ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "ftp://collector"],
    ["OTEL_EXPORTER_OTLP_PROTOCOL", "http/xml"],
    ["OTEL_TRACES_EXPORTER", "jaeger"],
    ["OTEL_TRACES_SAMPLER", "sometimes"],
    ["OTEL_TRACES_SAMPLER_ARG", "1.5"],
    ["OTEL_SDK_DISABLED", "perhaps"],
  ])("%s=%s is refused, naming the variable", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it("parses sizes, flags and lists", () => {
    expect(loadConfig({ BODY_LIMIT: "512kb", READ_ONLY: "yes", DEMO: "0", DB_PREPARED_STATEMENTS: "off", CORS_ORIGINS: "https://a.example, https://b.example" })).toMatchObject({
      bodyLimit: 512 * 1024,
      readOnly: true,
      demo: false,
      dbPreparedStatements: false,
      corsOrigins: ["https://a.example", "https://b.example"],
    });
  });

  it("reads log format and metrics settings", () => {
    expect(loadConfig({ LOG_FORMAT: "pretty", METRICS: "false", METRICS_PORT: "9464" })).toMatchObject({ logFormat: "pretty", metrics: false, metricsPort: 9464 });
  });

  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://127.0.0.1:4318/v1/traces" }, true],
    [{ OTEL_TRACES_EXPORTER: "console" }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_TRACES_EXPORTER: "none" }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_SDK_DISABLED: "true" }, false],
    [{ OTEL_SERVICE_NAME: "users-api", OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" }, false],
  ])("traces from the standard OTEL_* variables: %j → %s", (env, tracing) => {
    expect(loadConfig(env).tracing).toBe(tracing);
  });
});
