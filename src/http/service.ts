// The service's own routes: the spec, an interactive reference page, liveness, readiness and metrics.
import { createRequire } from "node:module";
import { dirname } from "node:path";
import express, { Router } from "express";
import type { Knex } from "knex";
import type { Registry } from "prom-client";
import { ApiError, RETRY_AFTER_SECONDS } from "../wire/api-error.ts";
import type { OperationHandler } from "../wire/operation.ts";
import { spec, specText } from "../spec.ts";

// Resolved, not required: requiring swagger-ui-dist would load its whole browser bundle into the server.
const swaggerUiDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>users-api reference</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="reference"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

// Served as a file, not inline, so that the Content-Security-Policy can forbid inline scripts. "Try it out"
// targets the server that serves the page first, wherever it runs.
const DOCS_INIT = `fetch("/openapi.json")
  .then((response) => response.json())
  .then((spec) => {
    spec.servers = [{ url: window.location.origin, description: "This server" }, ...(spec.servers || [])];
    window.ui = SwaggerUIBundle({ spec, dom_id: "#reference", deepLinking: true });
  });
`;

/** Static files of the reference page, mounted at /docs before the validator: they are not API routes. */
export function docsAssets(): Router {
  return Router()
    .use("/assets", express.static(swaggerUiDir, { index: false, fallthrough: true }))
    .get("/init.js", (_req, res) => {
      res.type("text/javascript").send(DOCS_INIT);
    });
}

/**
 * The service's operations, by operationId. `pending` says why bearer tokens cannot be verified yet, if they
 * cannot; `metrics` is the registry /metrics serves here (without it, with METRICS=false or METRICS_PORT, the path
 * is 404).
 */
export function serviceOperations(
  db: Knex,
  pending: () => string | undefined,
  metrics?: Registry,
): Record<string, OperationHandler> {
  return {
    getOpenApiYaml: (_req, res) => {
      res.type("application/yaml").send(specText);
    },
    getOpenApiJson: (_req, res) => {
      res.json(spec);
    },
    getApiReference: (_req, res) => {
      res.type("text/html").send(DOCS_PAGE);
    },
    getHealth: (_req, res) => {
      res.json({ status: "ok" });
    },
    getReadiness: async (_req, res) => {
      const reason = await db.raw("select 1").then(
        () => pending(),
        () => "the database does not answer",
      );
      if (reason) res.status(503).set("Retry-After", RETRY_AFTER_SECONDS).json({ status: "unavailable", reason });
      else res.json({ status: "ready" });
    },
    getMetrics: async (_req, res) => {
      if (!metrics) throw new ApiError("notFound", "No such path.");
      res.type(metrics.contentType).send(await metrics.metrics());
    },
  };
}
