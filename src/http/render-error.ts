// The one error renderer: whatever failed (body parser, validator, authentication, pipeline, database),
// the client gets its status in the error body of the contract it called.
import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { wireNames, type Contract } from "../contracts/contract.ts";
import { DirectoryError } from "../directory/errors.ts";
import type { FieldProblem } from "../directory/errors.ts";
import { fieldProblems } from "../schemas.ts";
import { ApiError, type ErrorKind } from "../wire/api-error.ts";
import { requestId } from "../log.ts";
import { contractFinder } from "./contract-of.ts";
import { fromDirectoryError } from "./directory-errors.ts";

const BODY_PARSER_KINDS: Record<string, ErrorKind> = {
  "entity.too.large": "payloadTooLarge",
  "entity.parse.failed": "invalid",
  "entity.verify.failed": "invalid",
  "charset.unsupported": "unsupportedMediaType",
  "encoding.unsupported": "unsupportedMediaType",
  "request.aborted": "invalid",
  "request.size.invalid": "invalid",
};

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: "invalidRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "notFound",
  405: "methodNotAllowed",
  409: "conflict",
  412: "preconditionFailed",
  413: "payloadTooLarge",
  415: "unsupportedMediaType",
  428: "preconditionRequired",
};

interface ForeignError {
  type?: string;
  status?: number;
  message?: string;
  errors?: { path?: string; message?: string }[];
  headers?: Record<string, string>;
  limit?: number;
}

/** express-openapi-validator reports `/body/email`, `/params/id`, `/headers/if-match`; clients know `email`. */
const validatorDetails = (errors: NonNullable<ForeignError["errors"]>): FieldProblem[] =>
  fieldProblems(
    errors.map((e) => ({
      path: (e.path ?? "").replace(/^[./]?(body|params|query|headers)(?=[./]|$)/, ""),
      message: e.message,
    })),
    "body",
  );

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = (error ?? {}) as ForeignError;
  if (e.type && BODY_PARSER_KINDS[e.type]) {
    const kind = BODY_PARSER_KINDS[e.type];
    if (kind === "payloadTooLarge") return new ApiError(kind, `The request body is larger than ${e.limit} bytes.`);
    if (kind === "unsupportedMediaType") return new ApiError(kind, `Unsupported body encoding: ${e.message}.`);
    return new ApiError(kind, `The body could not be read: ${e.message}`, [], { problem: "syntax" });
  }
  const kind = typeof e.status === "number" ? KIND_BY_STATUS[e.status] : undefined;
  if (kind === "invalidRequest" && e.errors) {
    // The validator reports where each problem is: all in the body is the body's fault, else the request line's.
    const inBody = e.errors.every((error) => /^[./]?body\b/.test(error.path ?? ""));
    return new ApiError(inBody ? "invalid" : "invalidRequest", "The request is not valid.", validatorDetails(e.errors));
  }
  if (kind === "invalidRequest") return new ApiError(kind, `The request is not valid: ${e.message ?? "malformed"}.`);
  if (kind === "methodNotAllowed")
    return new ApiError(kind, e.message ?? "Method not allowed.", [], {}, e.headers ?? {});
  if (kind === "unsupportedMediaType") {
    const type = /^unsupported media type (.+)$/.exec(e.message ?? "")?.[1];
    return new ApiError(
      kind,
      type ? `Unsupported media type '${type}'.` : "The request has a body but no Content-Type.",
    );
  }
  if (kind === "notFound") return new ApiError(kind, "No such path.");
  if (kind) return new ApiError(kind, e.message ?? "The request was refused.");
  return new ApiError("internal", "Internal error.");
}

/** A canonical field's name in the contract's wire format (fields it does not map keep their name). */
function wireNameIn(contract: Contract | undefined): (field: string) => string {
  const names: Record<string, string> = contract ? wireNames(contract) : {};
  return (field) => names[field] ?? field;
}

// The spec bounds every error body's message (and FieldError's parts); an answer must never exceed them.
const MESSAGE_MAX = 1024;
const bounded = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Renders errors in the body of the contract whose path was called (see `contractOf`), else the generic one. */
export function errorRenderer(logger: Logger, contracts: Contract[]): ErrorRequestHandler {
  const contractOf = contractFinder(contracts);
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const contract = contractOf(req);
    const apiError =
      error instanceof DirectoryError ? fromDirectoryError(error, wireNameIn(contract)) : toApiError(error);
    if (apiError.kind === "internal" || apiError.kind === "unavailable") {
      logger.error({ err: error, req: { id: requestId(req) } }, "request failed");
    }
    const message = bounded(contract?.messages?.[apiError.kind]?.(apiError) ?? apiError.message, MESSAGE_MAX);
    const status = apiError.kind === "invalid" && contract ? contract.validationStatus : apiError.status;
    res.status(status).set(apiError.headers);
    if (contract?.mediaType) res.type(contract.mediaType);
    res.json(contract ? contract.errorBody(apiError, message, requestId(req)) : { code: status, message });
  };
}
