// Searches: a filter, an order and a page turned into one SQL statement through Knex (every value a binding), using
// the indexes of migrations 001, 003 and 004 for the lookups identity providers make (userName, externalId, email).
import type { User, UserRef } from "../model.ts";
import type {
  AddressField,
  Comparison,
  Condition,
  FilterValue,
  Page,
  PagePosition,
  SearchField,
  SortOrder,
  UserFilter,
} from "../user-filter.ts";
import type { Store } from "./store.ts";
import { fromJson, refCondition, selectUsers, type UserJson } from "./users-json.ts";

type Sql = [string, unknown[]];

const NAMES_JOINED = "nullif(concat_ws(' ', nullif(u.first_name, ''), nullif(u.last_name, '')), '')";

/** Each field's SQL, and whether it holds text, a time or neither. As `formattedName` and `displayName` derive them. */
const FIELDS: Record<SearchField, { sql: string; type: "text" | "time" }> = {
  id: { sql: "u.id", type: "text" },
  username: { sql: "u.username", type: "text" },
  email: { sql: "u.email", type: "text" },
  first_name: { sql: "u.first_name", type: "text" },
  last_name: { sql: "u.last_name", type: "text" },
  formatted_name: { sql: `coalesce(u.formatted_name, ${NAMES_JOINED})`, type: "text" },
  display_name: { sql: `coalesce(u.display_name, u.formatted_name, ${NAMES_JOINED}, u.username)`, type: "text" },
  external_id: { sql: "u.external_id", type: "text" },
  locale: { sql: "u.locale", type: "text" },
  language: { sql: "u.language", type: "text" },
  timezone: { sql: "u.timezone", type: "text" },
  status: { sql: "u.status", type: "text" },
  created_at: { sql: "u.created_at", type: "time" },
  updated_at: { sql: "u.updated_at", type: "time" },
};

/** A user's addresses, as `addressesOf` gives them: as stored, else its email as its one work address. */
const ADDRESSES = `json_array_elements(coalesce(u.emails, case when u.email is null then '[]'::json
  else json_build_array(json_build_object('value', u.email, 'type', 'work', 'primary', true)) end))`;

const ADDRESS_FIELDS: Record<AddressField, { sql: string; type: "text" | "boolean" }> = {
  value: { sql: "e->>'value'", type: "text" },
  type: { sql: "e->>'type'", type: "text" },
  primary: { sql: "(e->>'primary')::boolean", type: "boolean" },
};

const OPERATORS: Record<Exclude<Comparison, "co" | "sw" | "ew">, string> = {
  eq: "=",
  ne: "is distinct from",
  gt: ">",
  ge: ">=",
  lt: "<",
  le: "<=",
};

/** LIKE's wildcards in a value, taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function compare(field: { sql: string; type: string }, op: Comparison, value: FilterValue, caseExact: boolean): Sql {
  const folded = field.type === "text" && !caseExact;
  const column = folded ? `lower(${field.sql})` : field.sql;
  const param = field.type === "time" ? "?::timestamptz" : folded ? "lower(?)" : "?";
  if (value === null) return [op === "ne" ? `${field.sql} is not null` : `${field.sql} is null`, []];
  const bound = value instanceof Date ? value.toISOString() : value;
  switch (op) {
    case "co":
      return [`${column} like '%' || ${param} || '%'`, [literal(String(bound))]];
    case "sw":
      return [`${column} like ${param} || '%'`, [literal(String(bound))]];
    case "ew":
      return [`${column} like '%' || ${param}`, [literal(String(bound))]];
    default:
      return [`${column} ${OPERATORS[op]} ${param}`, [bound]];
  }
}

function present(field: { sql: string; type: string }): Sql {
  return [field.type === "text" ? `(${field.sql} is not null and ${field.sql} <> '')` : `${field.sql} is not null`, []];
}

function joined(kind: "and" | "or", [left, leftValues]: Sql, [right, rightValues]: Sql): Sql {
  return [`(${left} ${kind} ${right})`, [...leftValues, ...rightValues]];
}

function condition<Field extends string>(
  filter: Condition<Field>,
  fields: Record<Field, { sql: string; type: string }>,
): Sql {
  switch (filter.kind) {
    case "compare":
      return compare(fields[filter.field], filter.op, filter.value, filter.caseExact);
    case "present":
      return present(fields[filter.field]);
    case "and":
    case "or":
      return joined(filter.kind, condition(filter.left, fields), condition(filter.right, fields));
    case "not": {
      const [sql, values] = condition(filter.filter, fields);
      return [`not coalesce(${sql}, false)`, values];
    }
  }
}

/** The values an address must equal (`value eq …` joined by `and`), which the index of addresses can look up. */
function addressEqualities(filter: Condition<AddressField>): string[] {
  if (filter.kind === "compare" && filter.field === "value" && filter.op === "eq" && typeof filter.value === "string")
    return [filter.value];
  if (filter.kind === "and") return [...addressEqualities(filter.left), ...addressEqualities(filter.right)];
  return [];
}

function where(filter: UserFilter): Sql {
  switch (filter.kind) {
    case "all":
      return ["true", []];
    case "none":
      return ["false", []];
    case "address": {
      const [sql, values] = condition(filter.filter, ADDRESS_FIELDS);
      const exists: Sql = [`exists (select 1 from ${ADDRESSES} e where ${sql})`, values];
      const lookups = addressEqualities(filter.filter);
      if (lookups.length === 0) return exists;
      // A superset of the users the exact condition selects, found through indexes: the one email of users without a
      // list of addresses, the addresses of the others.
      const lower = lookups.map((v) => v.toLowerCase());
      const indexed: Sql = [
        "(lower(u.email) = any(?::text[]) or (u.emails is not null and users_email_values(u.emails) @> ?::text[]))",
        [lower, lower],
      ];
      return joined("and", indexed, exists);
    }
    case "and":
    case "or":
      return joined(filter.kind, where(filter.left), where(filter.right));
    case "not": {
      const [sql, values] = where(filter.filter);
      return [`not coalesce(${sql}, false)`, values];
    }
    default:
      return condition(filter, FIELDS);
  }
}

/**
 * An order's keys: whether the value is missing (users without one come last when ascending and first when
 * descending, as RFC 7644 §3.4.2.3 has it), the value itself, and the user's number, all in one direction, so that a
 * page can start after a position with one row comparison. A position's value travels as text (a time in ISO 8601):
 * `text` selects it, `param` reads it back (null when missing).
 */
function sortKeys(order: SortOrder | undefined) {
  if (!order) return undefined;
  const { sql, type } = FIELDS[order.field];
  if (type === "time") return { keys: [sql], text: `to_json(${sql}) #>> '{}'`, param: ["?::timestamptz"] };
  const value = order.caseExact ? sql : `lower(${sql})`;
  return {
    keys: [`(${value} is null)`, `coalesce(${value}, '')`],
    text: value,
    param: ["(?::text is null)", "coalesce(?::text, '')"],
  };
}

export interface UserSearch {
  filter: UserFilter;
  order: SortOrder | undefined;
  page: Page;
  /** Only this user (a caller who may read no one else). */
  only?: UserRef;
  /** Count every user the filter selects (index pagination). */
  total: boolean;
}

export interface FoundUsers {
  users: User[];
  total?: number;
  /** Where the page ended, when more follow (cursor pagination). */
  next?: PagePosition;
}

export async function searchUsers(store: Store, search: UserSearch): Promise<FoundUsers> {
  const { conn: db } = store;
  const filtered = () => {
    const query = db
      .queryBuilder()
      .from({ u: "users" })
      .whereRaw(...(where(search.filter) as [string, never[]]));
    if (search.only) query.whereRaw(...(refCondition(search.only.by, String(search.only.value)) as [string, never[]]));
    return query;
  };
  const sort = sortKeys(search.order);
  const direction = search.order?.descending ? "desc" : "asc";
  const keys = [...(sort?.keys ?? []), "u.num"];
  const order = keys.map((key) => `${key} ${direction}`).join(", ");
  // The page's users are chosen by number first, and only they are then built as JSON: a scan past skipped rows
  // (an offset) would otherwise build every one of them.
  const chosen = filtered().select("u.num").orderByRaw(order);
  const { page } = search;
  if (page.kind === "offset") chosen.offset(page.offset).limit(page.count);
  else {
    if (page.after) {
      const { key, num } = page.after;
      const params = [...(sort?.param ?? []), "?"];
      const values = [...(sort?.param.map(() => key) ?? []), num];
      chosen.whereRaw(
        `(${keys.join(", ")}) ${direction === "asc" ? ">" : "<"} (${params.join(", ")})`,
        values as never[],
      );
    }
    // One more than asked: whether a next page exists.
    chosen.limit(page.count + 1);
  }
  const query = selectUsers(db, db.queryBuilder(), "users", false)
    .whereRaw("u.num in (?)", [chosen] as never[])
    .orderByRaw(order);
  if (sort) query.select(db.raw(`${sort.text} as sort_key`));
  const [rows, counted] = await Promise.all([
    query as Promise<{ user: UserJson; sort_key?: string | null }[]>,
    search.total ? filtered().count({ total: "*" }).first<{ total: string | number }>() : undefined,
  ]);
  const users = rows.slice(0, page.count).map((row) => fromJson<User>(row.user));
  const last = rows[page.count - 1];
  const next =
    page.kind === "after" && rows.length > page.count && last
      ? { key: last.sort_key ?? null, num: users[users.length - 1].num }
      : undefined;
  return { users, ...(counted && { total: Number(counted.total) }), ...(next && { next }) };
}
