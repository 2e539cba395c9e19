// What a search asks for, in the directory's own terms: conditions on canonical fields, joined by and, or and not.
// Contracts translate their filter languages into this (src/scim/search-filter.ts); src/directory/sql/search.ts
// turns it into SQL.

/** The fields a search may test and sort by: columns, and names derived from them as every contract shows them. */
export type SearchField =
  | "id"
  | "username"
  | "email"
  | "first_name"
  | "last_name"
  | "formatted_name"
  | "display_name"
  | "external_id"
  | "locale"
  | "language"
  | "timezone"
  | "status"
  | "created_at"
  | "updated_at";

/** The fields that hold a time (never missing). */
export const TIME_FIELDS: ReadonlySet<SearchField> = new Set(["created_at", "updated_at"]);

/** An address's parts (`EmailAddress`). */
export type AddressField = "value" | "type" | "primary";

export type Comparison = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

export type FilterValue = string | boolean | Date | null;

/** `caseExact: false` compares text case-insensitively. */
export type Condition<Field> =
  | { kind: "compare"; field: Field; op: Comparison; value: FilterValue; caseExact: boolean }
  | { kind: "present"; field: Field }
  | { kind: "and" | "or"; left: Condition<Field>; right: Condition<Field> }
  | { kind: "not"; filter: Condition<Field> };

export type UserFilter =
  | Condition<SearchField>
  /** One of the user's addresses meets the condition (all its parts at once). */
  | { kind: "address"; filter: Condition<AddressField> }
  | { kind: "all" | "none" }
  | { kind: "and" | "or"; left: UserFilter; right: UserFilter }
  | { kind: "not"; filter: UserFilter };

export interface SortOrder {
  field: SearchField;
  descending: boolean;
  caseExact: boolean;
}

/** Where a page ended: the last user's sort key and number; the next page starts after it. */
export interface PagePosition {
  key: string | number | null;
  num: number;
}

export type Page =
  /** Skip `offset` users (index pagination). */
  | { kind: "offset"; offset: number; count: number }
  /** Start after `after`, or at the beginning (cursor pagination: the same cost on every page). */
  | { kind: "after"; after: PagePosition | undefined; count: number };
