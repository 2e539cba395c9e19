// CPU cost of the metrics on the request path, apart from any load's noise: requests through the metrics
// middleware (operation lookup, in-flight gauge, histogram) with one statement each through the query
// listeners, against the same loop without them. Usage: npm exec -- tsx scripts/metrics-overhead.ts [requests]
import { EventEmitter } from "node:events";
import type { Request, RequestHandler, Response } from "express";
import type { Knex } from "knex";
import { createMetrics } from "../src/observability/metrics.ts";

const REQUESTS = Number(process.argv[2] ?? 200_000);
const PATHS = ["/users/12345", "/user/5", "/user/jonny1/profile", "/api/management/security/users/tdurden"];

/** Mean CPU microseconds per request (CPU time, not wall time: a busy machine does not inflate it). */
function cpuPerRequest(db: EventEmitter, middleware?: RequestHandler): number {
  const started = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) {
    const req = { method: i % 2 ? "PUT" : "GET", path: PATHS[i % PATHS.length] } as Request;
    const res = Object.assign(new EventEmitter(), { statusCode: 200 }) as unknown as Response;
    middleware?.(req, res, () => {});
    const query = { __knexQueryUid: String(i), sql: "select id from users where id = $1" };
    db.emit("query", query);
    db.emit("query-response", [], query);
    res.emit("close");
  }
  const { user, system } = process.cpuUsage(started);
  return (user + system) / REQUESTS;
}

for (let round = 1; round <= 5; round++) {
  const db = new EventEmitter();
  const without = cpuPerRequest(db);
  const metrics = createMetrics(db as unknown as Knex);
  const withMetrics = cpuPerRequest(db, metrics.middleware);
  metrics.stop();
  const us = (value: number) => value.toFixed(2);
  console.log(
    `round ${round}, ${REQUESTS} requests: ${us(withMetrics)} µs CPU with metrics, ${us(without)} µs without: ${us(withMetrics - without)} µs per request`,
  );
}
