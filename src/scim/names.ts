// Attribute names are case-insensitive (RFC 7643 §2.1): a body's names as the schemas spell them (`Primary` →
// `primary`, `operations` → `Operations`), before it is validated. Names no schema defines are left as sent. A
// boolean attribute sent as "True" or "False" (as Entra ID and Microsoft's reference client do) is read as the
// boolean, here as in a patch.
import { byLowerName, userAttributes, type ScimAttribute } from "./schema.ts";

type Names = ReadonlyMap<string, { name: string; sub?: Names; boolean?: boolean }>;

const names = (list: string[], sub?: Record<string, Names>): Names =>
  new Map(list.map((name) => [name.toLowerCase(), { name, ...(sub?.[name] && { sub: sub[name] }) }]));

const fromAttributes = (attributes: ReadonlyMap<string, ScimAttribute>): Names =>
  new Map(
    [...attributes].map(([lower, attribute]) => [
      lower,
      {
        name: attribute.name,
        ...(attribute.subAttributes && { sub: fromAttributes(byLowerName(attribute.subAttributes)) }),
        ...(attribute.type === "boolean" && { boolean: true }),
      },
    ]),
  );

const USER: Names = new Map([...names(["schemas", "id", "externalId", "meta"]), ...fromAttributes(userAttributes)]);

const PATCH_OP: Names = names(["schemas", "Operations"], { Operations: names(["op", "path", "value"]) });

const SEARCH_REQUEST: Names = names([
  "schemas",
  "filter",
  "startIndex",
  "count",
  "cursor",
  "sortBy",
  "sortOrder",
  "attributes",
  "excludedAttributes",
]);

function canonical(value: unknown, known: Names): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item, known));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const found = known.get(key.toLowerCase());
      if (!found) return [key, item];
      if (found.boolean && typeof item === "string" && /^(true|false)$/i.test(item))
        return [found.name, item.toLowerCase() === "true"];
      return [found.name, found.sub ? canonical(item, found.sub) : item];
    }),
  );
}

/** The names a body of each kind is read with. */
export const canonicalUser = (body: unknown) => canonical(body, USER);
export const canonicalPatchOp = (body: unknown) => canonical(body, PATCH_OP);
export const canonicalSearchRequest = (body: unknown) => canonical(body, SEARCH_REQUEST);
