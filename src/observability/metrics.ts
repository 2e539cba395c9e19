// Prometheus metrics with prom-client: request durations by documented operation, requests in flight, the
// database pool and statements, and the process's and Node.js's default metrics. Nothing here runs when
// METRICS=false: the app then installs neither the middleware nor the query listeners.
import { createServer, type Server } from "node:http";
import type { RequestHandler } from "express";
import type { Knex } from "knex";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { deadCounts } from "../events/deliveries.ts";
import { operationOf } from "./operation.ts";
import { observeQueries, statementKind } from "./queries.ts";

export interface Metrics {
  registry: Registry;
  /** Times every request; mounted first so that the duration covers the whole pipeline. */
  middleware: RequestHandler;
  /** METRICS_PORT: /metrics on a listener of its own, off the public one; any other path is 404. */
  serve(port: number, host: string): Server;
  /** Records an event delivery's outcome (and, once delivered, how long after its change). */
  observeDelivery(sink: string, outcome: "delivered" | "failed" | "dead", lagMs: number): void;
  /** Detaches from the database's query events. */
  stop(): void;
}

// prom-client's defaults start at 5 ms; most of this API's requests take less.
const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** knex's tarn pool; absent once the Knex instance is destroyed. */
interface Pool {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

function poolGauges(registry: Registry, db: Knex) {
  const pool = () => (db.client as { pool?: Pool }).pool;
  const gauges: [string, string, (pool: Pool) => number][] = [
    ["db_pool_connections", "Open database connections (in use and idle).", (p) => p.numUsed() + p.numFree()],
    ["db_pool_connections_idle", "Open database connections not in use.", (p) => p.numFree()],
    ["db_pool_max", "The most database connections the pool opens (1 for the embedded database).", (p) => p.max],
    [
      "db_pool_waiting",
      "Requests waiting for a database connection; for the embedded database, the queue in front of its single session.",
      (p) => p.numPendingAcquires(),
    ],
  ];
  for (const [name, help, read] of gauges) {
    new Gauge({
      name,
      help,
      registers: [registry],
      // Read at scrape time: nothing on the request path.
      collect() {
        const current = pool();
        if (current) this.set(read(current));
      },
    });
  }
}

function queryDurations(registry: Registry, db: Knex): () => void {
  const duration = new Histogram({
    name: "db_query_duration_seconds",
    help: "Database statement durations, from sending to the last row, by statement kind and outcome.",
    labelNames: ["operation", "outcome"],
    buckets: SECONDS,
    registers: [registry],
  });
  return observeQueries(db, {
    start: (query) => ({ operation: statementKind(query.sql), started: performance.now() }),
    end: ({ operation, started }, failed) =>
      duration.observe({ operation, outcome: failed ? "error" : "success" }, (performance.now() - started) / 1000),
  });
}

function requestMetrics(registry: Registry): RequestHandler {
  const duration = new Histogram({
    name: "http_server_request_duration_seconds",
    help: "HTTP request durations by method, the spec's path template, status code and operationId.",
    labelNames: ["method", "route", "status_code", "operation_id"],
    buckets: SECONDS,
    registers: [registry],
  });
  const active = new Gauge({
    name: "http_server_active_requests",
    help: "HTTP requests being served.",
    registers: [registry],
  });
  return (req, res, next) => {
    const started = performance.now();
    const { route, operationId } = operationOf(req);
    active.inc();
    // "close" comes after "finish", and also when the client goes away first.
    res.once("close", () => {
      active.dec();
      const method = METHODS.has(req.method) ? req.method : "other";
      duration.observe(
        { method, route, status_code: res.statusCode, operation_id: operationId },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}

/** Event deliveries: attempts by outcome, the lag from a change to its delivery, and the dead ones (read at scrape). */
function deliveryMetrics(registry: Registry, db: Knex): Metrics["observeDelivery"] {
  const attempts = new Counter({
    name: "event_delivery_attempts_total",
    help: "Event delivery attempts, by subscription (webhook, nats) and outcome (delivered, failed, dead).",
    labelNames: ["subscription", "outcome"],
    registers: [registry],
  });
  const lag = new Histogram({
    name: "event_delivery_lag_seconds",
    help: "From a change to the delivery of its event, by subscription.",
    labelNames: ["subscription"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
    registers: [registry],
  });
  new Gauge({
    name: "event_deliveries_dead",
    help: "Events a subscription could not take within its retry window (listed by GET /directory/deliveries/dead).",
    labelNames: ["subscription"],
    registers: [registry],
    async collect() {
      const counts = await deadCounts(db).catch(() => undefined);
      this.reset();
      for (const [subscription, dead] of Object.entries(counts ?? {})) this.set({ subscription }, dead);
    },
  });
  return (subscription, outcome, lagMs) => {
    attempts.inc({ subscription, outcome });
    if (outcome === "delivered") lag.observe({ subscription }, lagMs / 1000);
  };
}

export function createMetrics(db: Knex): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  poolGauges(registry, db);
  const stopQueries = queryDurations(registry, db);
  return {
    registry,
    middleware: requestMetrics(registry),
    serve: (port, host) => serveRegistry(registry, port, host),
    observeDelivery: deliveryMetrics(registry, db),
    stop: stopQueries,
  };
}

function serveRegistry(registry: Registry, port: number, host: string): Server {
  return createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ code: 404, message: "No such path." }));
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
      () =>
        res
          .writeHead(500, { "content-type": "application/json" })
          .end(JSON.stringify({ code: 500, message: "Internal error." })),
    );
  }).listen(port, host);
}
