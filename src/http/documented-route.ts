// The documented route and operation of a request, looked up once and shared by the body decoders and the error
// renderer (express-openapi-validator keeps its own).
import type { Request, RequestHandler } from "express";
import { findRoute, lenientPath, type DocumentedRoute, type OpenApiOperation } from "../spec.ts";

declare module "express-serve-static-core" {
  interface Request {
    /** Undefined for a path the spec does not document; `operation` undefined for a method it does not. */
    documented?: { route: DocumentedRoute; operation: OpenApiOperation | undefined };
  }
}

export const resolveRoute: RequestHandler = (req, _res, next) => {
  let route = findRoute(req.path);
  const canonical = route ? undefined : lenientPath(req.path);
  if (canonical) {
    // Every later step (the validator included) sees the documented path.
    req.url = canonical + req.url.slice(req.path.length);
    route = findRoute(req.path);
  }
  req.documented = route && { route, operation: route.operations[req.method.toLowerCase()] };
  next();
};

/** A path parameter of the request's documented route, decoded (the validator has refused paths that do not decode). */
export function pathParam(req: Request, name: string): string {
  const { route } = req.documented!;
  return decodeURIComponent(route.pattern.exec(req.path)![route.params.indexOf(name) + 1]);
}
