// `attributes` and `excludedAttributes` (RFC 7644 §3.9, §3.4.2.5): which attributes a returned resource holds.
// `id` and `schemas` are always returned. Names are case-insensitive and may be qualified by the core schema's URN;
// a value filter in a name (`emails[type eq "work"]`, as some clients send) stands for the whole attribute.
import { USER_SCHEMA } from "./schema.ts";

type Resource = Record<string, unknown>;

const ALWAYS = new Set(["id", "schemas"]);

/** The names a comma-separated list gives, lower-cased, as `attribute` or `attribute.sub`. */
export function attributeList(list: string | readonly string[] | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  const core = `${USER_SCHEMA.toLowerCase()}:`;
  const names = (typeof list === "string" ? list.split(",") : list)
    .map((name) =>
      name
        .trim()
        .toLowerCase()
        .replace(/\[.*\]/s, ""),
    )
    .map((name) => (name.startsWith(core) ? name.slice(core.length) : name))
    .filter(Boolean);
  return names.length > 0 ? names : undefined;
}

const keyOf = (resource: Resource, name: string) => Object.keys(resource).find((key) => key.toLowerCase() === name);

const isObject = (value: unknown): value is Resource =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** A complex value (or each value of a multi-valued one) with only, or without, some sub-attributes. */
function subset(value: unknown, subs: Set<string>, keep: boolean): unknown {
  const pick = (item: unknown) =>
    isObject(item)
      ? Object.fromEntries(Object.entries(item).filter(([key]) => subs.has(key.toLowerCase()) === keep))
      : item;
  return Array.isArray(value) ? value.map(pick) : pick(value);
}

/** Names grouped by attribute: the whole attribute (`undefined`), or some of its sub-attributes. */
function grouped(names: string[]): Map<string, Set<string> | undefined> {
  const groups = new Map<string, Set<string> | undefined>();
  for (const name of names) {
    const [attribute, sub] = name.split(".", 2);
    if (sub === undefined) groups.set(attribute, undefined);
    else if (!groups.has(attribute) || groups.get(attribute))
      groups.set(attribute, new Set([...(groups.get(attribute) ?? []), sub]));
  }
  return groups;
}

export function project(resource: Resource, attributes?: string[], excluded?: string[]): Resource {
  let result = resource;
  if (attributes) {
    result = Object.fromEntries(Object.entries(resource).filter(([key]) => ALWAYS.has(key)));
    for (const [attribute, subs] of grouped(attributes)) {
      const key = keyOf(resource, attribute);
      if (key === undefined || ALWAYS.has(key)) continue;
      result[key] = subs ? subset(resource[key], subs, true) : resource[key];
    }
  }
  if (excluded) {
    result = { ...result };
    for (const [attribute, subs] of grouped(excluded)) {
      const key = keyOf(result, attribute);
      if (key === undefined || ALWAYS.has(key)) continue;
      if (subs) result[key] = subset(result[key], subs, false);
      else delete result[key];
    }
  }
  return result;
}
