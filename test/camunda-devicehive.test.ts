// Contracts B (seed 001, Camunda 7) and C (seed 002, DeviceHive) on the shared pipeline.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { components } from "../generated/api.ts";
import { answer, demoId, send, startServer, type TestServer } from "./support/harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const JONNY = demoId("jonny1");
const DHCLIENT = demoId("dhclient");
const row = (id: string) => server.db("users").where({ id }).first();
// Through the typed client; bodies that break the contract on purpose are cast and sent as they are.
const putProfile = (id: string, body: unknown, as: string, headers: Record<string, string> = {}) =>
  answer(
    server.as(as).PUT("/user/{id}/profile", {
      params: { path: { id } },
      body: body as components["schemas"]["CamundaProfileUpdate"],
      headers,
    }),
  );
const putDeviceHive = (id: string, body: unknown, as: string) =>
  answer(
    server
      .as(as)
      .PUT("/user/{id}", { params: { path: { id } }, body: body as components["schemas"]["DeviceHiveUserUpdate"] }),
  );
const putStrapi = (
  id: string,
  body: components["schemas"]["StrapiUserUpdate"],
  as: string,
  headers: Record<string, string> = {},
) => answer(server.as(as).PUT("/users/{id}", { params: { path: { id } }, body, headers }));

describe("B: PUT /user/{id}/profile", () => {
  it("seed 001's example, with a real email, answers 204 and replaces the profile", async () => {
    const { response } = await server.api.PUT("/user/{id}/profile", {
      params: { path: { id: "jonny1" } },
      body: { id: "jonny1", firstName: "John", lastName: "Doe", email: "john.doe@example.com" },
      headers: server.auth("admin"),
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("etag")).toBe('"2"');
    const { data } = await server.api.GET("/user/{id}/profile", {
      params: { path: { id: "jonny1" } },
      headers: server.auth("jonny1"),
    });
    expect(data).toEqual({ id: "jonny1", firstName: "John", lastName: "Doe", email: "john.doe@example.com" });
  });

  it("seed 001's placeholder email 'aNewEmailAddress' is a 400 InvalidRequestException", async () => {
    const before = await row(JONNY);
    const { status, json } = await putProfile(
      "jonny1",
      { id: "jonny1", firstName: "John", lastName: "Doe", email: "aNewEmailAddress" },
      "admin",
    );
    expect(status).toBe(400);
    expect(json).toEqual({ type: "InvalidRequestException", message: 'email: must match format "email"' });
    expect(await row(JONNY)).toEqual(before);
  });

  it("omitted names become null", async () => {
    expect((await putProfile("jonny1", { email: "jonny1@example.com" }, "jonny1")).status).toBe(204);
    expect(await row(JONNY)).toMatchObject({ first_name: null, last_name: null, email: "jonny1@example.com" });
  });

  it("a body id that differs from the path is 400, not Camunda's 500", async () => {
    const { status, json } = await putProfile("jonny1", { id: "tdurden", firstName: "X" }, "admin");
    expect(status).toBe(400);
    expect(json).toEqual({ type: "InvalidRequestException", message: "id: must equal the id in the path ('jonny1')" });
  });

  it("an unknown user is Camunda's 404", async () => {
    const { status, json } = await putProfile("ghost", { firstName: "X" }, "admin");
    expect(status).toBe(404);
    expect(json).toEqual({ type: "InvalidRequestException", message: "User with id ghost does not exist" });
  });

  it.each([
    ["UPDATE", () => putProfile("jonny1", { firstName: "X" }, "tdurden")],
    ["READ", () => answer(server.as("tdurden").GET("/user/{id}/profile", { params: { path: { id: "jonny1" } } }))],
  ])("another user's profile: an AuthorizationException for %s", async (permission, request) => {
    const { status, json } = await request();
    expect(status).toBe(403);
    expect(json).toEqual({
      type: "AuthorizationException",
      message: `The user with id 'tdurden' does not have '${permission}' permission on resource 'jonny1' of type 'User'.`,
      userId: "tdurden",
      missingAuthorizations: [{ permissionName: permission, resourceName: "User", resourceId: "jonny1" }],
    });
  });

  it("an email taken by another user is 409", async () => {
    const { status, json } = await putProfile("jonny1", { email: "T.Durden@fightclub.com" }, "jonny1");
    expect(status).toBe(409);
    expect(json).toEqual({ type: "InvalidRequestException", message: "The email is taken by another user." });
  });

  it("read-only mode answers Camunda's read-only 403", async () => {
    const readOnly = await startServer({ readOnly: true });
    try {
      const { status, json } = await send(readOnly, "PUT", "/user/jonny1/profile", {
        as: "admin",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(status).toBe(403);
      expect(json).toEqual({
        type: "InvalidRequestException",
        message: "Identity service implementation is read-only.",
      });
    } finally {
      await readOnly.close();
    }
  });
});

describe("C: PUT /user/{id}", () => {
  it("a user changes its own password and data through `current` (204)", async () => {
    const { response } = await server.api.PUT("/user/{id}", {
      params: { path: { id: "current" } },
      body: { password: "s3cret-passw0rd", data: { theme: "light" } },
      headers: server.auth("dhclient"),
    });
    expect(response.status).toBe(204);
    const stored = await row(DHCLIENT);
    expect(stored.attributes).toEqual({ theme: "light" });
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const [audit] = await server.db("audit").where({ user_id: DHCLIENT });
    expect(audit.changes.password).toBe("password changed");
    expect(JSON.stringify(audit)).not.toContain("s3cret");
  });

  it("only the fields sent change", async () => {
    expect((await putDeviceHive("5", { introReviewed: true }, "admin")).status).toBe(204);
    const { data } = await server.api.GET("/user/{id}", {
      params: { path: { id: "5" } },
      headers: server.auth("admin"),
    });
    expect(data).toEqual({
      id: 5,
      login: "dhclient",
      role: 1,
      status: 0,
      lastLogin: null,
      data: { theme: "dark" },
      introReviewed: true,
    });
  });

  it("an administrator maps role and status codes onto the directory", async () => {
    expect((await putDeviceHive("5", { role: 0, status: 1, login: "dh2" }, "admin")).status).toBe(204);
    expect(await row(DHCLIENT)).toMatchObject({ role: "admin", status: "locked", username: "dh2" });
  });

  describe("a non-administrator may change only its own password and data", () => {
    const adminOnly = { login: "renamed", role: 0, status: 2, introReviewed: true };
    it.each(Object.entries(adminOnly))(
      "%s is 403 'Admin permissions required for this action'",
      async (field, value) => {
        const before = await row(DHCLIENT);
        const { status, json } = await putDeviceHive("current", { [field]: value }, "dhclient");
        expect(status).toBe(403);
        expect(json).toEqual({ error: 403, message: "Admin permissions required for this action" });
        expect(await row(DHCLIENT)).toEqual(before);
      },
    );

    it("another user, even for data, is 403", async () => {
      const { status, json } = await putDeviceHive("2", { data: {} }, "dhclient");
      expect(status).toBe(403);
      expect(json).toEqual({ error: 403, message: "Admin permissions required for this action" });
    });
  });

  it.each([
    ["password too short", { password: "12345" }],
    ["password too long", { password: "x".repeat(129) }],
    ["role out of range", { role: 2 }],
    ["status out of range", { status: 3 }],
    ["login empty", { login: "" }],
    ["data not an object", { data: [1] }],
    ["unknown field", { email: "x@example.com" }],
  ])("%s is 400 {error, message}", async (_why, body) => {
    const { status, json } = await putDeviceHive("5", body, "admin");
    expect(status).toBe(400);
    expect(json.error).toBe(400);
    expect(typeof json.message).toBe("string");
  });

  it.each(["99", "9223372036854775807", "9999999999999999999"])(
    "an unknown or out-of-range number %s is 404",
    async (id) => {
      const { status, json } = await putDeviceHive(id, { data: {} }, "admin");
      expect(status).toBe(404);
      expect(json).toEqual({ error: 404, message: `User with id = ${id} not found` });
    },
  );

  it("nobody can demote or disable the last active administrator", async () => {
    const demote = await putDeviceHive("current", { role: 1 }, "admin");
    expect(demote.status).toBe(409);
    expect(demote.json.error).toBe(409);
    expect((await putDeviceHive("current", { status: 2 }, "admin")).status).toBe(409);
    expect((await row(demoId("admin"))).role).toBe("admin");
    // With a second administrator, the first may step down.
    expect((await putDeviceHive("5", { role: 0 }, "admin")).status).toBe(204);
    expect((await putDeviceHive("current", { role: 1 }, "admin")).status).toBe(204);
  });

  it("two administrators demoting each other at once: exactly one succeeds, one administrator remains", async () => {
    await server.db("users").where({ id: DHCLIENT }).update({ role: "admin" });
    const [a, b] = await Promise.all([
      putDeviceHive("5", { role: 1 }, "admin"),
      putDeviceHive("1", { role: 1 }, "dhclient"),
    ]);
    const statuses = [a.status, b.status].sort();
    // The loser is refused as the last administrator (409), or, if already demoted when it was authorized, 403.
    expect(statuses[0]).toBe(204);
    expect([403, 409]).toContain(statuses[1]);
    expect(await server.db("users").where({ role: "admin", status: "active" })).toHaveLength(1);
  });
});

describe("one directory behind the contracts", () => {
  it("a change through B or C is visible through A and D", async () => {
    await putProfile("jonny1", { firstName: "Johnny", lastName: "B", email: "johnny@example.com" }, "jonny1");
    await putDeviceHive("3", { login: "johnnyb" }, "admin");
    const a = await answer(
      server
        .as("admin")
        .GET("/api/management/security/users/{userIdentifier}", { params: { path: { userIdentifier: JONNY } } }),
    );
    expect(a.json).toMatchObject({
      username: "johnnyb",
      firstname: "Johnny",
      lastname: "B",
      email: "johnny@example.com",
    });
    const d = await answer(server.as("admin").GET("/users/{id}", { params: { path: { id: JONNY } } }));
    expect(d.json).toMatchObject({ username: "johnnyb", email: "johnny@example.com", updated_by: "admin" });
    expect(d.headers.get("etag")).toBe('"3"');
  });

  it("an ETag from one contract guards a PUT through another", async () => {
    const etag = (
      await answer(server.as("admin").GET("/user/{id}/profile", { params: { path: { id: "jonny1" } } }))
    ).headers.get("etag")!;
    await putDeviceHive("3", { introReviewed: true }, "admin");
    const stale = await putStrapi(JONNY, { username: "late" }, "admin", { "if-match": etag });
    expect(stale.status).toBe(412);
    expect(stale.json).toEqual({
      code: 412,
      message: 'The user has changed since that ETag (it is now "2"); read it again.',
    });
  });
});

describe("email-shaped usernames", () => {
  it("B: an email-shaped username is the path's id", async () => {
    expect((await putDeviceHive("3", { login: "john@example.org" }, "admin")).status).toBe(204);
    const read = await answer(
      server.as("admin").GET("/user/{id}/profile", { params: { path: { id: "john@example.org" } } }),
    );
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: "john@example.org", email: "jonny1@example.com" });
    const written = await putProfile(
      "JOHN@example.org",
      { id: "JOHN@example.org", firstName: "John", lastName: "Doe", email: "jonny1@example.com" },
      "admin",
    );
    expect(written.status, JSON.stringify(written.json)).toBe(204);
  });

  it("B: an email that is another user's username is 409 and changes nothing", async () => {
    expect((await putDeviceHive("3", { login: "john@example.org" }, "admin")).status).toBe(204);
    const before = await row(demoId("tdurden"));
    const { status } = await putProfile(
      "tdurden",
      { id: "tdurden", firstName: "Tyler", lastName: "Durden", email: "john@example.org" },
      "admin",
    );
    expect(status).toBe(409);
    expect(await row(demoId("tdurden"))).toEqual(before);
  });

  it("C: a login may be email-shaped, but not another user's email", async () => {
    expect((await putDeviceHive("5", { login: "dh@example.org" }, "admin")).status).toBe(204);
    expect((await row(DHCLIENT)).username).toBe("dh@example.org");
    const before = await row(DHCLIENT);
    const { status, json } = await putDeviceHive("5", { login: "jonny1@example.com" }, "admin");
    expect(status).toBe(409);
    expect(json).toMatchObject({ error: 409 });
    expect(await row(DHCLIENT)).toEqual(before);
  });

  it("C: white space in a login is 400", async () => {
    expect((await putDeviceHive("5", { login: "dh client" }, "admin")).status).toBe(400);
  });
});
