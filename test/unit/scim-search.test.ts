// src/scim/search-filter.ts and src/scim/list.ts on their own: a SCIM search (filter, sortBy, paging) in the
// directory's terms, and a page of users as a ListResponse, over a fake ContractDirectory.
import { describe, expect, it } from "vitest";
import type { ContractDirectory } from "../../src/directory/directory.ts";
import type { User, UserRef } from "../../src/directory/model.ts";
import type { SearchRequest } from "../../src/directory/search.ts";
import type { FoundUsers } from "../../src/directory/sql/search.ts";
import type { UserFilter } from "../../src/directory/user-filter.ts";
import { FilterError, parseFilter } from "../../src/scim/filter.ts";
import {
  DEFAULT_PAGE_SIZE,
  listUsers,
  MAX_PAGE_SIZE,
  queryOf,
  searchBodyOf,
  searchRequest,
  type ListQuery,
} from "../../src/scim/list.ts";
import { LIST_RESPONSE_SCHEMA, USER_SCHEMA } from "../../src/scim/schema.ts";
import { sortOrder, userFilter } from "../../src/scim/search-filter.ts";
import { ApiError } from "../../src/wire/api-error.ts";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
const CALLER: UserRef = { by: "id", value: "caller" };

const translated = (text: string): UserFilter => userFilter(parseFilter(text));
const compare = (field: string, op: string, value: unknown, caseExact: boolean) => ({
  kind: "compare",
  field,
  op,
  value,
  caseExact,
});
const isActive = compare("status", "eq", "active", true);

const refused = (text: string): FilterError => {
  try {
    translated(text);
  } catch (error) {
    if (error instanceof FilterError) return error;
    throw error;
  }
  throw new Error(`'${text}' was translated`);
};

describe("userFilter: attributes and the directory's fields", () => {
  it.each([
    ["userName", "username", false],
    ["externalId", "external_id", true],
    ["id", "id", true],
    ["name.givenName", "first_name", false],
    ["name.familyName", "last_name", false],
    ["name.formatted", "formatted_name", false],
    ["displayName", "display_name", false],
    ["locale", "locale", false],
    ["preferredLanguage", "language", false],
    ["timezone", "timezone", true],
  ])("%s is %s, caseExact %s (the schema's)", (attribute, field, caseExact) => {
    expect(translated(`${attribute} eq "X"`)).toEqual(compare(field, "eq", "X", caseExact));
  });

  it.each(["USERNAME", "Name.GivenName", `${USER_SCHEMA}:userName`, `${USER_SCHEMA.toUpperCase()}:userName`])(
    "names are case-insensitive and may carry the core schema's URN: %s",
    (attribute) => {
      expect(translated(`${attribute} sw "b"`)).toMatchObject({ kind: "compare", op: "sw", value: "b" });
    },
  );

  it.each(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"])("keeps the operator %s on strings", (op) => {
    expect(translated(`userName ${op} "b"`)).toEqual(compare("username", op, "b", false));
  });

  it("compares with null (unassigned)", () => {
    expect(translated("name.givenName eq null")).toEqual(compare("first_name", "eq", null, false));
  });

  it("pr is presence of the field", () => {
    expect(translated("name.familyName pr")).toEqual({ kind: "present", field: "last_name" });
    expect(translated("displayName pr")).toEqual({ kind: "present", field: "display_name" });
  });

  it("keeps and, or, not and their nesting", () => {
    expect(translated('not (userName eq "a" or timezone pr) and locale eq "fr"')).toEqual({
      kind: "and",
      left: {
        kind: "not",
        filter: {
          kind: "or",
          left: compare("username", "eq", "a", false),
          right: { kind: "present", field: "timezone" },
        },
      },
      right: compare("locale", "eq", "fr", false),
    });
  });
});

describe("userFilter: dates", () => {
  it.each([
    ["meta.created", "created_at"],
    ["meta.lastModified", "updated_at"],
    ["META.LASTMODIFIED", "updated_at"],
  ])("%s compares %s with a date", (attribute, field) => {
    expect(translated(`${attribute} gt "2026-01-01T00:00:00Z"`)).toEqual(
      compare(field, "gt", new Date("2026-01-01T00:00:00Z"), true),
    );
  });

  it("reads an offset", () => {
    expect(translated('meta.created le "2026-01-01T02:00:00+02:00"')).toEqual(
      compare("created_at", "le", new Date("2026-01-01T00:00:00Z"), true),
    );
  });

  it.each(["eq", "ne", "gt", "ge", "lt", "le"])("%s compares dates", (op) => {
    expect(translated(`meta.created ${op} "2026-01-01T00:00:00Z"`)).toMatchObject({ op });
  });

  it("pr and null", () => {
    expect(translated("meta.created pr")).toEqual({ kind: "present", field: "created_at" });
    expect(translated("meta.created eq null")).toEqual(compare("created_at", "eq", null, true));
  });

  it.each([
    ["a word", 'meta.created gt "yesterday"'],
    ["a number", "meta.created gt 20260101"],
    ["a boolean", "meta.lastModified gt true"],
    ["co", 'meta.created co "2026"'],
    ["sw", 'meta.created sw "2026"'],
    ["ew", 'meta.lastModified ew "Z"'],
  ])("refuses %s", (_what, text) => {
    expect(refused(text)).toBeInstanceOf(FilterError);
  });
});

describe("userFilter: active", () => {
  it.each<[string, UserFilter]>([
    ["active eq true", isActive as UserFilter],
    ["active ne false", isActive as UserFilter],
    ["active eq false", { kind: "not", filter: isActive } as UserFilter],
    ["active ne true", { kind: "not", filter: isActive } as UserFilter],
    ["active pr", { kind: "all" }],
    ["ACTIVE EQ TRUE", isActive as UserFilter],
  ])("%s", (text, filter) => {
    expect(translated(text)).toEqual(filter);
  });

  it.each(['active eq "true"', "active eq 1", "active eq null", "active gt false", "active co true"])(
    "refuses %s",
    (text) => {
      expect(refused(text)).toBeInstanceOf(FilterError);
    },
  );
});

describe("userFilter: emails", () => {
  const address = (filter: unknown) => ({ kind: "address", filter });

  it.each([
    ['emails eq "b@example.com"', address(compare("value", "eq", "b@example.com", false))],
    ['emails.value co "@example"', address(compare("value", "co", "@example", false))],
    ['emails.type eq "Work"', address(compare("type", "eq", "Work", false))],
    ["emails.primary eq true", address(compare("primary", "eq", true, false))],
    ["emails.primary ne false", address(compare("primary", "ne", false, false))],
    ["emails pr", address({ kind: "present", field: "value" })],
    ["emails.type pr", address({ kind: "present", field: "type" })],
    ['EMAILS.VALUE eq "x"', address(compare("value", "eq", "x", false))],
    [`${USER_SCHEMA}:emails.value eq "x"`, address(compare("value", "eq", "x", false))],
  ])("%s: some address", (text, filter) => {
    expect(translated(text)).toEqual(filter);
  });

  it("a value filter holds all its conditions on the same address", () => {
    expect(translated('emails[type eq "work" and not (primary eq false) or value pr]')).toEqual(
      address({
        kind: "or",
        left: {
          kind: "and",
          left: compare("type", "eq", "work", false),
          right: { kind: "not", filter: compare("primary", "eq", false, false) },
        },
        right: { kind: "present", field: "value" },
      }),
    );
  });

  it('Entra ID\'s emails[type eq "work"].value eq "x"', () => {
    expect(translated('emails[type eq "work"].value eq "x@example.com"')).toEqual(
      address({
        kind: "and",
        left: compare("type", "eq", "work", false),
        right: compare("value", "eq", "x@example.com", false),
      }),
    );
  });

  it("a value filter joins the user's other conditions", () => {
    expect(translated('userName sw "b" and emails[primary eq true]')).toEqual({
      kind: "and",
      left: compare("username", "sw", "b", false),
      right: address(compare("primary", "eq", true, false)),
    });
  });

  it.each([
    ["an unknown sub-attribute", 'emails.display eq "x"'],
    ["an unknown sub-attribute in brackets", 'emails[display eq "x"]'],
    ["a number", "emails.value eq 5"],
    ["a string for primary", 'emails.primary eq "true"'],
    ["an ordering of primary", "emails.primary gt false"],
    ["a value filter within one", 'emails[emails[type eq "work"]]'],
  ])("refuses %s", (_what, text) => {
    expect(refused(text)).toBeInstanceOf(FilterError);
  });
});

describe("userFilter: meta.resourceType", () => {
  it.each<[string, UserFilter["kind"]]>([
    ['meta.resourceType eq "User"', "all"],
    ['meta.resourceType eq "user"', "all"],
    ['meta.resourceType eq "Group"', "none"],
    ['meta.resourceType ne "User"', "none"],
    ['meta.resourceType ne "Group"', "all"],
    ["meta.resourceType pr", "all"],
  ])("%s selects %s", (text, kind) => {
    expect(translated(text)).toEqual({ kind });
  });
});

describe("userFilter: refusals", () => {
  it.each([
    ["password, never searched", 'password eq "secret"'],
    ["an attribute the User has not", 'nickName eq "Babs"'],
    ["a sub-attribute the User has not", 'name.middleName eq "J"'],
    ["another schema's attribute", `${ENTERPRISE}:employeeNumber eq "1"`],
    ["meta.version", 'meta.version eq "W/\\"1\\""'],
    ["meta.location", "meta.location pr"],
    ["groups", 'groups eq "x"'],
    ["a value filter on a single-valued attribute", 'name[givenName eq "Barbara"]'],
    ["a number for a string", "userName eq 5"],
    ["a boolean for a string", "userName eq true"],
  ])("%s", (_what, text) => {
    expect(refused(text)).toBeInstanceOf(FilterError);
  });

  it("names what it refuses", () => {
    expect(refused('nickName eq "Babs"').message).toContain("nickName");
  });
});

describe("sortOrder", () => {
  it.each([
    ["userName", undefined, { field: "username", descending: false, caseExact: false }],
    ["userName", "ascending", { field: "username", descending: false, caseExact: false }],
    ["userName", "descending", { field: "username", descending: true, caseExact: false }],
    ["userName", "DESCENDING", { field: "username", descending: true, caseExact: false }],
    ["externalId", undefined, { field: "external_id", descending: false, caseExact: true }],
    ["name.familyName", undefined, { field: "last_name", descending: false, caseExact: false }],
    [`${USER_SCHEMA}:name.familyName`, undefined, { field: "last_name", descending: false, caseExact: false }],
    ["meta.lastModified", "descending", { field: "updated_at", descending: true, caseExact: true }],
    ["meta.created", undefined, { field: "created_at", descending: false, caseExact: true }],
    ["emails", undefined, { field: "email", descending: false, caseExact: false }],
    ["emails.value", undefined, { field: "email", descending: false, caseExact: false }],
    ["active", undefined, { field: "status", descending: false, caseExact: true }],
    ["DisplayName", undefined, { field: "display_name", descending: false, caseExact: false }],
  ])("sortBy %s, sortOrder %s", (sortBy, order, expected) => {
    expect(sortOrder(sortBy, order)).toEqual(expected);
  });

  it("no sortBy: the directory's order", () => {
    expect(sortOrder(undefined, "descending")).toBeUndefined();
  });

  it.each(["password", "emails.type", "nickName", "user name", "", `${ENTERPRISE}:department`, "meta.version"])(
    "refuses sortBy '%s'",
    (sortBy) => {
      expect(() => sortOrder(sortBy, undefined)).toThrow(FilterError);
    },
  );
});

/** The ApiError a query is refused with. */
const refusal = (query: ListQuery): ApiError => {
  try {
    searchRequest(CALLER, query);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("the query was accepted");
};

describe("searchRequest: paging", () => {
  it("without parameters: every user, index pagination from the first, the default count, with a total", () => {
    expect(searchRequest(CALLER, {})).toEqual({
      caller: CALLER,
      filter: { kind: "all" },
      order: undefined,
      page: { kind: "offset", offset: 0, count: DEFAULT_PAGE_SIZE },
      total: true,
    });
  });

  it.each([
    [1, 0],
    [5, 4],
    [0, 0],
    [-3, 0],
    [2147483647, 2147483646],
  ])("startIndex %i skips %i", (startIndex, offset) => {
    expect(searchRequest(CALLER, { startIndex }).page).toEqual({ kind: "offset", offset, count: DEFAULT_PAGE_SIZE });
  });

  it.each([
    [10, 10],
    [0, 0],
    [-1, 0],
    [-2147483648, 0],
    [MAX_PAGE_SIZE, MAX_PAGE_SIZE],
  ])("count %i asks for %i", (count, expected) => {
    expect(searchRequest(CALLER, { count }).page).toMatchObject({ count: expected });
  });

  it.each([MAX_PAGE_SIZE + 1, 2147483647])("count %i is tooMany", (count) => {
    expect(refusal({ count })).toMatchObject({ kind: "invalid", status: 400, context: { problem: "tooMany" } });
  });

  it("an empty cursor starts cursor pagination, without a total", () => {
    expect(searchRequest(CALLER, { cursor: "", count: 2 })).toMatchObject({
      page: { kind: "after", after: undefined, count: 2 },
      total: false,
    });
  });

  it("a cursor with a startIndex is refused: two kinds of pagination", () => {
    const error = refusal({ cursor: "", startIndex: 1 });
    expect(error).toMatchObject({ kind: "invalid", status: 400 });
    expect(error.context.problem).toBeUndefined();
  });

  it.each([
    ["garbage", "abc"],
    ["not base64url JSON", Buffer.from("not json").toString("base64url")],
    ["JSON null", Buffer.from("null").toString("base64url")],
    ["JSON of another shape", Buffer.from("[1,2]").toString("base64url")],
    ["another query's", Buffer.from(JSON.stringify({ k: null, n: 1, q: "xxxxxxxxxxxx" })).toString("base64url")],
  ])("a cursor of %s is invalidCursor", (_what, cursor) => {
    expect(refusal({ cursor })).toMatchObject({ kind: "invalid", status: 400, context: { problem: "cursor" } });
  });
});

describe("searchRequest: filter and order", () => {
  it.each([undefined, "", "   "])("filter %j: every user", (filter) => {
    expect(searchRequest(CALLER, { filter }).filter).toEqual({ kind: "all" });
  });

  it("translates the filter and the order", () => {
    expect(
      searchRequest(CALLER, { filter: 'userName eq "b"', sortBy: "userName", sortOrder: "descending" }),
    ).toMatchObject({
      filter: compare("username", "eq", "b", false),
      order: { field: "username", descending: true, caseExact: false },
    });
  });

  it.each([
    ["an unreadable filter", { filter: "userName eq b" }],
    ["a filter on what cannot be searched", { filter: 'password eq "x"' }],
    ["a sortBy that cannot be sorted by", { sortBy: "password" }],
  ])("%s is invalidFilter", (_what, query) => {
    expect(refusal(query)).toMatchObject({ kind: "invalid", status: 400, context: { problem: "filter" } });
  });
});

describe("queryOf: GET's query string", () => {
  it("reads every parameter", () => {
    expect(
      queryOf({
        filter: 'userName eq "b"',
        startIndex: "3",
        count: "25",
        sortBy: "userName",
        sortOrder: "descending",
        attributes: "userName, Emails",
        excludedAttributes: `${USER_SCHEMA}:meta`,
      }),
    ).toEqual({
      filter: 'userName eq "b"',
      startIndex: 3,
      count: 25,
      cursor: undefined,
      sortBy: "userName",
      sortOrder: "descending",
      attributes: ["username", "emails"],
      excludedAttributes: ["meta"],
    });
  });

  it("reads numbers as integers, and the validator's numbers as they are", () => {
    expect(queryOf({ startIndex: 2, count: "7.9" })).toMatchObject({ startIndex: 2, count: 7 });
  });

  it("an empty cursor is a cursor; an absent one is none", () => {
    expect(queryOf({ cursor: "" }).cursor).toBe("");
    expect(queryOf({ cursor: "abc" }).cursor).toBe("abc");
    expect(queryOf({}).cursor).toBeUndefined();
  });

  it("a parameter given twice is not read as text", () => {
    expect(queryOf({ filter: ["a pr", "b pr"], sortBy: ["a", "b"] })).toMatchObject({
      filter: undefined,
      sortBy: undefined,
    });
  });

  it("an empty attribute list is none", () => {
    expect(queryOf({ attributes: " , ," }).attributes).toBeUndefined();
  });
});

describe("searchBodyOf: POST /.search's SearchRequest", () => {
  it("reads every member but schemas, attribute lists as names", () => {
    expect(
      searchBodyOf({
        schemas: [SEARCH_REQUEST],
        filter: "userName pr",
        startIndex: 2,
        count: 5,
        sortBy: "userName",
        sortOrder: "ascending",
        attributes: ["userName", 'emails[type eq "work"]'],
        excludedAttributes: ["META"],
      }),
    ).toEqual({
      filter: "userName pr",
      startIndex: 2,
      count: 5,
      sortBy: "userName",
      sortOrder: "ascending",
      attributes: ["username", "emails"],
      excludedAttributes: ["meta"],
    });
  });

  it("reads a cursor", () => {
    expect(searchBodyOf({ schemas: [SEARCH_REQUEST], cursor: "" })).toMatchObject({ cursor: "" });
  });
});

/** A user as the directory keeps it, with what a test sets. */
const user = (id: string, username: string, num: number): User => ({
  id,
  num,
  username,
  email: `${username}@example.com`,
  emails: null,
  display_name: null,
  formatted_name: null,
  first_name: null,
  last_name: null,
  timezone: null,
  language: null,
  locale: null,
  external_id: null,
  attributes: {},
  role: "client",
  status: "active",
  confirmed: true,
  provider: null,
  intro_reviewed: false,
  last_login: null,
  version: 1,
  created_at: new Date("2026-01-01T00:00:00Z"),
  updated_at: new Date("2026-01-01T00:00:00Z"),
  created_by: null,
  updated_by: null,
});

const USERS = [user("u1", "ann", 1), user("u2", "bob", 2), user("u3", "cid", 3)];

/** A directory that answers each search with `answer`, and keeps the requests it was asked. */
function fakeDirectory(answer: (request: SearchRequest) => FoundUsers) {
  const requests: SearchRequest[] = [];
  const unused = () => Promise.reject(new Error("not searched"));
  const directory: ContractDirectory = {
    read: unused,
    update: unused,
    create: unused,
    remove: unused,
    search: (request) => {
      requests.push(request);
      return Promise.resolve().then(() => answer(request));
    },
  };
  return { directory, requests };
}

const render = (found: User) => ({
  schemas: [USER_SCHEMA],
  id: found.id,
  userName: found.username,
  emails: [{ value: found.email, type: "work", primary: true }],
  meta: { resourceType: "User" },
});

describe("listUsers", () => {
  it("index pagination: totalResults, itemsPerPage, startIndex and the resources, as rendered", async () => {
    const { directory, requests } = fakeDirectory(() => ({ users: USERS.slice(1), total: 3 }));
    const list = await listUsers(directory, CALLER, { startIndex: 2, count: 2 }, render);
    expect(list).toEqual({
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: 3,
      itemsPerPage: 2,
      startIndex: 2,
      Resources: USERS.slice(1).map(render),
    });
    expect(requests).toEqual([
      {
        caller: CALLER,
        filter: { kind: "all" },
        order: undefined,
        page: { kind: "offset", offset: 1, count: 2 },
        total: true,
      },
    ]);
  });

  it("startIndex below 1 answers startIndex 1", async () => {
    const { directory } = fakeDirectory(() => ({ users: [], total: 0 }));
    expect(await listUsers(directory, CALLER, { startIndex: -5 }, render)).toMatchObject({
      startIndex: 1,
      itemsPerPage: 0,
      totalResults: 0,
    });
  });

  it("projects each resource by attributes and excludedAttributes (id and schemas always)", async () => {
    const { directory } = fakeDirectory(() => ({ users: USERS.slice(0, 1), total: 1 }));
    const list = await listUsers(directory, CALLER, { attributes: ["username"], excludedAttributes: ["id"] }, render);
    expect(list.Resources).toEqual([{ schemas: [USER_SCHEMA], id: "u1", userName: "ann" }]);
  });

  it("cursor pagination: no total or startIndex, and the next page's cursor, which reads back as its position", async () => {
    const { directory, requests } = fakeDirectory((request) =>
      request.page.kind === "after" && request.page.after === undefined
        ? { users: USERS.slice(0, 2), next: { key: "bob", num: 2 } }
        : { users: USERS.slice(2) },
    );
    const query: ListQuery = { filter: "userName pr", sortBy: "userName", cursor: "", count: 2 };
    const first = await listUsers(directory, CALLER, query, render);
    expect(first).toMatchObject({ itemsPerPage: 2, nextCursor: expect.stringMatching(/^[A-Za-z0-9_-]+$/) });
    expect(first).not.toHaveProperty("totalResults");
    expect(first).not.toHaveProperty("startIndex");
    expect(first.nextCursor!.length).toBeLessThanOrEqual(512);

    const second = await listUsers(directory, CALLER, { ...query, cursor: first.nextCursor }, render);
    expect(second).toEqual({ schemas: [LIST_RESPONSE_SCHEMA], itemsPerPage: 1, Resources: [render(USERS[2])] });
    expect(requests[1].page).toEqual({ kind: "after", after: { key: "bob", num: 2 }, count: 2 });
    expect(requests.map((r) => r.total)).toEqual([false, false]);
  });

  it.each<[string, ListQuery, string | null]>([
    ["no order: no key", {}, null],
    ["an order by text: the text", { sortBy: "userName" }, "bob"],
    ["an order by text: an empty key", { sortBy: "name.familyName" }, ""],
    ["an order by a time: its text", { sortBy: "meta.lastModified" }, "2026-01-01 00:00:00.000001+00"],
  ])("the sort key travels in the cursor (%s)", async (_what, order, key) => {
    const { directory, requests } = fakeDirectory(() => ({ users: USERS, next: { key, num: 3 } }));
    const { nextCursor } = await listUsers(directory, CALLER, { ...order, cursor: "" }, render);
    await listUsers(directory, CALLER, { ...order, cursor: nextCursor }, render);
    expect(requests[1].page).toMatchObject({ after: { key, num: 3 } });
  });

  it.each<[string, ListQuery, unknown]>([
    ["a key without an order", {}, "bob"],
    ["no key with an order by a time", { sortBy: "meta.created" }, null],
    ["a key that is no time, with an order by a time", { sortBy: "meta.created" }, "bob"],
    ["a number for a key", { sortBy: "userName" }, 17],
  ])("a forged cursor with %s is invalidCursor", async (_what, order, key) => {
    const { directory } = fakeDirectory(() => ({ users: USERS, next: { key: null, num: 3 } }));
    // A cursor of the server's own for the query, its key replaced.
    const { nextCursor } = await listUsers(directory, CALLER, { ...order, cursor: "" }, render);
    const members = JSON.parse(Buffer.from(nextCursor!, "base64url").toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...members, k: key })).toString("base64url");
    await expect(listUsers(directory, CALLER, { ...order, cursor: forged }, render)).rejects.toMatchObject({
      context: { problem: "cursor" },
    });
  });

  it.each([
    ["another filter", { filter: 'userName eq "x"' }],
    ["another sortBy", { sortBy: "name.familyName" }],
    ["another sortOrder", { sortOrder: "descending" }],
  ])("a cursor is refused with %s (invalidCursor)", async (_what, change) => {
    const { directory } = fakeDirectory(() => ({ users: USERS, next: { key: "cid", num: 3 } }));
    const query: ListQuery = { filter: "userName pr", sortBy: "userName", cursor: "" };
    const { nextCursor } = await listUsers(directory, CALLER, query, render);
    await expect(
      listUsers(directory, CALLER, { ...query, ...change, cursor: nextCursor }, render),
    ).rejects.toMatchObject({
      context: { problem: "cursor" },
    });
  });

  it("a cursor survives another count and other attributes", async () => {
    const { directory } = fakeDirectory(() => ({ users: USERS, next: { key: "cid", num: 3 } }));
    const query: ListQuery = { filter: "userName pr", sortBy: "userName", cursor: "" };
    const { nextCursor } = await listUsers(directory, CALLER, query, render);
    await expect(
      listUsers(directory, CALLER, { ...query, count: 1, attributes: ["username"], cursor: nextCursor }, render),
    ).resolves.toMatchObject({ itemsPerPage: 3 });
  });

  it("a refused query never reaches the directory", async () => {
    const { directory, requests } = fakeDirectory(() => ({ users: [] }));
    await expect(listUsers(directory, CALLER, { filter: "(" }, render)).rejects.toBeInstanceOf(ApiError);
    await expect(listUsers(directory, CALLER, { count: MAX_PAGE_SIZE + 1 }, render)).rejects.toBeInstanceOf(ApiError);
    expect(requests).toEqual([]);
  });

  it("the directory's own failure passes through", async () => {
    const failure = new Error("the directory is down");
    const { directory } = fakeDirectory(() => {
      throw failure;
    });
    await expect(listUsers(directory, CALLER, {}, render)).rejects.toBe(failure);
  });
});
