// SCIM (contract E): provisioning. POST /scim/v2/Users creates a user, DELETE removes it (from every contract);
// who may do either; the discovery resources at their own URIs; what answers under /scim/v2/ that is not documented;
// the paths SCIM clients send (any case, a trailing slash); the URIs given under PUBLIC_BASE_URL.
import { describe, expect, it } from "vitest";
import { send, startServer, type TestServer } from "../support/harness.ts";
import {
  server,
  ADMIN,
  BJENSEN,
  TDURDEN,
  UNKNOWN,
  USER_URN,
  ENTERPRISE_URN,
  SCIM_JSON,
  operation,
  createExample,
  createdExample,
  servedAt,
  location,
  userUri,
  row,
  audit,
  get,
  put,
  patch,
  create,
  remove,
  newUser,
  resource,
  created,
  scimError,
  useScimServer,
  type Answer,
} from "./support.ts";

useScimServer();

const userCount = async () => Number((await server.db("users").count({ n: "*" }).first())!.n);

/** A server of its own for one test, closed after it. */
async function withServer(overrides: Parameters<typeof startServer>[0], test: (other: TestServer) => Promise<void>) {
  const other = await startServer(overrides);
  try {
    await test(other);
  } finally {
    await other.close();
  }
}

describe("POST /scim/v2/Users", () => {
  it("the spec's example (what Okta sends) answers 201 with the created example, Location, Content-Location and ETag", async () => {
    const answer = await create(createExample);
    const user = created(answer);
    // The created example is shared with Entra ID's request, which has no locale; Okta's has one.
    expect(user).toEqual({
      ...createdExample,
      locale: createExample.locale,
      id: expect.any(String),
      meta: {
        ...createdExample.meta,
        created: expect.any(String),
        lastModified: user.meta.created,
        location: userUri(user.id),
      },
    });
    expect(answer.headers.get("etag")).toBe('"1"');
    expect(answer.text).not.toContain(createExample.password);
    expect(await row(user.id)).toMatchObject({
      role: "client",
      status: "active",
      password_hash: expect.stringMatching(/^\$argon2id\$/),
      created_by: ADMIN,
    });
  });

  it("the user is read back as created, through SCIM and through the other contracts", async () => {
    const user = created(await create(createExample));
    expect(resource(await get({ id: user.id }))).toEqual(user);
    const contensis = await send(server, "GET", `/api/management/security/users/${user.id}`, { as: "admin" });
    expect(contensis.json).toMatchObject({
      username: "test.user@okta.local",
      email: "test.user@okta.local",
      firstname: "Test",
      lastname: "User",
      sys: { status: "active" },
    });
    const strapi = await send(server, "GET", `/users/${user.id}`, { as: "admin" });
    expect(strapi.json).toMatchObject({ username: "test.user@okta.local", blocked: false, created_by: "admin" });
  });

  it("with a userName only: active, its displayName the userName, nothing else", async () => {
    const user = created(await create({ userName: "minimal" }));
    expect(user).toEqual({
      schemas: [USER_URN],
      id: user.id,
      userName: "minimal",
      displayName: "minimal",
      active: true,
      meta: {
        resourceType: "User",
        created: expect.any(String),
        lastModified: expect.any(String),
        location: userUri(user.id),
        version: '"1"',
      },
    });
  });

  it("active false creates a disabled user", async () => {
    expect(created(await create(newUser("dormant", { active: false }))).active).toBe(false);
    expect((await server.db("users").where({ username: "dormant" }).first()).status).toBe("disabled");
  });

  it("keeps addresses as sent: the primary one, else the first, is the email", async () => {
    const emails = [
      { value: "ann@home.example.com", type: "other" },
      { value: "ann@work.example.com", type: "work", primary: true },
    ];
    const user = created(await create(newUser("ann", { emails })));
    expect(user.emails).toEqual(emails);
    expect((await row(user.id)).email).toBe("ann@work.example.com");
    const first = created(
      await create(newUser("bob", { emails: [{ value: "b1@example.com" }, { value: "b2@example.com" }] })),
    );
    expect((await row(first.id)).email).toBe("b1@example.com");
  });

  it("ignores id, meta, other schemas and attributes it does not store; reads names in any case", async () => {
    const user = created(
      await create({
        schemas: [USER_URN, ENTERPRISE_URN],
        id: "chosen-id",
        meta: { resourceType: "User", version: '"9"' },
        UserName: "cased",
        Emails: [{ Value: "cased@example.com", Primary: true }],
        nickName: "C",
        roles: [],
        [ENTERPRISE_URN]: { department: "Tours" },
      }),
    );
    expect(user.id).not.toBe("chosen-id");
    expect(user).toMatchObject({ userName: "cased", emails: [{ value: "cased@example.com", primary: true }] });
    expect(user.meta.version).toBe('"1"');
    expect(user).not.toHaveProperty("nickName");
  });

  it("answers with the attributes asked for; the headers stay whole", async () => {
    const answer = await create(newUser("projected"), { query: { attributes: "userName" } });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ schemas: [USER_URN], id: expect.any(String), userName: "projected" });
    expect(answer.headers.get("location")).toBe(userUri(answer.json.id as string));
    const excluded = await create(newUser("excluded"), { query: { excludedAttributes: "meta,displayName" } });
    expect(excluded.json).toEqual({ schemas: [USER_URN], id: expect.any(String), userName: "excluded", active: true });
  });

  it("records the creation, the caller as actor, the password only as changed", async () => {
    const user = created(await create(createExample));
    const [entry, ...more] = await audit(user.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor_id: ADMIN,
      contract: "scim",
      changes: { username: { old: null, new: "test.user@okta.local" }, password: "password changed" },
    });
    expect(JSON.stringify(entry) + server.logs.join("")).not.toContain(createExample.password);
  });

  it("the created user's token works at once: it reads itself", async () => {
    const user = created(await create(newUser("fresh")));
    expect(resource(await get({ id: user.id, as: user.id })).userName).toBe("fresh");
  });

  it("PROVISIONED_ROLE=admin: the new user is an administrator", async () => {
    await withServer({ provisionedRole: "admin" }, async (other) => {
      const body = { body: JSON.stringify(newUser("second-admin")), headers: { "content-type": SCIM_JSON } };
      const user = created(await send(other, "POST", "/scim/v2/Users", { as: "admin", ...body }), other.baseUrl);
      expect((await other.db("users").where({ id: user.id }).first()).role).toBe("admin");
      expect((await send(other, "GET", location(TDURDEN), { as: user.id })).status).toBe(200);
    });
  });

  // Entra sends formatted and displayName with every creation, as the names make them: they stay derived, so its
  // documented "Update User" of the family name shows the new formatted name ("givenName updatedFamilyName").
  it("a name.formatted and displayName sent with the values the names make stay derived", async () => {
    const name = { givenName: "givenName", familyName: "familyName", formatted: "givenName familyName" };
    const user = created(await create(newUser("entra", { name, displayName: "givenName familyName" })));
    const renamed = resource(
      await patch([{ op: "Replace", path: "name.familyName", value: "updatedFamilyName" }], { id: user.id }),
    );
    expect(renamed.name.formatted).toBe("givenName updatedFamilyName");
    expect(renamed.displayName).toBe("givenName updatedFamilyName");
  });
});

describe("refused creations (nothing created)", () => {
  async function refused(answer: Promise<Answer>, status: number, scimType?: string) {
    const before = await userCount();
    const error = scimError(await answer, status, scimType);
    expect(await userCount()).toBe(before);
    return error;
  }

  it.each([
    ["no userName", { name: { givenName: "Ann" } }],
    ["a userName with white space", newUser("a b")],
    [
      "two primary addresses",
      newUser("ann", {
        emails: [
          { value: "a@example.com", primary: true },
          { value: "b@example.com", primary: true },
        ],
      }),
    ],
    ["an email that is not one", newUser("ann", { emails: [{ value: "not-an-email" }] })],
    ["a short password", newUser("ann", { password: "12345" })],
    ["active as a string that is no boolean", newUser("ann", { active: "maybe" })],
  ])("%s is 400 invalidValue", async (_why, body) => {
    await refused(create(body), 400, "invalidValue");
  });

  it.each([
    ["another user's userName, whatever its case", newUser("BJensen")],
    ["another user's email, whatever its case", newUser("babs", { emails: [{ value: "BJensen@Example.com" }] })],
    ["another user's email as the userName", newUser("T.Durden@fightclub.com")],
    ["another user's externalId", newUser("babs", { externalId: "701984" })],
  ])("%s is 409 uniqueness", async (_why, body) => {
    await refused(create(body), 409, "uniqueness");
  });

  it("another user's email-shaped userName as the email is 409 uniqueness", async () => {
    created(await create(newUser("Ann@Example.com")));
    await refused(create(newUser("ann", { emails: [{ value: "ann@example.com" }] })), 409, "uniqueness");
  });

  it("externalId is compared exactly: another case is another externalId", async () => {
    resource(await patch([{ op: "replace", path: "externalId", value: "00u-OKTA" }]));
    expect(created(await create(newUser("babs", { externalId: "00U-okta" }))).externalId).toBe("00U-okta");
  });

  it("a non-administrator is 403", async () => {
    const error = await refused(create(newUser("intruder"), { as: "bjensen" }), 403);
    expect(error.detail).toBe("Only the user itself or an administrator can do this.");
  });

  it("without a token it is 401 with WWW-Authenticate", async () => {
    const answer = send(server, "POST", "/scim/v2/Users", {
      headers: { "content-type": SCIM_JSON },
      body: JSON.stringify(newUser("anonymous")),
    });
    await refused(answer, 401);
    expect((await answer).headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("a body that is not JSON is 400 invalidSyntax; text/plain is 415", async () => {
    await refused(create("{not json"), 400, "invalidSyntax");
    await refused(create(newUser("plain"), { headers: { "content-type": "text/plain" } }), 415);
  });

  it("READ_ONLY=true: 403; REQUIRE_IF_MATCH=true asks no If-Match of a creation", async () => {
    const body = { body: JSON.stringify(newUser("moded")), headers: { "content-type": SCIM_JSON }, as: "admin" };
    await withServer({ readOnly: true }, async (other) => {
      scimError(await send(other, "POST", "/scim/v2/Users", body), 403);
    });
    await withServer({ requireIfMatch: true }, async (other) => {
      created(await send(other, "POST", "/scim/v2/Users", body), other.baseUrl);
    });
  });
});

describe("DELETE /scim/v2/Users/{id}", () => {
  it("answers 204; then the user is 404 through every contract, and its token stops working", async () => {
    const { num } = await row();
    const deleted = await remove();
    expect(deleted.status, deleted.text).toBe(204);
    expect(deleted.text).toBe("");
    expect(scimError(await get(), 404).detail).toBe(`User '${BJENSEN}' was not found.`);
    scimError(await put(newUser("bjensen")), 404);
    scimError(await patch([{ op: "replace", path: "timezone", value: "UTC" }]), 404);
    scimError(await remove(), 404);
    for (const path of [
      `/api/management/security/users/${BJENSEN}`,
      "/user/bjensen/profile",
      `/user/${num}`,
      `/users/${BJENSEN}`,
    ])
      expect((await send(server, "GET", path, { as: "admin" })).status, path).toBe(404);
    scimError(await get({ as: "bjensen" }), 401);
  });

  it("releases the user's reports and keeps its audit history, with what it held", async () => {
    const jlopez = (await server.db("users").where({ username: "jlopez" }).first()).id as string;
    expect(await server.db("reports").where({ user_id: jlopez })).toHaveLength(1);
    expect((await remove({ id: jlopez })).status).toBe(204);
    expect(await server.db("reports").where({ user_id: jlopez })).toHaveLength(0);
    expect(await server.db("reports").where({ uuid: "maia-8439cc39b63b" })).toHaveLength(1);
    const [entry] = await audit(jlopez);
    expect(entry).toMatchObject({
      actor_id: ADMIN,
      contract: "scim",
      changes: { username: { old: "jlopez", new: null }, email: { old: "jlopez@mydomain.com", new: null } },
    });
    expect(entry.changes).not.toHaveProperty("password_hash");
  });

  it("frees the userName and email for a new user", async () => {
    expect((await remove({ id: BJENSEN })).status).toBe(204);
    created(await create(newUser("bjensen", { emails: [{ value: "bjensen@example.com" }] })));
  });

  it("honours If-Match: a stale one is 412 and deletes nothing; the current one deletes", async () => {
    resource(await patch([{ op: "replace", path: "timezone", value: "UTC" }]));
    scimError(await remove({ headers: { "if-match": '"1"' } }), 412);
    expect(await row()).toBeDefined();
    expect((await remove({ headers: { "if-match": '"2"' } })).status).toBe(204);
    expect(await row()).toBeUndefined();
  });

  it("the last active administrator cannot be deleted: 409; with another one, an administrator may delete itself", async () => {
    const before = await row(ADMIN);
    const error = scimError(await remove({ id: ADMIN }), 409);
    expect(error.scimType).toBeUndefined();
    expect(await row(ADMIN)).toEqual(before);
    await withServer({ provisionedRole: "admin" }, async (other) => {
      const body = { body: JSON.stringify(newUser("second-admin")), headers: { "content-type": SCIM_JSON } };
      created(await send(other, "POST", "/scim/v2/Users", { as: "admin", ...body }), other.baseUrl);
      expect((await send(other, "DELETE", location(ADMIN), { as: "admin" })).status).toBe(204);
    });
  });

  it.each([
    ["itself", "bjensen", BJENSEN],
    ["another user", "bjensen", TDURDEN],
  ])("a non-administrator cannot delete %s: 403", async (_whom, as, id) => {
    scimError(await remove({ id, as }), 403);
    expect(await row(id)).toBeDefined();
  });

  it("without a token it is 401; an unknown id is 404", async () => {
    scimError(await send(server, "DELETE", location(BJENSEN)), 401);
    expect(scimError(await remove({ id: UNKNOWN }), 404).detail).toBe(`User '${UNKNOWN}' was not found.`);
  });

  it("READ_ONLY=true: 403; REQUIRE_IF_MATCH=true: 428 without If-Match", async () => {
    await withServer({ readOnly: true }, async (other) => {
      scimError(await send(other, "DELETE", location(BJENSEN), { as: "admin" }), 403);
    });
    await withServer({ requireIfMatch: true }, async (other) => {
      scimError(await send(other, "DELETE", location(BJENSEN), { as: "admin" }), 428);
      const withEtag = { as: "admin", headers: { "if-match": '"1"' } };
      expect((await send(other, "DELETE", location(BJENSEN), withEtag)).status).toBe(204);
    });
  });
});

describe("discovery resources at their own URIs", () => {
  it.each([
    ["/scim/v2/ResourceTypes", "User", "/scim/v2/ResourceTypes/User"],
    ["/scim/v2/Schemas", USER_URN, `/scim/v2/Schemas/${USER_URN}`],
    ["/scim/v2/ResourceTypes", "User", "/scim/v2/resourcetypes/user/"],
  ])("a resource of %s (%s) is served without a token at %s", async (list, id, path) => {
    const example = operation(list, "get").responses["200"].content![SCIM_JSON].example as {
      Resources: { id: string; meta: { location: string } }[];
    };
    const expected = servedAt(example.Resources.find((r) => r.id === id)!);
    expect(expected.meta.location).toBe(`${server.baseUrl}${list}/${id}`);
    const answer = await send(server, "GET", path);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    expect(answer.json).toEqual(expected);
  });

  it.each([
    "/scim/v2/ResourceTypes/Group",
    "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group",
    `/scim/v2/Schemas/${ENTERPRISE_URN}`,
  ])("%s is 404 in SCIM's error body, without a token", async (path) => {
    const error = scimError(await send(server, "GET", path), 404);
    expect(error.detail).toBe(`No resource type or schema '${path.split("/").pop()}' is served here.`);
  });
});

describe("paths under /scim/v2/", () => {
  it.each([
    ["GET", "/scim/v2/Groups"],
    ["POST", "/scim/v2/Groups"],
    ["GET", "/scim/v2/Groups/abc"],
    ["DELETE", "/scim/v2/Bulk"],
    ["GET", "/scim/v2/Me"],
    ["GET", "/scim/v2/"],
  ])("%s %s (not served) is 401 without a valid token and 404 with one, in SCIM's error body", async (method, path) => {
    const options = { headers: { "content-type": SCIM_JSON }, body: method === "POST" ? "{}" : undefined };
    const anonymous = await send(server, method, path, options);
    scimError(anonymous, 401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    scimError(
      await send(server, method, path, { ...options, headers: { ...options.headers, authorization: "Bearer x.y.z" } }),
      401,
    );
    scimError(await send(server, method, path, { ...options, as: "admin" }), 404);
  });

  it.each([
    ["GET", "/scim/v2/users/", 200],
    ["GET", `/scim/v2/USERS/${BJENSEN}/`, 200],
    ["POST", "/scim/v2/users", 201],
    ["POST", "/scim/v2/Users/.SEARCH/", 200],
    ["GET", "/scim/v2/serviceproviderconfig", 200],
  ])("%s %s, in another case or with a trailing slash, is served as documented", async (method, path, status) => {
    const body = path.toLowerCase().includes("search")
      ? { schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], filter: 'userName eq "bjensen"' }
      : newUser("lenient");
    const answer = await send(server, method, path, {
      as: "admin",
      headers: { "content-type": SCIM_JSON },
      body: method === "POST" ? JSON.stringify(body) : undefined,
    });
    expect(answer.status, answer.text).toBe(status);
    expect(answer.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    if (path.includes(BJENSEN)) resource(answer);
    if (status === 201) created(answer);
  });
});

describe("PUBLIC_BASE_URL", () => {
  it("every URI the service gives is under it: meta.location, Content-Location, Location, lists and discovery", async () => {
    const base = "https://idp.example.com/base";
    await withServer({ publicBaseUrl: base }, async (other) => {
      resource(await send(other, "GET", location(BJENSEN), { as: "admin" }), base);
      const body = { body: JSON.stringify(newUser("remote")), headers: { "content-type": SCIM_JSON } };
      created(await send(other, "POST", "/scim/v2/Users", { as: "admin", ...body }), base);
      const list = await send(other, "GET", "/scim/v2/Users?attributes=meta.location", { as: "admin" });
      for (const user of list.json.Resources as { id: string; meta: { location: string } }[])
        expect(user.meta.location).toBe(userUri(user.id, base));
      for (const path of ["/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes", "/scim/v2/Schemas"]) {
        const example = operation(path, "get").responses["200"].content![SCIM_JSON].example;
        expect((await send(other, "GET", path)).json).toEqual(servedAt(example, base));
      }
    });
  });
});
