// A SCIM PatchOp (RFC 7644 §3.5.2) applied to a User resource, all operations or none. Liberal in what identity
// providers send: `op` in any case, "True"/"False" for booleans, keys that are paths in an operation without one,
// a value added through a filter that selects none, and attributes this directory does not store (ignored).
import type { components } from "../../generated/api.ts";
import type { FieldProblem } from "../directory/errors.ts";
import { ApiError, type ErrorContext } from "../wire/api-error.ts";
import { compileSchema, fieldProblems } from "../schemas.ts";
import { equalities, FilterError, matches, parseFilter, type Filter } from "./filter.ts";
import { byLowerName, userAttributes, USER_SCHEMA, type ScimAttribute } from "./schema.ts";

type PatchOp = components["schemas"]["ScimPatchOp"];
type Resource = Record<string, unknown>;
type Op = "add" | "replace" | "remove";

interface Target {
  attribute: ScimAttribute;
  filter?: Filter;
  sub?: ScimAttribute;
}

/** The path names the resource itself (the core schema's URN), or something this directory does not store. */
const RESOURCE = Symbol("resource");
const IGNORED = Symbol("ignored");

const validateResource = compileSchema({ $ref: "spec#/components/schemas/ScimUserWrite" });

const refuse = (problem: ErrorContext["problem"], details: FieldProblem[]) =>
  new ApiError("invalid", details.map((d) => `${d.field}: ${d.message}`).join("; "), details, { problem });

const isObject = (value: unknown): value is Resource =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (value === undefined || value === null ? [] : [value].flat());

const PATH = /^([A-Za-z][\w$-]*)(?:\[(.*)\])?(?:\.([A-Za-z][\w$-]*))?$/s;

function parsePath(path: string, at: string): Target | typeof RESOURCE | typeof IGNORED {
  const lower = path.toLowerCase();
  const core = USER_SCHEMA.toLowerCase();
  if (lower === core) return RESOURCE;
  // Another schema's attribute (the enterprise extension, say): not stored here.
  if (lower.startsWith("urn:") && !lower.startsWith(`${core}:`)) return IGNORED;
  const match = PATH.exec(lower.startsWith(`${core}:`) ? path.slice(core.length + 1) : path);
  if (!match) throw refuse("path", [{ field: at, message: `cannot read the path '${path}'` }]);
  const [, name, filterText, subName] = match;
  if (["id", "meta"].includes(name.toLowerCase()))
    throw refuse("mutability", [{ field: at, message: `'${name}' is read-only` }]);
  const attribute = userAttributes.get(name.toLowerCase());
  if (!attribute) return IGNORED;
  if (filterText !== undefined && !attribute.multiValued)
    throw refuse("path", [{ field: at, message: `'${attribute.name}' has one value: it takes no filter` }]);
  let filter: Filter | undefined;
  try {
    filter = filterText === undefined ? undefined : parseFilter(filterText);
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    throw refuse("filter", [{ field: at, message: error.message }]);
  }
  const sub = subName === undefined ? undefined : byLowerName(attribute.subAttributes).get(subName.toLowerCase());
  if (subName !== undefined && attribute.type !== "complex")
    throw refuse("path", [{ field: at, message: `'${attribute.name}' has no sub-attributes` }]);
  // Unknown sub-attributes and read-only ones are ignored, as in a replace.
  if ((subName !== undefined && !sub) || attribute.mutability === "readOnly" || sub?.mutability === "readOnly")
    return IGNORED;
  return { attribute, filter, sub };
}

/** A value as the attribute's type wants it: "True"/"False" as booleans, sub-attributes by their own names. */
function coerce(value: unknown, attribute: ScimAttribute, single = false): unknown {
  if (attribute.multiValued && !single) return listOf(value).map((item) => coerce(item, attribute, true));
  if (attribute.type === "boolean" && typeof value === "string" && /^(true|false)$/i.test(value))
    return value.toLowerCase() === "true";
  if (attribute.type !== "complex" || !isObject(value)) return value;
  const subs = byLowerName(attribute.subAttributes);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const sub = subs.get(key.toLowerCase());
      return sub ? [sub.name, coerce(item, sub)] : [key, item];
    }),
  );
}

function valuesOf(resource: Resource, name: string): Resource[] {
  return listOf(resource[name]).filter(isObject);
}

/**
 * At most one value is primary (RFC 7643 §2.4): when `chosen` values are made primary, the others stop being so.
 */
function onePrimary(values: Resource[], chosen: Resource[]): Resource[] {
  if (!chosen.some((item) => item.primary === true)) return values;
  return values.map((item) => (chosen.includes(item) || item.primary !== true ? item : { ...item, primary: false }));
}

const sameValue = (a: Resource, b: Resource) =>
  typeof a.value === "string" && typeof b.value === "string" && a.value.toLowerCase() === b.value.toLowerCase();

/** Values added to a multi-valued attribute: one already there is updated in place, not added again (§3.5.2.1). */
function added(values: Resource[], additions: unknown[]): Resource[] {
  const result = [...values];
  const chosen: Resource[] = [];
  for (const addition of additions.filter(isObject)) {
    const index = result.findIndex((item) => sameValue(item, addition));
    const item = index < 0 ? addition : { ...result[index], ...addition };
    if (index < 0) result.push(item);
    else result[index] = item;
    chosen.push(item);
  }
  return onePrimary(result, chosen);
}

// Kept by a replacement that omits them (they have no unassigned state here): removing one would answer success for a
// change not made.
const NOT_REMOVABLE = new Set(["active", "password"]);

function write(resource: Resource, op: Exclude<Op, "remove">, target: Target, raw: unknown, at: string): void {
  const { attribute, filter, sub } = target;
  const name = attribute.name;
  const value = sub ? coerce(raw, sub) : coerce(raw, attribute, filter !== undefined);
  if (filter) {
    if (!sub && !isObject(value))
      throw refuse(undefined, [{ field: at, message: `the values '${name}[…]' selects are replaced by an object` }]);
    const values = valuesOf(resource, name);
    const selected = values.filter((item) => matches(filter, item));
    const update = (item: Resource) => (sub ? { ...item, [sub.name]: value } : { ...item, ...(value as Resource) });
    if (selected.length > 0) {
      const updated = values.map((item) => (selected.includes(item) ? update(item) : item));
      resource[name] = onePrimary(
        updated,
        updated.filter((_, index) => selected.includes(values[index])),
      );
      return;
    }
    // What identity providers mean by `emails[type eq "work"].value` when there is none yet: add one.
    const wanted = equalities(filter);
    if (!wanted) throw refuse("noTarget", [{ field: at, message: "the filter selects no value" }]);
    const addition = update(coerce(wanted, attribute, true) as Resource);
    resource[name] = onePrimary([...values, addition], [addition]);
  } else if (sub && attribute.multiValued) {
    const values = valuesOf(resource, name);
    resource[name] =
      values.length > 0 ? values.map((item) => ({ ...item, [sub.name]: value })) : [{ [sub.name]: value }];
  } else if (sub) {
    resource[name] = { ...(isObject(resource[name]) ? resource[name] : {}), [sub.name]: value };
  } else if (attribute.multiValued) {
    resource[name] = op === "add" ? added(valuesOf(resource, name), listOf(value)) : listOf(value);
  } else if (attribute.type === "complex" && isObject(value)) {
    resource[name] = { ...(isObject(resource[name]) ? resource[name] : {}), ...value };
  } else {
    resource[name] = value;
  }
}

function remove(resource: Resource, target: Target, value: unknown, at: string): void {
  const { attribute, filter, sub } = target;
  const name = attribute.name;
  if (NOT_REMOVABLE.has(name) && !sub)
    throw refuse(undefined, [{ field: at, message: `'${name}' cannot be removed; replace it instead` }]);
  const without = (item: Resource) => Object.fromEntries(Object.entries(item).filter(([key]) => key !== sub!.name));
  if (filter) {
    const values = valuesOf(resource, name);
    const selected = values.filter((item) => matches(filter, item));
    if (selected.length === 0) throw refuse("noTarget", [{ field: at, message: "the filter selects no value" }]);
    resource[name] = sub
      ? values.map((item) => (selected.includes(item) ? without(item) : item))
      : values.filter((item) => !selected.includes(item));
  } else if (sub) {
    resource[name] = attribute.multiValued
      ? valuesOf(resource, name).map(without)
      : isObject(resource[name])
        ? without(resource[name])
        : resource[name];
  } else if (attribute.multiValued && value !== undefined) {
    // The older Entra form: the values to remove are in `value`.
    const gone = new Set(valuesOf({ value }, "value").map((item) => String(item.value).toLowerCase()));
    resource[name] = valuesOf(resource, name).filter((item) => !gone.has(String(item.value).toLowerCase()));
  } else {
    delete resource[name];
  }
}

function apply(resource: Resource, op: Op, path: string, value: unknown, at: string): void {
  const target = parsePath(path, at);
  if (target === IGNORED) return;
  if (target === RESOURCE) return applyEach(resource, op, value, at);
  if (op === "remove") remove(resource, target, value, at);
  else write(resource, op, target, value, at);
}

/** An operation without a path: its value's keys are attributes, or paths to them. */
function applyEach(resource: Resource, op: Op, value: unknown, at: string): void {
  if (op === "remove") throw refuse("noTarget", [{ field: `${at}.path`, message: "a remove needs a path" }]);
  if (!isObject(value))
    throw refuse("path", [{ field: `${at}.value`, message: "without a path, the value is an object of attributes" }]);
  for (const [key, item] of Object.entries(value)) {
    if (key.toLowerCase() === "schemas") continue;
    if (key.toLowerCase() === "id" && item === resource.id) continue;
    apply(resource, op, key, item, `${at}.value.${key}`);
  }
}

/** The resource the patch makes of `resource`: what then replaces the stored user. */
export function applyPatch(patch: PatchOp, resource: Resource): Resource {
  const result = structuredClone(resource);
  patch.Operations.forEach(({ op, path, value }, index) => {
    const at = `Operations[${index}]`;
    const kind = op.toLowerCase() as Op;
    if (path === undefined) applyEach(result, kind, value, at);
    else apply(result, kind, path, value, `${at}.path`);
  });
  if (!validateResource(result)) throw refuse(undefined, fieldProblems(validateResource.errors, "resource"));
  return result;
}
