// Start-up configuration: a bad value stops start-up with a message naming the variable.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

describe("loadConfig", () => {
  it("has working defaults", () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: "0.0.0.0", dataDir: "./data", readOnly: false, requireIfMatch: false, dbPreparedStatements: true, bodyLimit: 1024 ** 2, corsOrigins: [] });
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
});
