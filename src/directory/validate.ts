// Value rules the spec states but JSON Schema cannot check: IANA zones, BCP 47 tags, bounded JSON objects.
import type { FieldProblem } from "./errors.ts";

const ATTRIBUTES_MAX_DEPTH = 8;
const ATTRIBUTES_MAX_BYTES = 16 * 1024;

export function checkTimezone(field: string, value: unknown): FieldProblem[] {
  if (typeof value !== "string") return [];
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return [];
  } catch {
    return [{ field, message: `'${value}' is not an IANA time zone name` }];
  }
}

export function checkLanguage(field: string, value: unknown): FieldProblem[] {
  if (typeof value !== "string") return [];
  try {
    Intl.getCanonicalLocales(value);
    return [];
  } catch {
    return [{ field, message: `'${value}' is not a BCP 47 language tag` }];
  }
}

function depth(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depth));
}

export function checkAttributes(field: string, value: unknown): FieldProblem[] {
  if (value === null || typeof value !== "object") return [];
  if (depth(value) > ATTRIBUTES_MAX_DEPTH)
    return [{ field, message: `must not nest deeper than ${ATTRIBUTES_MAX_DEPTH} levels` }];
  if (Buffer.byteLength(JSON.stringify(value)) > ATTRIBUTES_MAX_BYTES) {
    return [{ field, message: `must not be larger than ${ATTRIBUTES_MAX_BYTES} bytes as JSON` }];
  }
  return [];
}
