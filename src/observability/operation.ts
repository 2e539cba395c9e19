// Which documented operation a request is, for its metric labels and span name: from the route looked up once
// per request (src/http/documented-route.ts).
import type { Request } from "express";

export interface Operation {
  /** The spec's path template ("/users/{id}"), never the raw URL: label values stay few. */
  route: string;
  operationId: string;
}

export const operationOf = (req: Request): Operation => ({
  route: req.documented?.route.template ?? "unmatched",
  operationId: req.documented?.operation?.operationId ?? "none",
});
