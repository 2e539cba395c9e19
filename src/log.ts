// Structured logs with pino: one line per request, never a header, body or token. JSON for machines; on a
// terminal, pino-pretty renders the same records as one readable line each.
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { pino, type DestinationStream, type Logger } from "pino";

declare module "express-serve-static-core" {
  interface Request {
    /** The request's id: on its log line, in X-Request-Id, and in the error bodies that carry one. */
    id?: string;
    /** The request's trace, when traces are on (src/observability/tracing.ts): logged with it. */
    traceId?: string;
  }
}

// Standard output written asynchronously: lines logged while a write is under way go out together in the next one,
// instead of one blocking write per request (pino flushes what is left when the process exits).
export function createLogger(
  level: string,
  destination: DestinationStream = pino.destination({ dest: 1, sync: false }),
): Logger {
  return pino(
    { level, redact: { paths: ["*.authorization", "*.password", "*.token"], censor: "[redacted]" } },
    destination,
  );
}

interface RequestRecord {
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
}

/** "PUT /users/5 200 4 ms request=<id>" for request records; other records keep their message. */
function messageLine(log: Record<string, unknown>, messageKey: string): string {
  const { req, res, responseTime } = log as RequestRecord;
  if (!req || !res) return typeof log[messageKey] === "string" ? log[messageKey] : "";
  return `${req.method} ${req.url} ${res.statusCode} ${responseTime} ms request=${req.id}`;
}

/**
 * pino-pretty in this process (synchronous, so lines keep their order with console output); loaded only for
 * people, JSON logs do without it.
 */
export async function prettyDestination(destination: number | NodeJS.WritableStream = 1): Promise<DestinationStream> {
  const { default: pretty } = await import("pino-pretty");
  return pretty({
    destination,
    sync: true,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname,req,res,responseTime",
    singleLine: true,
    messageFormat: messageLine,
  });
}

/** The id this request was logged under. */
export const requestId = (req: { id?: string }): string => req.id ?? "";

/**
 * One line per request once its response is sent (or the client went away first): method, path without the query,
 * status, duration in ms, request id, and with `traceIds` the trace id set by the tracing middleware.
 */
export function requestLogger(logger: Logger, traceIds = false): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    const id = randomUUID();
    req.id = id;
    res.setHeader("X-Request-Id", id);
    res.once("close", () => {
      const record = {
        req: { id, method: req.method, url: req.originalUrl.split("?")[0] },
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - started,
        ...(traceIds && { traceId: req.traceId }),
      };
      const level = res.statusCode >= 500 ? "error" : "info";
      logger[level](record, res.writableFinished ? "request completed" : "request aborted");
    });
    next();
  };
}
