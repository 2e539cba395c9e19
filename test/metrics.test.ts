// Prometheus metrics at /metrics: request durations by documented operation, requests in flight, the database
// pool and statements, the default process metrics; off with METRICS=false, on a listener of its own with METRICS_PORT.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonBody, send, startServer, type TestServer } from "./support/harness.ts";

const onPostgres = !!process.env.TEST_DATABASE_URL;

/** The value of the one sample of `name` whose labels include `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split("\n").find((l) => {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(l);
    return match?.[1] === name && wanted.every((pair) => (match[2] ?? "").split(",").includes(pair));
  });
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

describe("/metrics", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it("after traffic, shows request durations by operationId, requests in flight, the pool and the statements", async () => {
    expect((await send(server, "PUT", "/users/12345", { as: "admin", ...jsonBody({ confirmed: true }) })).status).toBe(
      200,
    );
    expect((await send(server, "GET", "/users/12345", { as: "admin" })).status).toBe(200);
    expect((await send(server, "GET", "/nothing/here")).status).toBe(404);

    const response = await send(server, "GET", "/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.text;

    const put = { method: "PUT", route: "/users/{id}", status_code: "200", operation_id: "updateStrapiUser" };
    expect(sample(text, "http_server_request_duration_seconds_count", put)).toBe(1);
    expect(sample(text, "http_server_request_duration_seconds_bucket", { ...put, le: "+Inf" })).toBe(1);
    expect(sample(text, "http_server_request_duration_seconds_sum", put)).toBeGreaterThan(0);
    expect(
      sample(text, "http_server_request_duration_seconds_count", { method: "GET", operation_id: "getStrapiUser" }),
    ).toBe(1);
    // The raw URL never becomes a label value.
    expect(
      sample(text, "http_server_request_duration_seconds_count", {
        route: "unmatched",
        status_code: "404",
        operation_id: "none",
      }),
    ).toBe(1);
    expect(text).not.toContain("/users/12345");
    // The scrape itself is the one request in flight.
    expect(sample(text, "http_server_active_requests")).toBe(1);

    expect(sample(text, "db_pool_max")).toBe(onPostgres ? 10 : 1);
    expect(sample(text, "db_pool_connections")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "db_pool_connections_idle")).toBe(sample(text, "db_pool_connections"));
    expect(sample(text, "db_pool_waiting")).toBe(0);
    // The write is one statement: `with updated as (update users …) insert into audit …`.
    expect(
      sample(text, "db_query_duration_seconds_count", { operation: "with", outcome: "success" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, "db_query_duration_seconds_count", { operation: "select", outcome: "success" }),
    ).toBeGreaterThanOrEqual(2);

    for (const name of [
      "process_cpu_user_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
    ]) {
      expect(sample(text, name), name).toBeGreaterThan(0);
    }
    expect(sample(text, "nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
  });

  it("counts a failed statement as an error", async () => {
    await expect(server.db.raw("select * from no_such_table")).rejects.toThrow();
    const text = (await send(server, "GET", "/metrics")).text;
    expect(sample(text, "db_query_duration_seconds_count", { operation: "select", outcome: "error" })).toBe(1);
  });
});

describe("METRICS=false", () => {
  it("/metrics is 404 in the generic error body, and no request is timed", async () => {
    const server = await startServer({ metrics: false });
    try {
      const response = await send(server, "GET", "/metrics");
      expect(response.status).toBe(404);
      expect(response.json).toEqual({ code: 404, message: "No such path." });
      expect(server.metrics).toBeUndefined();
      expect(server.db.listenerCount("query")).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe("METRICS_PORT", () => {
  it("serves the metrics on a listener of its own; the public /metrics is 404", async () => {
    const server = await startServer({ metricsPort: 0 });
    const listener = server.metrics!.serve(0, "127.0.0.1");
    try {
      await new Promise((resolve) => listener.once("listening", resolve));
      const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
      expect((await send(server, "GET", "/metrics")).status).toBe(404);
      const own = await fetch(`${url}/metrics`);
      expect(own.status).toBe(200);
      expect(
        sample(await own.text(), "http_server_request_duration_seconds_count", {
          route: "/metrics",
          status_code: "404",
        }),
      ).toBe(1);
      expect((await fetch(`${url}/users/12345`)).status).toBe(404);
    } finally {
      listener.close();
      await server.close();
    }
  });
});
