// The failures a client can cause, independent of any contract's wire format. Each contract renders them
// in its own error body (src/contracts/*, src/scim/*), optionally with its own wording per kind; src/http/ decides
// which error a failure is.
import type { FieldProblem } from "../directory/errors.ts";

export type ErrorKind =
  /** The body is not valid (contract A answers 422, the others 400). */
  | "invalid"
  /** The path, query string or a header is not valid: 400 on every contract. */
  | "invalidRequest"
  | "unauthorized"
  | "forbidden"
  | "readOnly"
  | "notFound"
  | "methodNotAllowed"
  | "conflict"
  | "preconditionFailed"
  | "payloadTooLarge"
  | "unsupportedMediaType"
  | "preconditionRequired"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  invalidRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  readOnly: 403,
  notFound: 404,
  methodNotAllowed: 405,
  conflict: 409,
  preconditionFailed: 412,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  preconditionRequired: 428,
  unavailable: 503,
  internal: 500,
};

/** What a contract may need to word a message its own way. */
export interface ErrorContext {
  identifier?: string;
  callerName?: string;
  /** What the caller was refused (Camunda names it in its AuthorizationException). */
  permission?: "READ" | "UPDATE";
  /**
   * What is wrong with an invalid request, where a contract has a code for it (SCIM's `scimType`): the body cannot
   * be read, a patch path or a filter cannot be read, a patch selects nothing, it would change a read-only
   * attribute, it asks for too many results, or its cursor is not one the server gave.
   */
  problem?: "syntax" | "path" | "filter" | "noTarget" | "mutability" | "tooMany" | "cursor";
}

// The spec's bounds on FieldError lists (a FieldProblem on the wire): a client that sends thousands of bad values
// gets the first hundred.
const DETAILS_MAX = 100;
const FIELD_MAX = 256;
const DETAIL_MESSAGE_MAX = 1024;

export class ApiError extends Error {
  readonly status: number;
  readonly details: FieldProblem[];

  constructor(
    readonly kind: ErrorKind,
    message: string,
    details: FieldProblem[] = [],
    readonly context: ErrorContext = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = STATUS[kind];
    this.details = details
      .slice(0, DETAILS_MAX)
      .map((d) => ({ field: d.field.slice(0, FIELD_MAX), message: d.message.slice(0, DETAIL_MESSAGE_MAX) }));
  }
}

export const invalid = (message: string, details: FieldProblem[] = []) => new ApiError("invalid", message, details);

export const fieldsInvalid = (details: FieldProblem[]) => invalid("The request is not valid.", details);

export const notFound = (identifier: string) =>
  new ApiError("notFound", `User '${identifier}' was not found.`, [], { identifier });

/** How long a client is asked to wait before trying again, when the service cannot answer now. */
export const RETRY_AFTER_SECONDS = "5";

/** 503: the service cannot answer now (its database, its identity provider's keys); `Retry-After` says when to retry. */
export const unavailable = (message: string) =>
  new ApiError("unavailable", message, [], {}, { "Retry-After": RETRY_AFTER_SECONDS });

/** 401 with the challenge RFC 6750 asks for; `invalid_token` once a token was presented. */
export function unauthorized(message: string, tokenPresented = true): ApiError {
  const challenge = tokenPresented ? 'Bearer realm="users-api", error="invalid_token"' : 'Bearer realm="users-api"';
  return new ApiError("unauthorized", message, [], {}, { "WWW-Authenticate": challenge });
}
