// The one translation of PostgreSQL's (and its drivers') errors into the directory's own: whatever a statement
// fails with, the use cases raise a domain error or, for a fault of ours, the original error.
import { ConcurrentChange, DirectoryUnavailable, Invalid, ValueTaken, type DirectoryError } from "./errors.ts";
import type { ChangeField } from "./model.ts";

// The unique indexes whose names identify a taken value (migrations 001 and 003; the identifier check of 004 raises
// under the same names).
const UNIQUE_FIELDS: Record<string, ChangeField> = {
  users_username_key: "username",
  users_email_key: "email",
  users_external_id_key: "external_id",
};

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const RETRY_CODES = new Set(["40001", "40P01"]);
// PostgreSQL's class 22 (data exception): a value it cannot store or convert. The decoders refuse such values first;
// one that slips past them is still the client's input, never a server fault.
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

interface DriverError {
  code?: string;
  constraint?: string;
  name?: string;
  message?: string;
}

export function fromDatabaseError(error: unknown): DirectoryError | undefined {
  const { code, constraint, name, message = "" } = (error ?? {}) as DriverError;
  if (code === "23505") {
    const index = constraint ?? Object.keys(UNIQUE_FIELDS).find((key) => message.includes(key));
    const field = index ? UNIQUE_FIELDS[index] : undefined;
    return field ? new ValueTaken(field) : undefined;
  }
  if (
    (code && UNAVAILABLE_CODES.has(code)) ||
    name === "KnexTimeoutError" ||
    /Connection terminated|connection error/i.test(message)
  )
    return new DirectoryUnavailable();
  if (code && RETRY_CODES.has(code)) return new ConcurrentChange();
  if (code && DATA_EXCEPTION.test(code))
    return new Invalid([], "The request holds a value the directory cannot store.");
  return undefined;
}
