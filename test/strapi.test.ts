// Contract D (seeds 003 + 004): PUT /users/{id} in JSON, XML and form bodies, roles and reports.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "../src/directory/secrets.ts";
import { demoId, send, startServer, type TestServer } from "./support/harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const JLOPEZ = demoId("jlopez");
const row = (id = JLOPEZ) => server.db("users").where({ id }).first();
const owned = async (id = JLOPEZ) =>
  (await server.db("reports").where({ user_id: id }).orderBy("uuid")).map((r) => r.uuid);
const put = (body: string, type: string, as = "admin", id = JLOPEZ) =>
  send(server, "PUT", `/users/${id}`, { as, headers: { "content-type": type }, body });

// Seed 004's request, with a real role in place of its "string" placeholder.
const seed004 = {
  username: "jlopez",
  email: "test@mydomain.com",
  provider: "local",
  password: "********",
  resetPasswordToken: "26f425d6-9269-442b-89ed-e35ba63bf9c0",
  confirmationToken: "eddc394a-8664-406e-852f-7a35d84a7fb7",
  confirmed: false,
  blocked: false,
  role: "client",
  reports: ["maia-c6cbaa76ba8f", "maia-3b5a054c593d", "maia-f95a8582aea5"],
};

const seed004Xml = `<?xml version="1.0" encoding="utf-8"?>
<item>
  <username>jlopez</username>
  <email>test@mydomain.com</email>
  <provider>local</provider>
  <password>********</password>
  <resetPasswordToken>26f425d6-9269-442b-89ed-e35ba63bf9c0</resetPasswordToken>
  <confirmationToken>eddc394a-8664-406e-852f-7a35d84a7fb7</confirmationToken>
  <confirmed>false</confirmed>
  <blocked>false</blocked>
  <role>client</role>
  <reports>maia-c6cbaa76ba8f</reports>
  <reports>maia-3b5a054c593d</reports>
  <reports>maia-f95a8582aea5</reports>
</item>`;

const seed004Form = new URLSearchParams([
  ...Object.entries(seed004)
    .filter(([key]) => key !== "reports")
    .map(([k, v]) => [k, String(v)]),
  ...seed004.reports.map((uuid) => ["reports", uuid]),
]).toString();

/** What the directory holds for jlopez, comparable across requests (timestamps and version left out). */
async function stored() {
  const { updated_at: _u, created_at: _c, version: _v, password_hash, ...user } = await row();
  return { ...user, hasPassword: password_hash !== null, reports: await owned() };
}

describe("seed 003", () => {
  it("its example renames user 12345 and answers 200 with the user", async () => {
    const { data, response } = await server.api.PUT("/users/{id}", {
      params: { path: { id: "12345" } },
      body: { username: "updatedUser", email: "updated-user@example.com" },
      headers: server.auth("user12345"),
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      id: "12345",
      username: "updatedUser",
      email: "updated-user@example.com",
      updated_by: "updatedUser",
    });
  });

  it("an unknown id is 404 {code, message}", async () => {
    const { status, json } = await put("{}", "application/json", "admin", "12399");
    expect(status).toBe(404);
    expect(json).toEqual({ code: 404, message: "User '12399' was not found." });
  });
});

describe("seed 004", () => {
  it("the JSON example answers 200 with seed 004's user shape, no secrets", async () => {
    const { status, json, headers } = await put(JSON.stringify(seed004), "application/json");
    expect(status).toBe(200);
    expect(headers.get("etag")).toBe('"2"');
    expect(Object.keys(json).sort()).toEqual(
      [
        "id",
        "username",
        "email",
        "provider",
        "confirmed",
        "blocked",
        "role",
        "reports",
        "created_by",
        "updated_by",
      ].sort(),
    );
    expect(json).toMatchObject({
      id: JLOPEZ,
      email: "test@mydomain.com",
      confirmed: false,
      blocked: false,
      role: { id: "2", type: "client", name: "Authenticated", users: [] },
      created_by: "admin",
      updated_by: "admin",
    });
    expect(json.reports.map((r: { uuid: string }) => r.uuid).sort()).toEqual([...seed004.reports].sort());
    expect(json.reports[0]).toMatchObject({ users_permissions_user: "jlopez" });
    const text = JSON.stringify(json);
    for (const secret of [seed004.password, seed004.resetPasswordToken, seed004.confirmationToken])
      expect(text).not.toContain(secret);
  });

  it("keeps the password as argon2id and the tokens as SHA-256, never in clear", async () => {
    await put(JSON.stringify(seed004), "application/json");
    const user = await row();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.reset_password_token).toBe(hashToken(seed004.resetPasswordToken));
    expect(user.confirmation_token).toBe(hashToken(seed004.confirmationToken));
    const [audit] = await server.db("audit").where({ user_id: JLOPEZ });
    const logged = JSON.stringify(audit) + server.logs.join("");
    for (const secret of [seed004.password, seed004.resetPasswordToken, seed004.confirmationToken])
      expect(logged).not.toContain(secret);
  });

  it("the XML example answers 200", async () => {
    const { status, json } = await put(seed004Xml, "application/xml");
    expect(status).toBe(200);
    expect(json.reports).toHaveLength(3);
    expect(json.confirmed).toBe(false);
  });

  it("the code snippets' JSON text under the form content type is read as JSON", async () => {
    const { status, json } = await put(JSON.stringify(seed004), "application/x-www-form-urlencoded");
    expect(status).toBe(200);
    expect(json.email).toBe("test@mydomain.com");
  });

  it("the same update as JSON, XML and form gives the same stored result", async () => {
    const results = [];
    for (const [body, type] of [
      [JSON.stringify(seed004), "application/json"],
      [seed004Xml, "application/xml"],
      [seed004Form, "application/x-www-form-urlencoded"],
    ]) {
      await server.reset();
      const response = await put(body, type);
      expect(response.status, `${type}: ${response.text}`).toBe(200);
      results.push(await stored());
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});

describe("bodies", () => {
  it("a single form value for an array becomes an array of one", async () => {
    const { status, json } = await put("reports=maia-c6cbaa76ba8f&confirmed=true", "application/x-www-form-urlencoded");
    expect(status).toBe(200);
    expect(json.reports.map((r: { uuid: string }) => r.uuid)).toEqual(["maia-c6cbaa76ba8f"]);
    expect(json.confirmed).toBe(true);
  });

  it.each([
    ["a DOCTYPE", '<?xml version="1.0"?><!DOCTYPE item [<!ENTITY x "y">]><item><username>&x;</username></item>'],
    ["another root", "<user><username>x</username></user>"],
    ["malformed XML", "<item><username>x</item>"],
    ["a non-boolean", "<item><confirmed>maybe</confirmed></item>"],
  ])("XML with %s is 400 and changes nothing", async (_why, body) => {
    const before = await row();
    const { status, json } = await put(body, "application/xml");
    expect(status).toBe(400);
    expect(json.code).toBe(400);
    expect(await row()).toEqual(before);
  });

  it("other media types are 415 {code, message}", async () => {
    const { status, json } = await put("username=x", "text/plain");
    expect(status).toBe(415);
    expect(json.code).toBe(415);
  });

  it("XML is only for contract D: contract A answers 415", async () => {
    const response = await send(server, "PUT", "/api/management/security/users/tdurden", {
      as: "admin",
      headers: { "content-type": "application/xml" },
      body: "<item><username>x</username></item>",
    });
    expect(response.status).toBe(415);
    expect(response.json.type).toBe("error");
  });
});

describe("fields", () => {
  it.each([["username"], ["email"], ["password"]])("an empty %s is 400 naming it", async (field) => {
    const { status, json } = await put(JSON.stringify({ [field]: "" }), "application/json");
    expect(status).toBe(400);
    expect(json.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it.each(["1", "Administrator", "admin"])("role accepts an id, name or type (%s)", async (role) => {
    const { status, json } = await put(JSON.stringify({ role }), "application/json");
    expect(status).toBe(200);
    expect(json.role).toMatchObject({ id: "1", type: "admin" });
  });

  it("an unknown role is 400", async () => {
    const { status, json } = await put(JSON.stringify({ role: "string" }), "application/json");
    expect(status).toBe(400);
    expect(json.details).toEqual([{ field: "role", message: "no role has the id, name or type 'string'" }]);
  });

  it("reports sets exactly which reports the user owns; an unknown uuid is 400", async () => {
    expect((await put(JSON.stringify({ reports: ["maia-c6cbaa76ba8f"] }), "application/json")).status).toBe(200);
    expect(await owned()).toEqual(["maia-c6cbaa76ba8f"]);
    const unknown = await put(JSON.stringify({ reports: ["maia-000000000000"] }), "application/json");
    expect(unknown.status).toBe(400);
    expect(await owned()).toEqual(["maia-c6cbaa76ba8f"]);
    expect((await put(JSON.stringify({ reports: [] }), "application/json")).status).toBe(200);
    expect(await owned()).toEqual([]);
  });

  it("blocked maps onto status", async () => {
    await put(JSON.stringify({ blocked: true }), "application/json");
    expect((await row()).status).toBe("disabled");
    await server.db("users").where({ id: JLOPEZ }).update({ status: "locked" });
    const { json } = await put(JSON.stringify({ blocked: false }), "application/json");
    expect(json.blocked).toBe(false);
    expect((await row()).status).toBe("active");
  });
});

describe("who may change what", () => {
  it("a user changes its own username, email and password", async () => {
    const { status } = await put(
      JSON.stringify({ username: "jl", email: "jl@example.com", password: "new-password" }),
      "application/json",
      "jlopez",
    );
    expect(status).toBe(200);
  });

  const adminOnly: Record<string, unknown> = {
    role: "admin",
    blocked: false,
    confirmed: true,
    provider: "github",
    resetPasswordToken: "t",
    confirmationToken: "t",
    reports: ["maia-8439cc39b63b"],
  };
  it.each(Object.keys(adminOnly))("a user cannot change its own %s: 403 naming it", async (field) => {
    const before = await stored();
    const { status, json } = await put(JSON.stringify({ [field]: adminOnly[field] }), "application/json", "jlopez");
    expect(status).toBe(403);
    expect(json).toEqual({
      code: 403,
      message: `Only an administrator may change: ${field}`,
      details: [{ field, message: "only an administrator may change this" }],
    });
    expect(await stored()).toEqual(before);
  });

  it("a user cannot update another user", async () => {
    const { status, json } = await put(JSON.stringify({ email: "x@example.com" }), "application/json", "tdurden");
    expect(status).toBe(403);
    expect(json).toEqual({ code: 403, message: "Only the user itself or an administrator can do this." });
  });
});

describe("XML text", () => {
  it("decodes predefined entities and character references", async () => {
    const { status, json } = await put("<item><username>a&amp;b&#x41;&#66;</username></item>", "application/xml");
    expect(status).toBe(200);
    expect(json.username).toBe("a&bAB");
  });
});

describe("email-shaped usernames", () => {
  it("a username may be email-shaped", async () => {
    const { status, json } = await put(JSON.stringify({ username: "j.lopez@mydomain.com" }), "application/json");
    expect(status).toBe(200);
    expect(json.username).toBe("j.lopez@mydomain.com");
  });

  it("a username that is another user's email is 409 naming it, and changes nothing", async () => {
    const before = await stored();
    const { status, json } = await put(JSON.stringify({ username: "Admin@Example.com" }), "application/json");
    expect(status).toBe(409);
    expect(json.details).toEqual([expect.objectContaining({ field: "username" })]);
    expect(await stored()).toEqual(before);
  });

  it("white space in a username is 400 naming it", async () => {
    const { status, json } = await put(JSON.stringify({ username: "j lopez" }), "application/json");
    expect(status).toBe(400);
    expect(json.details).toEqual([expect.objectContaining({ field: "username" })]);
  });
});
