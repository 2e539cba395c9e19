// The directory's refusals as the API's errors: a status, headers, and field names in the calling contract's words.
import {
  CallerNotActive,
  ConcurrentChange,
  DirectoryUnavailable,
  DirectoryError,
  Forbidden,
  Invalid,
  LastAdministrator,
  ReadOnly,
  StaleVersion,
  UserNotFound,
  ValueTaken,
  VersionRequired,
} from "../directory/errors.ts";
import { ApiError, invalid, notFound, unauthorized, unavailable } from "../wire/api-error.ts";
import { formatEtag } from "../wire/etag.ts";

/** `wireName` turns a canonical field into the contract's name for it (fields it does not map stay as they are). */
export function fromDirectoryError(error: DirectoryError, wireName: (field: string) => string): ApiError {
  if (error instanceof CallerNotActive) return unauthorized(error.message);
  if (error instanceof ReadOnly) return new ApiError("readOnly", error.message);
  if (error instanceof UserNotFound) return notFound(error.identifier);
  if (error instanceof Forbidden) {
    const context = { callerName: error.callerName, identifier: error.targetName, permission: error.permission };
    const fields = error.fields.map(wireName);
    if (fields.length === 0) return new ApiError("forbidden", error.message, [], context);
    const details = fields.map((field) => ({ field, message: "only an administrator may change this" }));
    return new ApiError("forbidden", `Only an administrator may change: ${fields.join(", ")}`, details, context);
  }
  if (error instanceof StaleVersion) {
    const message = `The user has changed since that ETag (it is now ${formatEtag(error.currentVersion)}); read it again.`;
    return new ApiError("preconditionFailed", message);
  }
  if (error instanceof VersionRequired)
    return new ApiError("preconditionRequired", "This server requires If-Match with the user's ETag.");
  if (error instanceof ValueTaken) {
    const field = wireName(error.field);
    return new ApiError("conflict", `The ${field} is taken by another user.`, [
      { field, message: "taken by another user" },
    ]);
  }
  if (error instanceof LastAdministrator) return new ApiError("conflict", error.message);
  if (error instanceof Invalid)
    return invalid(
      error.message,
      error.problems.map((p) => ({ field: wireName(p.field), message: p.message })),
    );
  if (error instanceof DirectoryUnavailable) return unavailable(error.message);
  if (error instanceof ConcurrentChange) return new ApiError("conflict", error.message);
  return new ApiError("internal", "Internal error.");
}
