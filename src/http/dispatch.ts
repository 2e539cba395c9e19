// Requests reach their handler by the spec's operationId, from the route looked up once per request
// (src/http/documented-route.ts): one table instead of a router per contract, and a start-up check that the table and the
// spec name the same operations.
import type { RequestHandler } from "express";
import { documentedOperationIds } from "../spec.ts";
import type { OperationHandler } from "../wire/operation.ts";

export function dispatchOperations(handlers: Record<string, OperationHandler>): RequestHandler {
  const missing = documentedOperationIds.filter((id) => !Object.hasOwn(handlers, id));
  const undocumented = Object.keys(handlers).filter((id) => !documentedOperationIds.includes(id));
  if (missing.length > 0 || undocumented.length > 0)
    throw new Error(
      `operations without a handler: [${missing.join(", ")}]; handlers without an operation: [${undocumented.join(", ")}]`,
    );
  const byOperation = new Map(Object.entries(handlers));
  return async (req, res, next) => {
    const handler = byOperation.get(req.documented?.operation?.operationId ?? "");
    if (!handler) return next();
    await handler(req, res);
  };
}
