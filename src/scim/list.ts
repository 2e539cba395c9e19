// Searching users the SCIM way (RFC 7644 §3.4.2, §3.4.3; RFC 9865): the query string of GET /Users, or the
// SearchRequest of POST /Users/.search, as the directory's search; its page of users as a ListResponse.
import { createHash } from "node:crypto";
import type { components } from "../../generated/api.ts";
import type { ContractDirectory } from "../directory/directory.ts";
import type { User, UserRef } from "../directory/model.ts";
import type { SearchRequest } from "../directory/search.ts";
import { TIME_FIELDS, type Page, type PagePosition, type SortOrder } from "../directory/user-filter.ts";
import { ApiError, type ErrorContext } from "../wire/api-error.ts";
import { FilterError, parseFilter } from "./filter.ts";
import { attributeList, project } from "./projection.ts";
import { LIST_RESPONSE_SCHEMA } from "./schema.ts";
import { sortOrder, userFilter } from "./search-filter.ts";

type ListResponse = components["schemas"]["ScimListResponse"];
type SearchRequestBody = components["schemas"]["ScimSearchRequest"];

/** What ServiceProviderConfig advertises (openapi.yaml): pages of 100 unless asked, at most 1,000. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** A search as SCIM asks for it, from either form. */
export interface ListQuery {
  filter?: string;
  startIndex?: number;
  count?: number;
  cursor?: string;
  sortBy?: string;
  sortOrder?: string;
  attributes?: string[];
  excludedAttributes?: string[];
}

const refuse = (problem: ErrorContext["problem"], message: string) => new ApiError("invalid", message, [], { problem });

const integer = (value: unknown) => (value === undefined ? undefined : Math.trunc(Number(value)));

/** GET's query string (one value per name; the validator has checked their types). */
export function queryOf(query: Record<string, unknown>): ListQuery {
  const text = (name: string) => (typeof query[name] === "string" ? query[name] : undefined);
  return {
    filter: text("filter"),
    startIndex: integer(query.startIndex),
    count: integer(query.count),
    cursor: query.cursor === undefined ? undefined : (text("cursor") ?? ""),
    sortBy: text("sortBy"),
    sortOrder: text("sortOrder"),
    attributes: attributeList(text("attributes")),
    excludedAttributes: attributeList(text("excludedAttributes")),
  };
}

/** POST /.search's body (names canonicalised before it was validated). */
export function searchBodyOf(body: SearchRequestBody): ListQuery {
  const { schemas: _schemas, attributes, excludedAttributes, ...rest } = body;
  return { ...rest, attributes: attributeList(attributes), excludedAttributes: attributeList(excludedAttributes) };
}

/** The query a cursor belongs to: a cursor given for another filter or order is refused, not misread. */
const fingerprint = (query: ListQuery) =>
  createHash("sha256")
    .update(JSON.stringify([query.filter ?? "", query.sortBy ?? "", query.sortOrder ?? ""]))
    .digest("base64url")
    .slice(0, 12);

function encodeCursor(position: PagePosition, query: ListQuery): string {
  return Buffer.from(JSON.stringify({ k: position.key, n: position.num, q: fingerprint(query) })).toString("base64url");
}

/** A position the cursor holds, of the kind the order's key has (a time, text that may be missing, or none). */
function decodeCursor(cursor: string, query: ListQuery, order: SortOrder | undefined): PagePosition {
  try {
    const { k, n, q } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>;
    const keyFits = !order
      ? k === null
      : TIME_FIELDS.has(order.field)
        ? typeof k === "string" && !Number.isNaN(Date.parse(k))
        : k === null || typeof k === "string";
    if (q === fingerprint(query) && Number.isSafeInteger(n) && keyFits)
      return { key: k as string | null, num: n as number };
  } catch {
    // Not one of ours: refused below.
  }
  throw refuse("cursor", "The cursor is not one of this server's for this query; start again with an empty cursor.");
}

function pageOf(query: ListQuery, order: SortOrder | undefined): Page {
  const count = Math.max(0, query.count ?? DEFAULT_PAGE_SIZE);
  if (count > MAX_PAGE_SIZE) throw refuse("tooMany", `count may be at most ${MAX_PAGE_SIZE}; page through the rest.`);
  if (query.cursor === undefined) return { kind: "offset", offset: Math.max(1, query.startIndex ?? 1) - 1, count };
  if (query.startIndex !== undefined)
    throw refuse(undefined, "startIndex and cursor are two kinds of pagination: use one.");
  return { kind: "after", after: query.cursor === "" ? undefined : decodeCursor(query.cursor, query, order), count };
}

/** The directory's search for a SCIM query; 400 (`invalidFilter`, `tooMany`, `invalidCursor`) for one it cannot run. */
export function searchRequest(caller: UserRef, query: ListQuery): SearchRequest {
  try {
    const order = sortOrder(query.sortBy, query.sortOrder);
    const page = pageOf(query, order);
    return {
      caller,
      filter:
        query.filter === undefined || query.filter.trim() === ""
          ? { kind: "all" }
          : userFilter(parseFilter(query.filter)),
      order,
      page,
      total: page.kind === "offset",
    };
  } catch (error) {
    if (error instanceof FilterError) throw refuse("filter", error.message);
    throw error;
  }
}

/** A page of users as SCIM's ListResponse, each resource as `render` gives it and the query asks. */
export async function listUsers(
  users: ContractDirectory,
  caller: UserRef,
  query: ListQuery,
  render: (user: User) => Record<string, unknown>,
): Promise<ListResponse> {
  const request = searchRequest(caller, query);
  const found = await users.search(request);
  const resources = found.users.map((user) => project(render(user), query.attributes, query.excludedAttributes));
  const { page } = request;
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    ...(found.total !== undefined && { totalResults: found.total }),
    itemsPerPage: resources.length,
    ...(page.kind === "offset" && { startIndex: page.offset + 1 }),
    ...(found.next && { nextCursor: encodeCursor(found.next, query) }),
    Resources: resources as ListResponse["Resources"],
  };
}
