// SCIM (contract E): the pages of a search. Index pagination (startIndex, count, totalResults; the default and
// largest page, tooMany), cursor pagination (RFC 9865: walks that see every user once, the cursors refused), and
// sorting (sortBy, sortOrder, the attributes' case rules). The directory is search.test.ts's (support.ts).
import { describe, expect, it } from "vitest";
import {
  ALL,
  BOB,
  USER_URN,
  create,
  remove,
  list,
  search,
  newUser,
  created,
  listed,
  userNames,
  scimError,
  useScimServer,
  useSearchDirectory,
} from "./support.ts";

useScimServer();
const ids = useSearchDirectory();

describe("index pagination", () => {
  it("startIndex and count page through the users in creation order, with totalResults, itemsPerPage, startIndex", async () => {
    const seen: string[] = [];
    for (const startIndex of [1, 4, 7]) {
      const page = listed(await list({ startIndex, count: 3, attributes: "userName" }));
      expect(page).toMatchObject({ totalResults: 7, startIndex, itemsPerPage: Math.min(3, 8 - startIndex) });
      expect(page).not.toHaveProperty("nextCursor");
      seen.push(...userNames(page));
    }
    expect(seen).toEqual(ALL);
    expect(listed(await list({ startIndex: 8 }))).toMatchObject({ totalResults: 7, startIndex: 8, Resources: [] });
  });

  it("totalResults counts what the filter selects, not the page", async () => {
    const page = listed(await list({ filter: "emails pr", count: 2, startIndex: 3 }));
    expect(page).toMatchObject({ totalResults: 6, itemsPerPage: 2, startIndex: 3 });
    expect(userNames(page)).toEqual([BOB, "erin_50%"]);
  });

  it.each([
    [{ count: 0 }, 1],
    [{ count: -5 }, 1],
    [{ count: 0, startIndex: 0 }, 1],
    [{ count: 0, startIndex: -3 }, 1],
  ])("%o answers only totalResults (a negative count is 0; startIndex below 1 is 1)", async (query, startIndex) => {
    expect(listed(await list(query))).toEqual({
      schemas: expect.any(Array),
      totalResults: 7,
      itemsPerPage: 0,
      startIndex,
      Resources: [],
    });
  });

  it("count defaults to 100 and may be up to 1,000; above, 400 tooMany through GET and .search", async () => {
    for (let batch = 0; batch < 10; batch++)
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => create(newUser(`bulk${batch * 10 + i}`)).then((a) => created(a))),
      );
    expect(listed(await list({ attributes: "id" }))).toMatchObject({ totalResults: 107, itemsPerPage: 100 });
    expect(listed(await list({ count: 1000, attributes: "id" }))).toMatchObject({ itemsPerPage: 107 });
    scimError(await list({ count: 1001 }), 400, "tooMany");
    scimError(await search({ count: 1001 }), 400, "tooMany");
  });
});

describe("cursor pagination", () => {
  type Search = (query: Record<string, string | number>, as: string) => ReturnType<typeof list>;

  /** Every page from `cursor=` on, until one has no nextCursor: the userNames seen, and the pages. */
  async function walk(query: Record<string, string | number>, through: Search = list, as = "admin") {
    const names: string[] = [];
    let cursor = "";
    for (let pages = 1; pages <= 50; pages++) {
      const page = listed(await through({ ...query, cursor }, as));
      expect(page).not.toHaveProperty("totalResults");
      expect(page).not.toHaveProperty("startIndex");
      names.push(...userNames(page));
      if (!page.nextCursor) return { names, pages };
      cursor = page.nextCursor as string;
    }
    throw new Error("the walk does not end");
  }

  it.each([
    [1, 7],
    [3, 3],
    [7, 1],
    [100, 1],
  ])("pages of %i walk every user once, in creation order (%i pages)", async (count, pages) => {
    expect(await walk({ count, attributes: "userName" })).toEqual({ names: ALL, pages });
  });

  it.each([
    [{ sortBy: "userName", sortOrder: "descending" }],
    [{ sortBy: "name.familyName" }],
    [{ sortBy: "meta.lastModified", sortOrder: "descending" }],
    [{ sortBy: "externalId", filter: "emails pr" }],
  ])("walking %o gives what one page of the same search gives", async (query) => {
    const whole = userNames(listed(await list({ ...query, count: 1000 })));
    expect(whole).toHaveLength("filter" in query ? 6 : 7);
    expect((await walk({ ...query, count: 2 })).names).toEqual(whole);
  });

  it("POST .search walks the same way", async () => {
    expect((await walk({ count: 2 }, search)).names).toEqual(ALL);
  });

  it("a walk sees each user once while users are deleted behind it and created ahead of it", async () => {
    const first = listed(await list({ count: 3, cursor: "" }));
    expect(userNames(first)).toEqual(ALL.slice(0, 3));
    expect((await remove({ id: ids.carol })).status).toBe(204);
    created(await create(newUser("zed")));
    const rest: string[] = [];
    for (let cursor = first.nextCursor as string | undefined; cursor;) {
      const page = listed(await list({ count: 3, cursor }));
      rest.push(...userNames(page));
      cursor = page.nextCursor;
    }
    expect(rest).toEqual([...ALL.slice(3), "zed"]);
  });

  it("a cursor this server did not give for this query is 400 invalidCursor", async () => {
    const { nextCursor } = listed(await list({ count: 2, cursor: "", sortBy: "userName" }));
    const sorted = { count: 2, sortBy: "userName" };
    scimError(await list({ count: 2, cursor: "abc" }), 400, "invalidCursor");
    scimError(await list({ count: 2, cursor: nextCursor }), 400, "invalidCursor");
    scimError(await list({ ...sorted, sortOrder: "descending", cursor: nextCursor }), 400, "invalidCursor");
    scimError(await list({ ...sorted, filter: "emails pr", cursor: nextCursor }), 400, "invalidCursor");
    const decoded = JSON.parse(Buffer.from(nextCursor as string, "base64url").toString()) as { q: string };
    const otherQuery = Buffer.from(JSON.stringify({ ...decoded, q: `${decoded.q.slice(1)}A` })).toString("base64url");
    scimError(await list({ ...sorted, cursor: otherQuery }), 400, "invalidCursor");
    scimError(await list({ ...sorted, cursor: nextCursor.slice(0, -3) }), 400, "invalidCursor");
    scimError(await search({ count: 2, cursor: "abc" }), 400, "invalidCursor");
    expect(userNames(listed(await list({ ...sorted, cursor: nextCursor })))).toEqual([BOB, "carol"]);
  });

  it("cursor and startIndex together are 400", async () => {
    scimError(await list({ cursor: "", startIndex: 1 }), 400);
    scimError(await search({ cursor: "", startIndex: 2 }), 400);
  });

  // A cursor is not signed (docs/decisions.md): an edited position is only another position, of the same query, and
  // the caller still sees only what it may.
  it("a cursor whose position was edited is another position of the same query: 200", async () => {
    const { nextCursor } = listed(await list({ count: 2, cursor: "" }));
    const position = JSON.parse(Buffer.from(nextCursor as string, "base64url").toString()) as { n: number };
    const moved = Buffer.from(JSON.stringify({ ...position, n: position.n + 2 })).toString("base64url");
    expect(listed(await list({ count: 2, cursor: moved })).Resources).toHaveLength(2);
  });

  // A cursor edited to hold a sort key that is no time (with sortBy=meta.created) is refused before PostgreSQL sees it.
  it("a cursor whose time key was edited is 400 invalidCursor", async () => {
    const { nextCursor } = listed(await list({ count: 2, cursor: "", sortBy: "meta.created" }));
    const position = JSON.parse(Buffer.from(nextCursor as string, "base64url").toString()) as object;
    const forged = Buffer.from(JSON.stringify({ ...position, k: "not a date" })).toString("base64url");
    scimError(await list({ count: 2, cursor: forged, sortBy: "meta.created" }), 400, "invalidCursor");
  });
});

describe("sorting", () => {
  const BY_USERNAME = ["admin", "alice", BOB, "carol", "dave", "erin_50%", "frank"];

  it.each([
    [{ sortBy: "userName" }, BY_USERNAME],
    [{ sortBy: "USERNAME", sortOrder: "ascending" }, BY_USERNAME],
    [{ sortBy: `${USER_URN}:userName`, sortOrder: "descending" }, [...BY_USERNAME].reverse()],
    [{ sortBy: "externalId", filter: "externalId pr" }, ["carol", "alice", BOB]],
    [
      { sortBy: "name.familyName", filter: "name.familyName pr" },
      ["admin", "alice", BOB, "carol", "frank", "erin_50%"],
    ],
    [{ sortBy: "emails", filter: "emails pr" }, ["admin", "alice", BOB, "carol", "erin_50%", "frank"]],
    [
      { sortBy: "emails.value", sortOrder: "descending", filter: "emails pr" },
      ["frank", "erin_50%", "carol", BOB, "alice", "admin"],
    ],
    [{ sortBy: "meta.created", sortOrder: "descending" }, [...ALL].reverse()],
    [{ sortBy: "displayName" }, ["admin", "alice", BOB, "carol", "dave", "erin_50%", "frank"]],
    [{ sortOrder: "descending" }, ALL],
  ])(
    "%o (case-insensitive unless caseExact; a multi-valued attribute by its primary value)",
    async (query, expected) => {
      expect(userNames(listed(await list(query)))).toEqual(expected);
    },
  );

  it("a page of a sorted search is that part of the whole order", async () => {
    const page = listed(await list({ sortBy: "userName", sortOrder: "descending", startIndex: 3, count: 3 }));
    expect(userNames(page)).toEqual([...BY_USERNAME].reverse().slice(2, 5));
  });

  it.each(["password", "title", "emails.type", "name"])("sortBy=%s is 400", async (sortBy) => {
    scimError(await list({ sortBy }), 400);
  });

  // RFC 7644 §3.4.2.3: users without a value "are ordered last if ascending and first if descending".
  it("users without a value sort last ascending and first descending (RFC 7644 §3.4.2.3)", async () => {
    expect(userNames(listed(await list({ sortBy: "name.familyName" }))).at(-1)).toBe("dave");
    const descending = userNames(listed(await list({ sortBy: "externalId", sortOrder: "descending" })));
    // The users without an externalId, first (among themselves, in reverse creation order: every key descends).
    expect(descending.slice(0, 4)).toEqual(["dave", "frank", "erin_50%", "admin"]);
  });
});
