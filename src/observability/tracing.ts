// OpenTelemetry traces, loaded by main.ts with a dynamic import only when the standard OTEL_* variables ask for
// them: otherwise not one module of the SDK is loaded. The SDK reads the exporter, protocol, endpoint, sampler
// and service name from those variables itself. The spans are made here, from an Express middleware and knex's
// query events, rather than by auto-instrumentation: patching modules needs loader hooks under ESM and has to
// run before the patched modules load, and neither holds for `node dist/src/main.js`.
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import { startNodeSdk } from "@opentelemetry/sdk-node";
import type { RequestHandler } from "express";
import type { Knex } from "knex";
import { requestId } from "../log.ts";
import { operationOf } from "./operation.ts";
import { observeQueries, statementKind } from "./queries.ts";

export interface Tracing {
  /** Opens the request's server span; mounted before the request logger, which logs its trace id. */
  middleware: RequestHandler;
  /** A child span for each statement `db` runs; returns the function that stops it. */
  observe(db: Knex): () => void;
  /** Sends the spans still buffered. */
  shutdown(): Promise<void>;
}

export function startTracing(): Tracing {
  // prom-client serves the metrics and pino writes the logs: the SDK only traces.
  const sdk = startNodeSdk({ metricReaders: [], logRecordProcessors: [] });
  const tracer = trace.getTracer("users-api");

  const middleware: RequestHandler = (req, res, next) => {
    const { route, operationId } = operationOf(req);
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    // The path template, never the URL: paths can carry e-mail addresses.
    const span = tracer.startSpan(
      operationId === "none" ? `${req.method} ${route}` : operationId,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method, "http.route": route } },
      parent,
    );
    req.traceId = span.spanContext().traceId;
    res.once("close", () => {
      span.setAttributes({ "http.response.status_code": res.statusCode, "users_api.request_id": requestId(req) });
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    const active = trace.setSpan(parent, span);
    // Body parsing resumes from the socket's events: bound, they run in the request's context too.
    context.bind(active, req);
    context.with(active, next);
  };

  const observe = (db: Knex) =>
    observeQueries<Span>(db, {
      start: (query) => {
        const operation = statementKind(query.sql);
        // The statement's text has placeholders, never the values bound to them.
        return tracer.startSpan(operation, {
          kind: SpanKind.CLIENT,
          attributes: { "db.system.name": "postgresql", "db.operation.name": operation, "db.query.text": query.sql },
        });
      },
      end: (span, failed) => {
        if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    });

  return { middleware, observe, shutdown: () => sdk.shutdown() };
}
