// Which documented operation a request is, looked up once per request for its metric labels and span name.
import type { Request } from "express";
import { findRoute } from "../spec.ts";

export interface Operation {
  /** The spec's path template ("/users/{id}"), never the raw URL: label values stay few. */
  route: string;
  operationId: string;
}

const OPERATION = Symbol("operation");
type Described = Request & { [OPERATION]?: Operation };

export function operationOf(req: Request): Operation {
  const described = req as Described;
  if (!described[OPERATION]) {
    const route = findRoute(req.path);
    described[OPERATION] = {
      route: route?.template ?? "unmatched",
      operationId: route?.operations[req.method.toLowerCase()]?.operationId ?? "none",
    };
  }
  return described[OPERATION];
}
