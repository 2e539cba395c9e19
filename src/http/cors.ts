// CORS, off unless CORS_ORIGINS lists origins. What a browser may send and read is what openapi.yaml documents: the
// methods of the path asked about, its header parameters (If-Match) and its responses' headers (ETag, Location, …).
import type { RequestHandler } from "express";
import { documentedHeaders } from "../spec.ts";

// Beside the spec's own: the bearer token, the body's media type, and the request id every response carries.
const ALLOW_HEADERS = ["Authorization", "Content-Type", ...documentedHeaders.request].join(", ");
const EXPOSE_HEADERS = [...documentedHeaders.response, "X-Request-Id"].join(", ");

export function cors(origins: string[]): RequestHandler {
  const any = origins.includes("*");
  return (req, res, next) => {
    const origin = req.get("origin");
    if (origin && (any || origins.includes(origin))) {
      res.set({
        "Access-Control-Allow-Origin": any ? "*" : origin,
        "Access-Control-Expose-Headers": EXPOSE_HEADERS,
        Vary: "Origin",
      });
      if (req.method === "OPTIONS" && req.get("access-control-request-method")) {
        const methods = Object.keys(req.documented?.route.operations ?? {}).map((method) => method.toUpperCase());
        res.set({
          "Access-Control-Allow-Methods": methods.join(", "),
          "Access-Control-Allow-Headers": ALLOW_HEADERS,
          "Access-Control-Max-Age": "600",
        });
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
