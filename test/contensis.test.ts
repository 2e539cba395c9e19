// Contract A (seed 000) and the shared update pipeline it stands on.
import { request } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { components } from "../generated/api.ts";
import { contensisSeedBody } from "./support/seeds.ts";
import { answer, demoId, jsonBody, send, startServer, type TestServer } from "./support/harness.ts";

const TDURDEN = demoId("tdurden");
const PATH = "/api/management/security/users/{userIdentifier}" as const;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const row = (id = TDURDEN) => server.db("users").where({ id }).first();
// Bodies that break the contract on purpose are cast: the typed client sends them as they are.
const put = (identifier: string, body: unknown, as = "admin", headers: Record<string, string> = {}) =>
  answer(
    server.as(as).PUT(PATH, {
      params: { path: { userIdentifier: identifier } },
      body: body as components["schemas"]["ContensisUserUpdate"],
      headers,
    }),
  );
const get = (identifier: string, as: string) =>
  answer(server.as(as).GET(PATH, { params: { path: { userIdentifier: identifier } } }));

describe("seed 000 examples", () => {
  it.each([TDURDEN, "tdurden", "t.durden@fightclub.com"])(
    "PUT by %s answers 200 with the updated user",
    async (identifier) => {
      const { data, response } = await server.api.PUT(PATH, {
        params: { path: { userIdentifier: identifier } },
        body: contensisSeedBody,
        headers: server.auth("admin"),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("etag")).toBe('"2"');
      expect(data).toMatchObject({ ...contensisSeedBody, id: TDURDEN, sys: { id: TDURDEN, status: "active" } });
    },
  );
});

describe("full replacement", () => {
  it("clears optional fields that are omitted", async () => {
    const { status, json } = await put("tdurden", { username: "tdurden", email: "t.durden@fightclub.com" });
    expect(status).toBe(200);
    expect(json).toMatchObject({ firstname: null, lastname: null, timezone: null, language: null, custom: {} });
  });

  it("accepts a representation obtained by GET, edited and sent back", async () => {
    const got = await get(TDURDEN, "tdurden");
    const edited = { ...got.json, firstname: "Tyler J." };
    const { status, json } = await put(TDURDEN, edited, "tdurden", { "if-match": got.headers.get("etag")! });
    expect(status).toBe(200);
    expect(json.firstname).toBe("Tyler J.");
  });

  it.each([
    ["id", (u: any) => ({ ...u, id: "6f1d2c3b-0000-4000-8000-000000000000" })],
    ["sys.id", (u: any) => ({ ...u, sys: { ...u.sys, id: "other" } })],
    ["sys.status", (u: any) => ({ ...u, sys: { ...u.sys, status: "disabled" } })],
    ["sys.created", (u: any) => ({ ...u, sys: { ...u.sys, created: "2001-01-01T00:00:00.000Z" } })],
  ])("refuses a changed read-only %s with 422 and changes nothing", async (field, edit) => {
    const got = await get(TDURDEN, "admin");
    const before = await row();
    const { status, json } = await put(TDURDEN, edit({ ...got.json, firstname: "Changed" }));
    expect(status).toBe(422);
    expect(json.data).toEqual([{ field, message: "is read-only and differs from the stored value" }]);
    expect(await row()).toEqual(before);
  });
});

describe("identifiers", () => {
  it("@current addresses the caller", async () => {
    const { status, json } = await put("@current", { ...contensisSeedBody, firstname: "Me" }, "tdurden");
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: TDURDEN, firstname: "Me" });
  });

  it("usernames and emails are case-insensitive", async () => {
    expect((await put("TDurden", contensisSeedBody)).status).toBe(200);
    expect((await put("T.TURDEN@FightClub.com", contensisSeedBody)).status).toBe(200);
  });

  it.each(["nobody", "nobody@example.com", "00000000-0000-4000-8000-000000000000"])(
    "an unknown %s is 404",
    async (identifier) => {
      const { status, json } = await put(identifier, contensisSeedBody);
      expect(status).toBe(404);
      expect(json).toMatchObject({ message: `User '${identifier}' was not found.`, type: "error", data: [] });
    },
  );
});

describe("who may update", () => {
  it.each([
    ["the user itself", "tdurden", 200],
    ["an administrator", "admin", 200],
    ["another user", "jonny1", 403],
  ])("%s: %i", async (_who, as, expected) => {
    const before = await row();
    const { status, json } = await put("tdurden", { ...contensisSeedBody, firstname: "X" }, as);
    expect(status).toBe(expected);
    if (expected === 403) {
      expect(json.message).toBe("Only the user itself or a member of the System Administrators group can do this.");
      expect(await row()).toEqual(before);
    }
  });

  it.each(["locked", "disabled"])("a %s caller's token stops working at once (401)", async (status) => {
    await server.db("users").where({ id: TDURDEN }).update({ status });
    const response = await put("tdurden", contensisSeedBody, "tdurden");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("without a token: 401 with WWW-Authenticate, in the contract's body", async () => {
    const response = await send(server, "PUT", "/api/management/security/users/tdurden", jsonBody(contensisSeedBody));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="users-api"');
    expect(response.json).toMatchObject({ type: "error", message: "A bearer token is required." });
  });
});

describe("validation (422, nothing changed)", () => {
  it.each([
    ["email", { ...contensisSeedBody, email: "not-an-email" }],
    ["timezone", { ...contensisSeedBody, timezone: "Mars/Olympus_Mons" }],
    ["language", { ...contensisSeedBody, language: "not a tag" }],
    ["custom", { ...contensisSeedBody, custom: { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } } }],
    ["username", { ...contensisSeedBody, username: "has sign" }],
    ["username", { email: "t@example.com" }],
    ["extra", { ...contensisSeedBody, extra: true }],
  ])("%s at fault", async (field, body) => {
    const before = await row();
    const { status, json } = await put("tdurden", body);
    expect(status).toBe(422);
    expect(json.type).toBe("error");
    expect(json.data.map((d: { field: string }) => d.field).join(" ")).toContain(field);
    expect(await row()).toEqual(before);
  });

  it("a body that is not JSON is 422 in the contract's body", async () => {
    const response = await send(server, "PUT", "/api/management/security/users/tdurden", {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(422);
    expect(response.json.type).toBe("error");
  });
});

describe("custom keeps its members in the order they were sent", () => {
  it("as contract A and contract C read it back, and a reordering alone is a change", async () => {
    const custom = { zeta: 1, alpha: { y: 2, b: 3 }, mid: [1, 2] };
    const written = await put("tdurden", { ...contensisSeedBody, custom });
    expect(JSON.stringify(written.json.custom)).toBe(JSON.stringify(custom));
    const number = (await row()).num;
    const viaC = await send(server, "GET", `/user/${number}`, { as: "admin" });
    expect(viaC.text).toContain(JSON.stringify(custom));

    const reordered = { mid: [1, 2], zeta: 1, alpha: { b: 3, y: 2 } };
    const again = await put("tdurden", { ...contensisSeedBody, custom: reordered });
    expect(JSON.stringify(again.json.custom)).toBe(JSON.stringify(reordered));
    expect(Number(JSON.parse(again.headers.get("etag")!))).toBe(Number(JSON.parse(written.headers.get("etag")!)) + 1);
  });
});

describe("text PostgreSQL cannot store (422 naming the field, nothing changed)", () => {
  it.each([
    ["custom.a\\u0000b", { ...contensisSeedBody, custom: { "a\u0000b": 1 } }],
    ["custom.x.a\\ud800b", { ...contensisSeedBody, custom: { x: { "a\ud800b": 1 } } }],
    ["custom.department", { ...contensisSeedBody, custom: { department: "a\udc00" } }],
  ])("%s", async (field, body) => {
    const before = await row();
    const { status, json } = await put("tdurden", body);
    expect(status).toBe(422);
    expect(json.data).toEqual([expect.objectContaining({ field })]);
    expect(await row()).toEqual(before);
  });
});

describe("the path and query string (400) against the body (422)", () => {
  const paths = [
    ["an unknown query parameter", "/api/management/security/users/tdurden?x=1"],
    ["an identifier over 254 characters", `/api/management/security/users/${"x".repeat(255)}`],
    ["a NUL in the identifier", "/api/management/security/users/a%00b"],
    ["a malformed escape in the identifier", "/api/management/security/users/%E0%A4%A"],
  ];
  it.each(paths)("GET with %s is 400, as documented", async (_why, path) => {
    const response = await send(server, "GET", path, { as: "admin" });
    expect(response.status, response.text).toBe(400);
    expect(response.json).toMatchObject({ type: "error", logId: expect.any(String) });
  });

  it.each(paths)("PUT with %s is 400 and changes nothing", async (_why, path) => {
    const before = await row();
    const response = await send(server, "PUT", path, { as: "admin", ...jsonBody(contensisSeedBody) });
    expect(response.status, response.text).toBe(400);
    expect(await row()).toEqual(before);
  });

  it("a GET's body is not read: a broken or oversized one cannot fail it with a status the GET does not document", async () => {
    // fetch sends no body with a GET; node:http does, as other clients may.
    const getWithBody = (body: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL("/api/management/security/users/tdurden", server.baseUrl);
        const headers = {
          ...server.auth("admin"),
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        };
        request(url, { method: "GET", headers }, (response) => resolve(response.resume().statusCode!))
          .on("error", reject)
          .end(body);
      });
    expect(await getWithBody("{broken")).toBe(200);
    expect(await getWithBody(JSON.stringify({ x: "a".repeat(1_200_000) }))).toBe(200);
  });

  it("a PUT whose path is fine and whose body is not is 422", async () => {
    const response = await send(server, "PUT", "/api/management/security/users/tdurden", {
      as: "admin",
      ...jsonBody({ username: "tdurden" }),
    });
    expect(response.status).toBe(422);
  });
});

describe("uniqueness (409)", () => {
  it("refuses another user's username, whatever its case", async () => {
    const before = await row();
    const { status, json } = await put("tdurden", { ...contensisSeedBody, username: "JONNY1" });
    expect(status).toBe(409);
    expect(json.data).toEqual([{ field: "username", message: "taken by another user" }]);
    expect(await row()).toEqual(before);
  });

  it("lets exactly one of two racing writers take a username", async () => {
    const [a, b] = await Promise.all([
      put("tdurden", { ...contensisSeedBody, username: "prize" }),
      put("jonny1", { username: "prize", email: "jonny1@example.com" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});

describe("If-Match and the audit trail", () => {
  it("a stale If-Match is 412 and changes nothing; a current one succeeds", async () => {
    const stale = await put("tdurden", { ...contensisSeedBody, firstname: "Stale" }, "admin", { "if-match": '"7"' });
    expect(stale.status).toBe(412);
    expect((await row()).first_name).toBe("Tyler");
    const fresh = await put("tdurden", { ...contensisSeedBody, firstname: "Fresh" }, "admin", { "if-match": '"1"' });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("etag")).toBe('"2"');
  });

  it("of many writers with the same If-Match, exactly one wins and one audit row is written", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        put("tdurden", { ...contensisSeedBody, firstname: `Writer ${i}` }, "admin", { "if-match": '"1"' }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(11);
    const audit = await server.db("audit").where({ user_id: TDURDEN });
    expect(audit).toHaveLength(1);
  });

  it("records who changed what, through which contract", async () => {
    await put("tdurden", { ...contensisSeedBody, firstname: "Audited" }, "tdurden");
    const [entry] = await server.db("audit").where({ user_id: TDURDEN });
    expect(entry).toMatchObject({
      actor_id: TDURDEN,
      contract: "contensis",
      changes: {
        first_name: { old: "Tyler", new: "Audited" },
        email: { old: "t.durden@fightclub.com", new: "t.turden@fightclub.com" },
      },
    });
  });

  it("an update that changes nothing writes nothing and keeps the ETag", async () => {
    const first = await put("tdurden", contensisSeedBody);
    const again = await put("tdurden", contensisSeedBody);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await server.db("audit").where({ user_id: TDURDEN })).toHaveLength(1);
  });
});

describe("server modes", () => {
  it("REQUIRE_IF_MATCH=true: 428 without If-Match", async () => {
    const strict = await startServer({ requireIfMatch: true });
    try {
      const response = await answer(
        strict.as("admin").PUT(PATH, { params: { path: { userIdentifier: "tdurden" } }, body: contensisSeedBody }),
      );
      expect(response.status).toBe(428);
      expect(response.json.type).toBe("error");
    } finally {
      await strict.close();
    }
  });

  it("READ_ONLY=true: PUT is 403, GET works", async () => {
    const readOnly = await startServer({ readOnly: true });
    try {
      const response = await answer(
        readOnly.as("admin").PUT(PATH, { params: { path: { userIdentifier: "tdurden" } }, body: contensisSeedBody }),
      );
      expect(response.status).toBe(403);
      expect(response.json.message).toBe("The directory is read-only.");
      const read = await answer(readOnly.as("admin").GET(PATH, { params: { path: { userIdentifier: "tdurden" } } }));
      expect(read.status).toBe(200);
    } finally {
      await readOnly.close();
    }
  });
});

describe("email-shaped usernames", () => {
  it("a username may be email-shaped, and then addresses the user like its email does", async () => {
    const { status, json } = await put("tdurden", { ...contensisSeedBody, username: "tyler@example.com" });
    expect(status).toBe(200);
    expect(json.username).toBe("tyler@example.com");
    for (const identifier of ["tyler@example.com", "TYLER@Example.com", "t.turden@fightclub.com"]) {
      const read = await get(identifier, "admin");
      expect(read.status, identifier).toBe(200);
      expect(read.json.id, identifier).toBe(TDURDEN);
    }
  });

  it("a username may be the user's own email, which then names one user", async () => {
    const body = { ...contensisSeedBody, username: "t.turden@fightclub.com", email: "t.turden@fightclub.com" };
    expect((await put("tdurden", body)).status).toBe(200);
    const read = await get("t.turden@fightclub.com", "admin");
    expect(read.json).toMatchObject({ id: TDURDEN, username: "t.turden@fightclub.com" });
  });

  it.each([" tyler", "tyler durden", "tyler\t", "tyler\u00a0d"])(
    "white space in a username (%j) is 422 and changes nothing",
    async (username) => {
      const before = await row();
      const { status, json } = await put("tdurden", { ...contensisSeedBody, username });
      expect(status).toBe(422);
      expect(json.data.map((d: { field: string }) => d.field)).toContain("username");
      expect(await row()).toEqual(before);
    },
  );

  it("a username that is another user's email, whatever its case, is 409 and changes nothing", async () => {
    const before = await row();
    const { status, json } = await put("tdurden", { ...contensisSeedBody, username: "JONNY1@example.com" });
    expect(status).toBe(409);
    expect(json.data).toEqual([{ field: "username", message: "taken by another user" }]);
    expect(await row()).toEqual(before);
  });

  it("an email that is another user's (email-shaped) username is 409 and changes nothing", async () => {
    expect((await put("jonny1", { username: "j@example.org", email: "jonny1@example.com" })).status).toBe(200);
    const before = await row();
    const { status, json } = await put("tdurden", { ...contensisSeedBody, email: "J@Example.org" });
    expect(status).toBe(409);
    expect(json.data).toEqual([{ field: "email", message: "taken by another user" }]);
    expect(await row()).toEqual(before);
  });

  it("of two writers racing to make a name one user's username and another's email, one wins", async () => {
    const [a, b] = await Promise.all([
      put("tdurden", { ...contensisSeedBody, username: "prize@example.com" }),
      put("jonny1", { username: "jonny1", email: "prize@example.com" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});
