// A SCIM filter and sortBy in the directory's terms: each User attribute a search may test, the directory field it
// is, and how it compares (its type and caseExact, as the User schema of /Schemas declares them).
import type {
  AddressField,
  Condition,
  FilterValue,
  SearchField,
  SortOrder,
  UserFilter,
} from "../directory/user-filter.ts";
import { FilterError, parseAttributePath, type AttributePath, type Filter } from "./filter.ts";
import { byLowerName, userAttributes, USER_SCHEMA, type ScimAttribute } from "./schema.ts";

type Searchable = { field: SearchField; type: "string" | "dateTime"; caseExact: boolean };

/** SCIM attributes (lower-cased `attribute` or `attribute.sub`) and the directory fields they are. */
const SEARCHABLE_FIELDS: Record<string, SearchField> = {
  id: "id",
  externalid: "external_id",
  username: "username",
  "name.givenname": "first_name",
  "name.familyname": "last_name",
  "name.formatted": "formatted_name",
  displayname: "display_name",
  locale: "locale",
  preferredlanguage: "language",
  timezone: "timezone",
};

// Common attributes (RFC 7643 §3.1), which the User schema document does not list.
const COMMON: Record<string, Searchable> = {
  id: { field: "id", type: "string", caseExact: true },
  "meta.created": { field: "created_at", type: "dateTime", caseExact: true },
  "meta.lastmodified": { field: "updated_at", type: "dateTime", caseExact: true },
};

const definition = (attribute: string, sub?: string): ScimAttribute | undefined => {
  const parent = userAttributes.get(attribute);
  return sub === undefined ? parent : byLowerName(parent?.subAttributes).get(sub);
};

const searchable: Record<string, Searchable> = {
  ...Object.fromEntries(
    Object.entries(SEARCHABLE_FIELDS).flatMap(([key, field]) => {
      const [attribute, sub] = key.split(".");
      const found = definition(attribute, sub);
      return found ? [[key, { field, type: "string", caseExact: found.caseExact ?? false } satisfies Searchable]] : [];
    }),
  ),
  ...COMMON,
};

const emailsDefinition = userAttributes.get("emails");
const addressParts = byLowerName(emailsDefinition?.subAttributes);

const refuse = (message: string) => new FilterError(message);

/** The path as the lower-cased key of the tables above; an attribute of another schema cannot be searched here. */
function keyOf(path: AttributePath): string {
  if (path.schema && path.schema.toLowerCase() !== USER_SCHEMA.toLowerCase())
    throw refuse(`attributes of ${path.schema} cannot be searched here`);
  return [path.attribute, path.sub]
    .filter((part) => part !== undefined)
    .join(".")
    .toLowerCase();
}

function dateValue(value: unknown, at: string): Date {
  const time = typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw refuse(`${at} compares with a date and time, such as "2026-01-01T00:00:00Z"`);
  return new Date(time);
}

function compared(found: Searchable, filter: Extract<Filter, { kind: "compare" }>, at: string): UserFilter {
  const { op, value } = filter;
  if (found.type === "dateTime") {
    if (["co", "sw", "ew"].includes(op)) throw refuse(`'${op}' does not compare dates (${at})`);
    return {
      kind: "compare",
      field: found.field,
      op,
      value: value === null ? null : dateValue(value, at),
      caseExact: true,
    };
  }
  if (value !== null && typeof value !== "string") throw refuse(`${at} compares with a string`);
  return { kind: "compare", field: found.field, op, value, caseExact: found.caseExact };
}

/** `active` is the user's status: active, or not. */
function activeFilter(filter: Extract<Filter, { kind: "compare" | "present" }>): UserFilter {
  if (filter.kind === "present") return { kind: "all" };
  const active = filter.value;
  if (typeof active !== "boolean" || (filter.op !== "eq" && filter.op !== "ne"))
    throw refuse("active is compared with eq or ne, to true or false");
  const isActive: UserFilter = { kind: "compare", field: "status", op: "eq", value: "active", caseExact: true };
  return active === (filter.op === "eq") ? isActive : { kind: "not", filter: isActive };
}

function addressCondition(filter: Filter): Condition<AddressField> {
  switch (filter.kind) {
    case "and":
    case "or":
      return { kind: filter.kind, left: addressCondition(filter.left), right: addressCondition(filter.right) };
    case "not":
      return { kind: "not", filter: addressCondition(filter.filter) };
    case "valuePath":
      throw refuse("a value filter cannot hold another");
    default: {
      const name = (filter.path.sub ?? filter.path.attribute).toLowerCase();
      const part = addressParts.get(name);
      if (!part) throw refuse(`emails have no '${name}'`);
      const field = part.name as AddressField;
      if (filter.kind === "present") return { kind: "present", field };
      const { op, value } = filter;
      if (part.type === "boolean") {
        if (typeof value !== "boolean" || (op !== "eq" && op !== "ne"))
          throw refuse(`emails.${field} is compared with eq or ne, to true or false`);
      } else if (value !== null && typeof value !== "string") throw refuse(`emails.${field} compares with a string`);
      return { kind: "compare", field, op, value: value as FilterValue, caseExact: part.caseExact ?? false };
    }
  }
}

/** The directory's filter for a parsed SCIM filter; FilterError for what cannot be searched here. */
export function userFilter(filter: Filter): UserFilter {
  switch (filter.kind) {
    case "and":
    case "or":
      return { kind: filter.kind, left: userFilter(filter.left), right: userFilter(filter.right) };
    case "not":
      return { kind: "not", filter: userFilter(filter.filter) };
    case "valuePath":
      if (keyOf(filter.path) !== "emails") throw refuse(`'${filter.path.attribute}' has no values to select from`);
      return { kind: "address", filter: addressCondition(filter.filter) };
    default: {
      const key = keyOf(filter.path);
      const at = `${filter.path.attribute}${filter.path.sub ? `.${filter.path.sub}` : ""}`;
      if (key === "emails" || key.startsWith("emails."))
        return {
          kind: "address",
          filter: addressCondition(key === "emails" ? { ...filter, path: { attribute: "value" } } : filter),
        };
      if (key === "active") return activeFilter(filter);
      if (key === "meta.resourcetype") {
        const matched =
          filter.kind === "present" || (filter.op === "eq") === (String(filter.value).toLowerCase() === "user");
        return { kind: matched ? "all" : "none" };
      }
      const found = searchable[key];
      if (!found) throw refuse(`'${at}' cannot be searched`);
      if (filter.kind === "present") return { kind: "present", field: found.field };
      return compared(found, filter, at);
    }
  }
}

/** The directory's order for sortBy (a multi-valued attribute sorts by its primary value: the user's email). */
export function sortOrder(sortBy: string | undefined, order: string | undefined): SortOrder | undefined {
  if (sortBy === undefined) return undefined;
  const key = keyOf(parseAttributePath(sortBy));
  const descending = order?.toLowerCase() === "descending";
  if (key === "emails" || key === "emails.value") return { field: "email", descending, caseExact: false };
  if (key === "active") return { field: "status", descending, caseExact: true };
  const found = searchable[key];
  if (!found) throw refuse(`'${sortBy}' cannot be sorted by`);
  return { field: found.field, descending, caseExact: found.caseExact };
}
