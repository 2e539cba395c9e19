// What a contract is: a wire format mapped onto the canonical user, and its error body. Everything else
// (policy, queries, ETags, audit, errors) is shared, below the contracts.
import type { Access } from "../directory/policy.ts";
import type { ChangeField, Changes, User, UserRef } from "../directory/model.ts";
import type { FieldProblem } from "../directory/errors.ts";
import type { ApiError, ErrorKind } from "../wire/api-error.ts";

export interface FieldRule {
  /** The canonical field this wire field writes. */
  column: ChangeField;
  access: Access;
  /** Wire value → canonical value, when they differ. */
  read?: (value: never) => unknown;
  /** What an omitted field becomes under full-replacement semantics (default null). */
  cleared?: unknown;
  /** Whether an omitted field keeps its value under full replacement (write-only and state fields). */
  kept?: boolean;
}

export type WireBody = Record<string, unknown>;

/** What a representation may need beyond the user: the URL clients reach this service by. */
export interface RenderContext {
  baseUrl: string;
}

/**
 * A contract's field table, checked against its request schema (generated/api.ts): every writable property of
 * the body has exactly one rule. `ReadOnly` names the properties that are not written (echoes, path checks).
 */
export type FieldTable<Body, ReadOnly extends keyof Body = never> = {
  [Field in Exclude<keyof Body, ReadOnly>]-?: FieldRule;
};

/**
 * A contract: `Representation`, `ErrorBody` and `UpdateBody` are its generated wire types (the update body has been
 * validated against its schema before a contract sees it); `Stored` is what its representation is rendered from
 * (the user, or with `relations` the user with its role object, reports and actor names).
 */
export interface Contract<
  Representation = unknown,
  ErrorBody = unknown,
  UpdateBody = WireBody,
  Stored extends User = User,
  PatchBody = never,
> {
  /** The spec tag of the contract's operations; errors on its paths render in its body. */
  tag: string;
  /** A path prefix the contract owns: undocumented paths under it answer in its error body too (`/scim/v2/`). */
  pathPrefix?: string;
  /** Its operations in openapi.yaml, by operationId: the spec gives their path and its parameter. */
  operations: { read: string; update: string; patch?: string; create?: string; remove?: string };
  /** The media type of its response and error bodies (default application/json). */
  mediaType?: string;
  /** `replace`: omitted fields are cleared; `merge`: only the fields sent change. */
  semantics: "replace" | "merge";
  /** Wire fields by name, or by a dotted path into the body (`name.givenName`). */
  fields: Record<string, FieldRule>;
  /** Whether its representation needs the role object, reports and actor names. */
  relations: boolean;
  success: 200 | 204;
  /** The status of a validation failure (contract A answers 422, the others 400). */
  validationStatus: 400 | 422;
  /** The user a path parameter addresses; `caller` (as the token names it) for the contracts' "the caller" keywords. */
  resolve(param: string, caller: UserRef): UserRef;
  render(user: Stored, context: RenderContext): Representation;
  /** The URI of the user's resource, where the contract gives one (`Content-Location`, and `Location` on creation). */
  location?(user: User, context: RenderContext): string;
  /** What of the representation a response holds, as the query string asks (SCIM's `attributes`). */
  shape?(representation: Representation, query: Record<string, unknown>): unknown;
  /** A request body as the contract reads it, before it is validated (SCIM's names are case-insensitive). */
  canonicalBody?(operationId: string, body: unknown): unknown;
  /** A patch document applied to the representation: the update body that replaces it (the `patch` operation). */
  patch?(body: PatchBody, representation: Representation): UpdateBody;
  /** Checks the spec cannot express, before the directory is read. */
  checkRequest?(body: UpdateBody, param: string): FieldProblem[];
  /** Checks against the stored user, inside the update. */
  checkAgainst?(body: UpdateBody, user: User): FieldProblem[];
  /** Wording of its own for some kinds of error. */
  messages?: Partial<Record<ErrorKind, (error: ApiError) => string>>;
  errorBody(error: ApiError, message: string, requestId: string): ErrorBody;
}

/** The canonical changes a body asks for, and the canonical fields it writes (for authorization). */
export function readChanges(contract: Contract, body: WireBody): { changes: Changes; sent: ChangeField[] } {
  const changes: Record<string, unknown> = {};
  const sent: ChangeField[] = [];
  for (const [wire, rule] of Object.entries(contract.fields)) {
    const [present, value] = valueAt(body, wire);
    if (present) {
      changes[rule.column] = rule.read ? rule.read(value as never) : value;
      sent.push(rule.column);
    } else if (contract.semantics === "replace" && !rule.kept) {
      changes[rule.column] = rule.cleared ?? null;
      sent.push(rule.column);
    }
  }
  return { changes, sent };
}

/** The value at a field's name or dotted path, and whether it is there (a null object on the way is absent). */
function valueAt(body: WireBody, wire: string): [boolean, unknown] {
  if (!wire.includes(".")) return [Object.hasOwn(body, wire), body[wire]];
  let value: unknown = body;
  for (const key of wire.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return [false, undefined];
    value = (value as WireBody)[key];
  }
  return [true, value];
}

export function wireNames(contract: Contract): Partial<Record<ChangeField, string>> {
  return Object.fromEntries(Object.entries(contract.fields).map(([wire, rule]) => [rule.column, wire]));
}

export function accessTable(contract: Contract): Partial<Record<ChangeField, Access>> {
  return Object.fromEntries(Object.values(contract.fields).map((rule) => [rule.column, rule.access]));
}

/** "field: message; field: message", for error bodies that have no room for details. */
export const detailsText = (error: ApiError) =>
  error.details.length > 0 ? error.details.map((d) => `${d.field}: ${d.message}`).join("; ") : error.message;

export const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
