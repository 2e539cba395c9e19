// Start-up configuration: a bad value stops start-up with a message naming the variable.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

describe("loadConfig", () => {
  it("has working defaults", () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      dataDir: "./data",
      readOnly: false,
      requireIfMatch: false,
      dbPreparedStatements: true,
      bodyLimit: 1024 ** 2,
      corsOrigins: [],
      jwtJwksUrl: undefined,
      jwtSubjectClaim: "sub",
      jwtClockTolerance: 30,
      jwtJwksRefetchesPerMinute: 10,
      provisionedRole: "client",
      publicBaseUrl: undefined,
    });
    expect(loadConfig({})).toMatchObject({
      metrics: true,
      metricsPort: undefined,
      logFormat: undefined,
      tracing: false,
    });
  });

  it.each([
    ["PORT", "http"],
    ["PORT", "70000"],
    ["DB_POOL_MAX", "0"],
    ["DB_PREPARED_STATEMENTS", "sometimes"],
    ["PROVISIONED_ROLE", "superuser"],
    ["PUBLIC_BASE_URL", "users.example.com"],
    ["JWT_JWKS_REFETCHES_PER_MINUTE", "0"],
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
    ["JWT_JWKS_URL", "idp.example/jwks"],
    ["JWT_JWKS_URL", "ftp://idp.example/jwks"],
    ["JWT_JWKS_URL", "http://idp.example/jwks"],
    ["JWT_SUBJECT_CLAIM", "upn"],
    ["JWT_CLOCK_TOLERANCE", "-5"],
    ["JWT_CLOCK_TOLERANCE", "1.5"],
    ["JWT_CLOCK_TOLERANCE", "601"],
  ])("%s=%s is refused, naming the variable", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it("JWT_JWKS_URL is set instead of a key of our own, never beside one", () => {
    const jwks = "https://idp.example/realms/acme/protocol/openid-connect/certs";
    expect(loadConfig({ JWT_JWKS_URL: jwks }).jwtJwksUrl?.href).toBe(jwks);
    expect(loadConfig({ JWT_JWKS_URL: "http://127.0.0.1:8080/certs" }).jwtJwksUrl?.host).toBe("127.0.0.1:8080");
    const pemLike = "-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----";
    for (const key of [
      { JWT_SECRET: "a-secret-that-is-at-least-thirty-two-bytes" },
      { JWT_PUBLIC_KEY: pemLike },
      { JWT_PRIVATE_KEY: pemLike },
    ]) {
      expect(() => loadConfig({ JWT_JWKS_URL: jwks, ...key })).toThrow(
        /JWT_JWKS_URL replaces JWT_SECRET, JWT_PUBLIC_KEY and JWT_PRIVATE_KEY/,
      );
    }
  });

  it("JWT_SUBJECT_CLAIM names sub, email or preferred_username", () => {
    expect(loadConfig({ JWT_SUBJECT_CLAIM: "email" }).jwtSubjectClaim).toBe("email");
    expect(loadConfig({ JWT_SUBJECT_CLAIM: "preferred_username" }).jwtSubjectClaim).toBe("preferred_username");
    expect(() => loadConfig({ JWT_SUBJECT_CLAIM: "oid" })).toThrow(
      /JWT_SUBJECT_CLAIM must be one of sub, email, preferred_username, not 'oid'/,
    );
  });

  it("JWT_CLOCK_TOLERANCE is whole seconds", () => {
    expect(loadConfig({ JWT_CLOCK_TOLERANCE: "0" }).jwtClockTolerance).toBe(0);
    expect(loadConfig({ JWT_CLOCK_TOLERANCE: "120" }).jwtClockTolerance).toBe(120);
  });

  it("parses sizes, flags and lists", () => {
    expect(
      loadConfig({
        BODY_LIMIT: "512kb",
        READ_ONLY: "yes",
        DEMO: "0",
        DB_PREPARED_STATEMENTS: "off",
        CORS_ORIGINS: "https://a.example, https://b.example",
      }),
    ).toMatchObject({
      bodyLimit: 512 * 1024,
      readOnly: true,
      demo: false,
      dbPreparedStatements: false,
      corsOrigins: ["https://a.example", "https://b.example"],
    });
  });

  it("reads the provisioning settings; a public base URL loses its trailing slash", () => {
    expect(
      loadConfig({
        PROVISIONED_ROLE: "admin",
        PUBLIC_BASE_URL: "https://users.example.com/directory/",
        JWT_JWKS_REFETCHES_PER_MINUTE: "3",
      }),
    ).toMatchObject({
      provisionedRole: "admin",
      publicBaseUrl: "https://users.example.com/directory",
      jwtJwksRefetchesPerMinute: 3,
    });
  });

  it("reads log format and metrics settings", () => {
    expect(loadConfig({ LOG_FORMAT: "pretty", METRICS: "false", METRICS_PORT: "9464" })).toMatchObject({
      logFormat: "pretty",
      metrics: false,
      metricsPort: 9464,
    });
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
