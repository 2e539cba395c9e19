// CORS, off unless CORS_ORIGINS lists origins: browsers may send If-Match and read ETag.
import type { RequestHandler } from "express";

export function cors(origins: string[]): RequestHandler {
  const any = origins.includes("*");
  return (req, res, next) => {
    const origin = req.get("origin");
    if (origin && (any || origins.includes(origin))) {
      res.set({
        "Access-Control-Allow-Origin": any ? "*" : origin,
        "Access-Control-Expose-Headers": "ETag, X-Request-Id, Retry-After, WWW-Authenticate",
        Vary: "Origin",
      });
      if (req.method === "OPTIONS" && req.get("access-control-request-method")) {
        res.set({
          "Access-Control-Allow-Methods": "GET, PUT",
          "Access-Control-Allow-Headers": "Authorization, Content-Type, If-Match",
          "Access-Control-Max-Age": "600",
        });
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
