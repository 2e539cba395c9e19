// SCIM (contract E): GET /scim/v2/Users and POST /scim/v2/Users/.search. Filters (every operator, the attributes'
// case rules, and/or/not and grouping, value paths, meta dates; invalidFilter), the attributes each resource holds,
// the SearchRequest, and what a non-administrator sees. Each test's directory is its own: the demo's administrator
// and six users created through POST (support.ts's useSearchDirectory). Pages and sorting: search-pages.test.ts.
import { describe, expect, it } from "vitest";
import { send } from "../support/harness.ts";
import {
  server,
  ADMIN,
  ALL,
  BOB,
  USER_URN,
  SCIM_JSON,
  SEARCH_REQUEST_URN,
  get,
  patch,
  create,
  list,
  search,
  newUser,
  resource,
  created,
  listed,
  userNames,
  scimError,
  userUri,
  useScimServer,
  useSearchDirectory,
} from "./support.ts";

useScimServer();

const ids = useSearchDirectory();
const except = (...names: string[]) => ALL.filter((name) => !names.includes(name));

/** The userNames a filter selects, in the default order. */
const found = async (filter: string, as = "admin") => userNames(listed(await list({ filter }, as)));

describe("filters", () => {
  it.each([
    ['userName eq "ALICE"', ["alice"]],
    ['userName eq "bob.builder@example.com"', [BOB]],
    ['externalId eq "okta-alice"', []],
    ['externalId eq "Okta-ALICE"', ["alice"]],
    ['externalId ne "okta-bob"', except(BOB)],
    ['userName ne "DAVE"', except("dave")],
    ['userName co "LIC"', ["alice"]],
    ['name.givenName co "A"', ["admin", "carol", "alice", "frank"]],
    ['externalId co "okta"', [BOB]],
    ['userName co "_50%"', ["erin_50%"]],
    ['userName co "%"', ["erin_50%"]],
    ['userName sw "A"', ["admin", "alice"]],
    ['emails sw "ALICE@"', ["alice"]],
    ['emails.value ew "@CORP.example.com"', [BOB, "erin_50%", "alice"]],
    ['timezone ew "york"', []],
    ['timezone ew "York"', [BOB]],
    ['timezone sw "America/"', [BOB, "frank"]],
    ['name.familyName gt "Chen"', ["erin_50%", "frank"]],
    ['name.familyName ge "chen"', ["carol", "erin_50%", "frank"]],
    ['name.familyName lt "B"', ["admin", "alice"]],
    ['name.familyName le "builder"', ["admin", BOB, "alice"]],
    ["externalId pr", ["carol", BOB, "alice"]],
    ["emails pr", except("dave")],
    ["name.familyName pr", except("dave")],
    ['displayName eq "BOBBY"', [BOB]],
    ['displayName eq "alice archer"', ["alice"]],
    ['displayName eq "dave"', ["dave"]],
    ['name.formatted eq "Carol Chen"', ["carol"]],
    ["active eq false", ["carol"]],
    ["active ne false", except("carol")],
    ['locale eq "FR-fr"', ["alice"]],
    ['preferredLanguage eq "en-us"', ["frank"]],
    [`id eq "${ADMIN}"`, ["admin"]],
    [`${USER_URN}:userName eq "dave"`, ["dave"]],
    ['meta.resourceType eq "User"', ALL],
    ['meta.resourceType eq "Group"', []],
  ])("%s", async (filter, expected) => {
    expect(await found(filter)).toEqual(expected);
  });

  it.each([
    ['name.familyName sw "a" and externalId pr', ["alice"]],
    ['userName eq "alice" or userName eq "carol"', ["carol", "alice"]],
    ['userName eq "dave" or userName eq "alice" and active eq false', ["dave"]],
    ['(userName eq "dave" or userName eq "alice") and active eq true', ["alice", "dave"]],
    ["not (emails pr)", ["dave"]],
    ["not (externalId pr) and name.givenName pr", ["admin", "erin_50%", "frank"]],
    ['userName EQ "alice" Or NOT(active eq TRUE)', ["carol", "alice"]],
    ['((userName eq "alice") or (name.givenName eq "carol" and not (active pr)))', ["alice"]],
    ['not (not (userName eq "dave"))', ["dave"]],
  ])("and, or, not, grouping: %s", async (filter, expected) => {
    expect(await found(filter)).toEqual(expected);
  });

  it.each([
    ['emails[type eq "work"].value eq "BOB@corp.example.com"', [BOB]],
    ['emails[type eq "home" and value ew ".org"]', ["alice"]],
    ['emails[type eq "home" and value sw "alice@corp"]', []],
    ['emails[type eq "work" and primary eq true]', ["admin", "erin_50%", "alice", "frank"]],
    ['emails[not (type eq "work")]', ["carol", "alice"]],
    ['emails.type eq "OTHER"', ["carol"]],
    ['emails[type eq "work"] and name.familyName sw "a"', ["admin", "alice"]],
    ['emails[value co "example.org"] or emails[type eq "other"]', ["carol", "alice"]],
  ])("value paths (one address meets the whole condition): %s", async (filter, expected) => {
    expect(await found(filter)).toEqual(expected);
  });

  it("meta.lastModified and meta.created find what changed, or was created, since", async () => {
    const before = listed(await list({ attributes: "meta" })).Resources as { meta: { lastModified: string } }[];
    const since = new Date(Math.max(...before.map((user) => Date.parse(user.meta.lastModified))) + 1).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    resource(await patch([{ op: "replace", path: "timezone", value: "UTC" }], { id: ids.carol }));
    resource(await patch([{ op: "replace", path: "timezone", value: "UTC" }], { id: ids.alice }));
    created(await create(newUser("newcomer")));
    expect(await found(`meta.lastModified gt "${since}"`)).toEqual(["carol", "alice", "newcomer"]);
    expect(await found(`meta.lastModified ge "${since}" and userName sw "C"`)).toEqual(["carol"]);
    expect(await found(`meta.lastModified lt "${since}"`)).toEqual(except("alice", "carol"));
    expect(await found(`meta.created gt "${since}"`)).toEqual(["newcomer"]);
    expect(await found(`meta.created le "${since}"`)).toEqual(ALL);
  });

  // Times are kept to the millisecond, as they are shown, so a filter on the time a client was shown finds it
  // (an incremental sync does not re-read the last user it saw). PGlite's clock has no microseconds: the test sets them.
  it("meta.lastModified compares as shown: eq the time shown finds the user, gt it does not", async () => {
    await server.db("users").where({ id: ids.alice }).update({ updated_at: "2026-03-01T12:00:00.123456Z" });
    const shown = resource(await get({ id: ids.alice })).meta.lastModified as string;
    expect(shown).toBe("2026-03-01T12:00:00.123Z");
    expect(await found(`meta.lastModified eq "${shown}"`)).toEqual(["alice"]);
    expect(await found(`meta.lastModified gt "${shown}"`)).not.toContain("alice");
  });

  it.each([
    'password eq "secret"',
    'title eq "Tour Guide"',
    "userName eq alice",
    'userName zz "alice"',
    "userName eq",
    '(userName eq "alice"',
    'userName eq "alice" and',
    'name[givenName eq "Alice"]',
    'emails[type eq "work"',
    'emails[display eq "x"]',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "Tours"',
    'meta.lastModified gt "yesterday"',
    'meta.created co "2026"',
    'active eq "yes"',
    "active gt true",
    "userName eq 5",
    'emails.primary eq "true"',
  ])("%s is 400 invalidFilter, through GET and .search", async (filter) => {
    scimError(await list({ filter }), 400, "invalidFilter");
    scimError(await search({ filter }), 400, "invalidFilter");
  });
});

describe("attributes and excludedAttributes", () => {
  const resources = async (query: Record<string, string>) =>
    listed(await list({ filter: 'userName eq "alice" or userName eq "dave"', ...query })).Resources;

  it("attributes: those (sub-attributes too, any case, URN-qualified), and always id and schemas", async () => {
    expect(await resources({ attributes: `EMAILS.value,name.givenName,${USER_URN}:userName` })).toEqual([
      {
        schemas: [USER_URN],
        id: ids.alice,
        emails: [{ value: "zz.alice@home.example.org" }, { value: "alice@corp.example.com" }],
        name: { givenName: "Alice" },
        userName: "alice",
      },
      { schemas: [USER_URN], id: ids.dave, userName: "dave" },
    ]);
    expect(await resources({ attributes: "nickName" })).toEqual([
      { schemas: [USER_URN], id: ids.alice },
      { schemas: [USER_URN], id: ids.dave },
    ]);
  });

  it("excludedAttributes: all but those (never id or schemas)", async () => {
    const [alice] = await resources({ excludedAttributes: "id,schemas,meta,emails,name.givenName,locale,timezone" });
    expect(alice).toEqual({
      schemas: [USER_URN],
      id: ids.alice,
      externalId: "Okta-ALICE",
      userName: "alice",
      name: { formatted: "Alice Archer", familyName: "Archer" },
      displayName: "Alice Archer",
      active: true,
      preferredLanguage: "fr",
    });
  });

  it("the whole resources by default, each as GET shows it, with its meta.location", async () => {
    const [alice, dave] = await resources({});
    expect(alice).toEqual(resource(await get({ id: ids.alice })));
    expect(dave).toEqual(resource(await get({ id: ids.dave })));
    expect(alice.meta.location).toBe(userUri(ids.alice));
  });

  it(".search takes them as lists", async () => {
    const query = {
      filter: 'userName eq "dave"',
      attributes: ["userName", "meta.created"],
      excludedAttributes: ["meta"],
    };
    expect(listed(await search(query)).Resources).toEqual([{ schemas: [USER_URN], id: ids.dave, userName: "dave" }]);
  });
});

describe("POST /scim/v2/Users/.search", () => {
  it("answers as GET does for the same parameters", async () => {
    const query = { filter: "emails pr", sortBy: "userName", sortOrder: "descending", startIndex: 2, count: 3 };
    const byGet = listed(await list({ ...query, attributes: "userName,emails" }));
    const byPost = listed(await search({ ...query, attributes: ["userName", "emails"] }));
    expect(byPost).toEqual(byGet);
    expect(userNames(byPost)).toEqual(["erin_50%", "carol", BOB]);
  });

  it("reads the SearchRequest's names in any case, in application/json too", async () => {
    const body = { schemas: [SEARCH_REQUEST_URN], Filter: 'UserName sw "c"', SortBy: "userName", COUNT: 5 };
    const answer = await send(server, "POST", "/scim/v2/Users/.search", {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, Attributes: ["userName"] }),
    });
    expect(listed(answer).Resources).toEqual([{ schemas: [USER_URN], id: ids.carol, userName: "carol" }]);
  });

  it.each([
    ["no schemas", { filter: 'userName eq "dave"' }],
    ["another schema", { schemas: [USER_URN] }],
    ["an unknown member", { schemas: [SEARCH_REQUEST_URN], query: "dave" }],
    ["a sortOrder that is neither", { schemas: [SEARCH_REQUEST_URN], sortOrder: "up" }],
  ])("with %s is 400", async (_why, body) => {
    const answer = await send(server, "POST", "/scim/v2/Users/.search", {
      as: "admin",
      headers: { "content-type": SCIM_JSON },
      body: JSON.stringify(body),
    });
    scimError(answer, 400);
  });
});

describe("what a non-administrator sees", () => {
  it("itself only, whatever the filter, page or cursor", async () => {
    const alice = ids.alice;
    expect(listed(await list({}, alice))).toMatchObject({ totalResults: 1, Resources: [{ id: alice }] });
    expect(await found('userName eq "frank"', alice)).toEqual([]);
    expect(await found('not (userName eq "alice")', alice)).toEqual([]);
    expect(await found("emails pr", ids.frank)).toEqual(["frank"]);
    expect(userNames(listed(await search({}, alice)))).toEqual(["alice"]);
    const page = listed(await list({ cursor: "", count: 1 }, alice));
    expect(userNames(page)).toEqual(["alice"]);
    expect(page).not.toHaveProperty("nextCursor");
  });

  it("a disabled user's token, or none, is 401", async () => {
    scimError(await list({}, ids.carol), 401);
    scimError(await send(server, "GET", "/scim/v2/Users"), 401);
    const anonymous = await send(server, "POST", "/scim/v2/Users/.search", {
      headers: { "content-type": SCIM_JSON },
      body: JSON.stringify({ schemas: [SEARCH_REQUEST_URN] }),
    });
    scimError(anonymous, 401);
  });
});
