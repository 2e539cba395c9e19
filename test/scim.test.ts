// Contract E, SCIM 2.0 (RFC 7643, RFC 7644): GET, PUT and PATCH /scim/v2/Users/{id} over the demo user bjensen, the
// public discovery documents, and what Okta and Microsoft Entra ID send to update and deactivate a user, replayed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { spec } from "../src/spec.ts";
import { demoId, send, startServer, type TestServer } from "./support/harness.ts";
import { exampleValue, type NamedExample } from "./support/spec-examples.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const BJENSEN = demoId("bjensen");
const TDURDEN = demoId("tdurden");
const DHCLIENT = demoId("dhclient");
const ADMIN = demoId("admin");
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

const USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
const SCIM_JSON = "application/scim+json";

type Answer = Awaited<ReturnType<typeof send>>;
interface Media {
  example?: unknown;
  examples?: Record<string, NamedExample>;
}
interface Documented {
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}

// The spec's examples, read where they are written.
const operation = (path: string, method: string) => spec.paths[path][method] as unknown as Documented;
const usersPath = "/scim/v2/Users/{id}";
const putExample = exampleValue(
  operation(usersPath, "put").requestBody!.content[SCIM_JSON].examples!.bjensen,
) as Record<string, any>;
const patchExample = (name: string) =>
  exampleValue(operation(usersPath, "patch").requestBody!.content[SCIM_JSON].examples![name]);
const patchExamples = { update: { value: patchExample("update") }, deactivate: { value: patchExample("deactivate") } };
const responseExamples = (
  spec.components as unknown as { responses: Record<string, { content: Record<string, Media> }> }
).responses;
const userExample = responseExamples.ScimUserOk.content[SCIM_JSON].example as Record<string, any>;

const location = (id: string) => `/scim/v2/Users/${encodeURIComponent(id)}`;
const row = (id = BJENSEN) => server.db("users").where({ id }).first();
const audit = (id = BJENSEN) => server.db("audit").where({ user_id: id });

interface Options {
  id?: string;
  as?: string;
  headers?: Record<string, string>;
}
const get = ({ id = BJENSEN, as = "admin", headers }: Options = {}) =>
  send(server, "GET", location(id), { as, headers });
const write = (method: "PUT" | "PATCH", body: unknown, { id = BJENSEN, as = "admin", headers }: Options = {}) =>
  send(server, method, location(id), {
    as,
    headers: { "content-type": SCIM_JSON, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const put = (body: unknown, options?: Options) => write("PUT", body, options);
const patch = (operations: unknown[], options?: Options) =>
  write("PATCH", { schemas: [PATCH_OP_URN], Operations: operations }, options);

/** A User answer: 200 in SCIM's media type, its ETag repeated as meta.version; the resource. */
function resource(answer: Answer): Record<string, any> {
  expect(answer.status, answer.text).toBe(200);
  expect(answer.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  expect(answer.json.meta.version).toBe(answer.headers.get("etag"));
  return answer.json;
}

/** A SCIM error answer: the status, in SCIM's media type and Error message (status as a string). */
function scimError(answer: Answer, status: number, scimType?: string): Record<string, any> {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  expect(answer.json).toMatchObject({ schemas: [ERROR_URN], status: String(status), detail: expect.any(String) });
  if (scimType) expect(answer.json.scimType).toBe(scimType);
  return answer.json;
}

const version = (user: Record<string, any>) => Number(JSON.parse(user.meta.version as string));
const { meta: _meta, ...bjensenAttributes } = userExample;

/** bjensen as the response example shows her, with the given attributes changed, and a newer meta. */
const bjensenWith = (changes: Record<string, unknown>, metaVersion = '"2"') => ({
  ...bjensenAttributes,
  ...changes,
  meta: { ...userExample.meta, created: expect.any(String), lastModified: expect.any(String), version: metaVersion },
});

describe("the examples in openapi.yaml", () => {
  it("GET answers bjensen as the response example shows her, timestamps aside", async () => {
    const user = resource(await get());
    expect(user).toEqual(bjensenWith({}, '"1"'));
    expect(new Date(user.meta.created as string).toISOString()).toBe(user.meta.created);
    expect(Date.parse(user.meta.lastModified as string)).toBeGreaterThanOrEqual(
      Date.parse(user.meta.created as string),
    );
  });

  it("the PUT example (bjensen as she is) answers 200 with the response example", async () => {
    const user = resource(await put(putExample));
    expect(user).toEqual(bjensenWith({}, user.meta.version as string));
  });

  it("the PATCH example 'update' (Entra's email and family name change) answers 200 with the changed user", async () => {
    const user = resource(await write("PATCH", patchExamples.update.value));
    expect(user).toEqual(
      bjensenWith({
        name: { formatted: "Barbara Jensen-Smith", givenName: "Barbara", familyName: "Jensen-Smith" },
        displayName: "Barbara Jensen-Smith",
        emails: [{ value: "barbara.jensen@example.com", type: "work", primary: true }],
      }),
    );
    expect(await row()).toMatchObject({ email: "barbara.jensen@example.com", last_name: "Jensen-Smith" });
  });

  it("the PATCH example 'deactivate' (Okta's) answers 200 with active false and disables the user", async () => {
    const user = resource(await write("PATCH", patchExamples.deactivate.value));
    expect(user).toEqual(bjensenWith({ active: false }));
    expect((await row()).status).toBe("disabled");
  });
});

describe("the representation", () => {
  it("omits unassigned attributes: a user without names shows its userName as displayName", async () => {
    const user = resource(await get({ id: "12345" }));
    expect(user).toEqual({
      schemas: [USER_URN],
      id: "12345",
      userName: "user12345",
      displayName: "user12345",
      emails: [{ value: "user12345@example.com", type: "work", primary: true }],
      active: true,
      meta: {
        resourceType: "User",
        created: expect.any(String),
        lastModified: expect.any(String),
        location: "/scim/v2/Users/12345",
        version: '"1"',
      },
    });
  });

  it("a user without an email has no emails attribute", async () => {
    const user = resource(await get({ id: DHCLIENT }));
    expect(user).not.toHaveProperty("emails");
    expect(user.userName).toBe("dhclient");
  });

  it("preferredLanguage is the other contracts' language; a user without locale or externalId omits them", async () => {
    const user = resource(await get({ id: TDURDEN }));
    expect(user).toMatchObject({
      userName: "tdurden",
      name: { formatted: "Tyler Durden", givenName: "Tyler", familyName: "Durden" },
      displayName: "Tyler Durden",
      preferredLanguage: "en-US",
      timezone: "America/New_York",
    });
    expect(user).not.toHaveProperty("locale");
    expect(user).not.toHaveProperty("externalId");
  });

  it.each(["locked", "disabled"])("a %s user is active: false", async (status) => {
    await server.db("users").where({ id: BJENSEN }).update({ status });
    expect(resource(await get()).active).toBe(false);
  });
});

describe("PUT replaces the user", () => {
  it("clears externalId, name, emails, locale, preferredLanguage and timezone when they are omitted", async () => {
    const user = resource(await put({ schemas: [USER_URN], userName: "bjensen" }));
    expect(user).toEqual({
      schemas: [USER_URN],
      id: BJENSEN,
      userName: "bjensen",
      displayName: "bjensen",
      active: true,
      meta: expect.objectContaining({ location: `/scim/v2/Users/${BJENSEN}`, version: '"2"' }),
    });
    expect(await row()).toMatchObject({
      external_id: null,
      first_name: null,
      last_name: null,
      email: null,
      locale: null,
      language: null,
      timezone: null,
      status: "active",
    });
  });

  it("clears the attributes sent as null", async () => {
    const user = resource(
      await put({
        userName: "bjensen",
        externalId: null,
        name: null,
        emails: null,
        locale: null,
        preferredLanguage: null,
        timezone: null,
      }),
    );
    for (const attribute of ["externalId", "name", "emails", "locale", "preferredLanguage", "timezone"])
      expect(user).not.toHaveProperty(attribute);
  });

  it("keeps active and the password when they are omitted", async () => {
    resource(await put({ ...putExample, active: false, password: "first-passw0rd" }));
    const { password_hash } = await row();
    expect(password_hash).toMatch(/^\$argon2id\$/);
    const { active: _active, ...withoutActive } = putExample;
    const user = resource(await put({ ...withoutActive, timezone: "Europe/Copenhagen" }));
    expect(user.active).toBe(false);
    expect(await row()).toMatchObject({ status: "disabled", password_hash, timezone: "Europe/Copenhagen" });
  });

  it("never returns the password, and never stores it in clear", async () => {
    const answer = await put({ ...putExample, password: "s3cret-passw0rd" });
    resource(answer);
    expect(answer.text).not.toContain("s3cret");
    expect(answer.json).not.toHaveProperty("password");
    expect(JSON.stringify(await audit()) + server.logs.join("")).not.toContain("s3cret");
    expect(resource(await get())).not.toHaveProperty("password");
  });

  it("ignores id, meta, displayName, name.formatted and attributes it does not store", async () => {
    const user = resource(
      await put({
        ...putExample,
        schemas: [USER_URN, ENTERPRISE_URN],
        id: "another-id",
        meta: { resourceType: "User", created: "04-12-2018 00:00:00", version: '"99"' },
        displayName: "Someone Else",
        name: { formatted: "Not This", givenName: "Barbara", middleName: "Ann", familyName: "Jensen" },
        emails: [{ value: "bjensen@example.com", type: "work", primary: true, display: "Babs" }],
        nickName: "Babs",
        title: "Tour Guide",
        groups: [],
        roles: [],
        [ENTERPRISE_URN]: { employeeNumber: "701984", department: "Tour Operations" },
      }),
    );
    expect(user).toEqual(bjensenWith({}, user.meta.version as string));
    expect(user.id).toBe(BJENSEN);
  });

  it("a PUT of the user as she is changes nothing: same ETag, no audit entry", async () => {
    const before = await row();
    const user = resource(await put(putExample));
    expect(user.meta.version).toBe('"1"');
    expect(await row()).toEqual(before);
    expect(await audit()).toHaveLength(0);
  });

  it.each([
    [
      "the primary one",
      [
        { value: "babs@home.example.com", type: "home" },
        { value: "barbara@work.example.com", type: "work", primary: true },
      ],
      "barbara@work.example.com",
    ],
    [
      "else the first",
      [{ value: "first@example.com" }, { value: "second@example.com", type: "work" }],
      "first@example.com",
    ],
  ])("of several emails, %s becomes the email", async (_which, emails, email) => {
    const user = resource(await put({ ...putExample, emails }));
    expect(user.emails).toEqual([{ value: email, type: "work", primary: true }]);
    expect((await row()).email).toBe(email);
  });

  it("accepts a resource obtained by GET, edited and sent back with its ETag", async () => {
    const got = await get();
    const original = resource(got);
    const edited = { ...original, name: { ...original.name, givenName: "Babs" }, timezone: "America/Denver" };
    const user = resource(await put(edited, { headers: { "if-match": got.headers.get("etag")! } }));
    expect(user).toEqual({
      ...original,
      name: { formatted: "Babs Jensen", givenName: "Babs", familyName: "Jensen" },
      displayName: "Babs Jensen",
      timezone: "America/Denver",
      meta: { ...original.meta, lastModified: expect.any(String), version: '"2"' },
    });
  });

  it("accepts the locale as sent (en_US)", async () => {
    expect(resource(await put({ ...putExample, locale: "en_US" })).locale).toBe("en_US");
    expect((await row()).locale).toBe("en_US");
  });

  it("active false disables the user and active true enables her again", async () => {
    expect(resource(await put({ ...putExample, active: false })).active).toBe(false);
    expect((await row()).status).toBe("disabled");
    expect(resource(await put({ ...putExample, active: true })).active).toBe(true);
    expect((await row()).status).toBe("active");
  });

  it("an administrator's own active false is 409: no active administrator would remain", async () => {
    const admin = resource(await get({ id: ADMIN }));
    const before = await row(ADMIN);
    scimError(await put({ ...admin, active: false }, { id: ADMIN }), 409);
    expect(await row(ADMIN)).toEqual(before);
  });

  it.each([
    ["no userName", { ...putExample, userName: undefined }],
    ["a userName with @", { ...putExample, userName: "bjensen@example.com" }],
    ["a userName with white space", { ...putExample, userName: "b jensen" }],
    ["an email that is not one", { ...putExample, emails: [{ value: "not-an-email", type: "work", primary: true }] }],
    ["an email without value", { ...putExample, emails: [{ type: "work", primary: true }] }],
    ["active as a number", { ...putExample, active: 1 }],
    ["a preferredLanguage that is no BCP 47 tag", { ...putExample, preferredLanguage: "not a tag" }],
    ["an unknown time zone", { ...putExample, timezone: "Mars/Olympus_Mons" }],
    ["a short password", { ...putExample, password: "12345" }],
    ["an empty externalId", { ...putExample, externalId: "" }],
  ])("%s is 400 invalidValue and changes nothing", async (_why, body) => {
    const before = await row();
    scimError(await put(body), 400, "invalidValue");
    expect(await row()).toEqual(before);
  });
});

describe("PATCH", () => {
  const familyName = (op: string) => ({ op, path: "name.familyName", value: "Jensen-Smith" });

  it("answers 200 with the whole resource and its new ETag", async () => {
    const user = resource(await patch([familyName("replace")]));
    expect(user).toEqual(
      bjensenWith({
        name: { formatted: "Barbara Jensen-Smith", givenName: "Barbara", familyName: "Jensen-Smith" },
        displayName: "Barbara Jensen-Smith",
      }),
    );
  });

  it.each(["replace", "Replace", "REPLACE", "add", "Add", "ADD"])("reads op %s in any case", async (op) => {
    expect(resource(await patch([familyName(op)])).name.familyName).toBe("Jensen-Smith");
  });

  it.each(["remove", "Remove", "REMOVE"])("reads op %s in any case", async (op) => {
    expect(resource(await patch([{ op, path: "timezone" }]))).not.toHaveProperty("timezone");
    expect((await row()).timezone).toBeNull();
  });

  it.each([
    ["a sub-attribute path", { op: "replace", path: "name.givenName", value: "Babs" }],
    ["a path qualified by the core schema URN", { op: "replace", path: `${USER_URN}:name.givenName`, value: "Babs" }],
    ["a complex attribute with some sub-attributes", { op: "replace", path: "name", value: { givenName: "Babs" } }],
    ["no path, an attribute", { op: "replace", value: { name: { givenName: "Babs" } } }],
    ["no path, a dotted key", { op: "replace", value: { "name.givenName": "Babs" } }],
    ["no path, a URN-qualified key", { op: "replace", value: { [`${USER_URN}:name.givenName`]: "Babs" } }],
    ["add without path", { op: "add", value: { "name.givenName": "Babs" } }],
  ])("changes one sub-attribute through %s, keeping the others", async (_how, operation) => {
    const user = resource(await patch([operation]));
    expect(user.name).toEqual({ formatted: "Babs Jensen", givenName: "Babs", familyName: "Jensen" });
    expect(user.displayName).toBe("Babs Jensen");
  });

  it("a path-less value may name userName by its URN-qualified path", async () => {
    const user = resource(await patch([{ op: "replace", value: { [`${USER_URN}:userName`]: "barbara" } }]));
    expect(user.userName).toBe("barbara");
    expect((await row()).username).toBe("barbara");
  });

  it("one path-less replace sets several attributes at once", async () => {
    const user = resource(
      await patch([
        {
          op: "replace",
          value: {
            userName: "barbara",
            externalId: "ext-1",
            locale: "da-DK",
            preferredLanguage: "da",
            timezone: "Europe/Copenhagen",
            "name.familyName": "Jensen-Smith",
          },
        },
      ]),
    );
    expect(user).toMatchObject({
      userName: "barbara",
      externalId: "ext-1",
      locale: "da-DK",
      preferredLanguage: "da",
      timezone: "Europe/Copenhagen",
      name: { givenName: "Barbara", familyName: "Jensen-Smith" },
    });
  });

  it.each([
    'emails[type eq "work"].value',
    "emails[primary eq true].value",
    'emails[value eq "bjensen@example.com"].value',
  ])("replaces the email through the filter %s", async (path) => {
    const user = resource(await patch([{ op: "replace", path, value: "barbara@example.com" }]));
    expect(user.emails).toEqual([{ value: "barbara@example.com", type: "work", primary: true }]);
    expect((await row()).email).toBe("barbara@example.com");
  });

  it("replaces the emails as a whole", async () => {
    const emails = [{ value: "barbara@example.com", type: "work", primary: true }];
    expect(resource(await patch([{ op: "replace", path: "emails", value: emails }])).emails).toEqual(emails);
  });

  it("an added primary email becomes the email: the others lose primary (RFC 7644 §3.5.2)", async () => {
    const emails = [{ value: "barbara@example.com", type: "work", primary: true }];
    expect(resource(await patch([{ op: "add", path: "emails", value: emails }])).emails).toEqual(emails);
    expect((await row()).email).toBe("barbara@example.com");
  });

  it("reads attribute names in any case (RFC 7643 §2.1)", async () => {
    const user = resource(
      await patch([
        { op: "replace", path: "Name.GivenName", value: "Babs" },
        { op: "replace", value: { UserName: "barbara", TIMEZONE: "UTC" } },
      ]),
    );
    expect(user).toMatchObject({ userName: "barbara", timezone: "UTC", name: { givenName: "Babs" } });
  });

  it.each(["Add", "Replace"])("%s through a filter that matches nothing adds the value", async (op) => {
    expect((await row(DHCLIENT)).email).toBeNull();
    const user = resource(
      await patch([{ op, path: 'emails[type eq "work"].value', value: "dh@example.com" }], { id: DHCLIENT }),
    );
    expect(user.emails).toEqual([{ value: "dh@example.com", type: "work", primary: true }]);
    expect((await row(DHCLIENT)).email).toBe("dh@example.com");
  });

  it.each([
    ['"False" with a path', { op: "Replace", path: "active", value: "False" }, false],
    ['"False" without a path', { op: "replace", value: { active: "False" } }, false],
    ["false with a path", { op: "replace", path: "active", value: false }, false],
    ["false through Add", { op: "Add", path: "active", value: false }, false],
  ])("active %s disables the user", async (_how, operation, active) => {
    expect(resource(await patch([operation])).active).toBe(active);
    expect((await row()).status).toBe("disabled");
  });

  it.each([
    ['"True" with a path', { op: "Replace", path: "active", value: "True" }],
    ['"True" without a path', { op: "replace", value: { active: "True" } }],
    ["true with a path", { op: "replace", path: "active", value: true }],
  ])("active %s enables a disabled or locked user", async (_how, operation) => {
    for (const status of ["disabled", "locked"]) {
      await server.db("users").where({ id: BJENSEN }).update({ status });
      expect(resource(await patch([operation])).active).toBe(true);
      expect((await row()).status).toBe("active");
    }
  });

  it.each([
    ["an unknown core attribute", { op: "Add", path: "nickName", value: "Babs" }],
    ["an unknown attribute without path", { op: "replace", value: { nickName: "Babs", title: "Tour Guide" } }],
    ["an enterprise attribute", { op: "Replace", path: `${ENTERPRISE_URN}:employeeNumber`, value: "701984" }],
    ["an enterprise manager as a string", { op: "Add", path: `${ENTERPRISE_URN}:manager`, value: "271" }],
    ["a URN-qualified key without path", { op: "replace", value: { [`${ENTERPRISE_URN}:department`]: "Tours" } }],
    ["the extension object without path", { op: "replace", value: { [ENTERPRISE_URN]: { employeeNumber: "1" } } }],
    ["roles", { op: "Add", path: "roles", value: [{ value: '{"id":"06b07648","value":"25","displayName":"R"}' }] }],
    ["a phone number through a filter", { op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555" }],
    ["an address through a filter", { op: "Replace", path: 'addresses[type eq "work"].postalCode', value: "98052" }],
    ["title", { op: "Replace", path: "title", value: "Tour Guide" }],
  ])("ignores %s: 200, nothing changed", async (_what, operation) => {
    const before = await row();
    const user = resource(await patch([operation]));
    expect(user).toEqual(bjensenWith({}, '"1"'));
    expect(await row()).toEqual(before);
  });

  it.each([
    ["externalId", "externalId", { external_id: null }],
    ["locale", "locale", { locale: null }],
    ["preferredLanguage", "preferredLanguage", { language: null }],
    ["emails", "emails", { email: null }],
    ['emails[type eq "work"]', "emails", { email: null }],
    ["name", "name", { first_name: null, last_name: null }],
  ])("remove %s clears it", async (path, attribute, stored) => {
    const user = resource(await patch([{ op: "remove", path }]));
    expect(user).not.toHaveProperty(attribute);
    expect(await row()).toMatchObject(stored);
  });

  it("remove name.givenName clears the given name only", async () => {
    const user = resource(await patch([{ op: "remove", path: "name.givenName" }]));
    expect(user.name).not.toHaveProperty("givenName");
    expect(user.name.familyName).toBe("Jensen");
    expect(await row()).toMatchObject({ first_name: null, last_name: "Jensen" });
  });

  it("sets the password, which is never returned", async () => {
    const answer = await patch([{ op: "replace", value: { password: "new-passw0rd" } }]);
    resource(answer);
    expect(answer.text).not.toContain("new-passw0rd");
    expect((await row()).password_hash).toMatch(/^\$argon2id\$/);
  });

  it("a displayName sent with the value it has is not a change", async () => {
    const user = resource(await patch([{ op: "replace", path: "displayName", value: "Barbara Jensen" }]));
    expect(user.meta.version).toBe('"1"');
  });

  it("a displayName equal to what the names sent with it make is accepted", async () => {
    const user = resource(
      await patch([
        { op: "Replace", path: "displayName", value: "Babs Jensen-Smith" },
        { op: "Replace", path: "name.givenName", value: "Babs" },
        { op: "Replace", path: "name.familyName", value: "Jensen-Smith" },
      ]),
    );
    expect(user.displayName).toBe("Babs Jensen-Smith");
  });
});

describe("PATCH refusals (400, nothing changed)", () => {
  async function refused(operations: unknown[], scimType: string) {
    const before = await row();
    const body = scimError(await patch(operations), 400, scimType);
    expect(await row()).toEqual(before);
    return body;
  }

  it("remove without a path is noTarget", async () => {
    await refused([{ op: "remove" }], "noTarget");
  });

  it("remove through a filter that selects nothing is noTarget", async () => {
    await refused([{ op: "remove", path: 'emails[value eq "nobody@example.com"]' }], "noTarget");
  });

  it.each(['emails[type eq "work"', "name..givenName", "name.", "[x]"])(
    "a path that cannot be read (%s) is invalidPath",
    async (path) => {
      await refused([{ op: "replace", path, value: "x" }], "invalidPath");
    },
  );

  it.each(['emails[type zz "work"].value', "emails[type eq work].value"])(
    "a path whose filter cannot be read (%s) is invalidFilter",
    async (path) => {
      await refused([{ op: "replace", path, value: "x@example.com" }], "invalidFilter");
    },
  );

  it.each([
    ["id", { op: "replace", path: "id", value: "another-id" }],
    ["meta", { op: "replace", path: "meta", value: { version: '"9"' } }],
    ["meta.version", { op: "replace", path: "meta.version", value: '"9"' }],
    ["id without path", { op: "replace", value: { id: "another-id" } }],
  ])("changing the read-only %s is mutability", async (_what, operation) => {
    await refused([operation], "mutability");
  });

  it.each([
    ["displayName", { op: "replace", path: "displayName", value: "Babs" }],
    ["name.formatted", { op: "replace", path: "name.formatted", value: "Babs Jensen" }],
    ["displayName without path", { op: "replace", value: { displayName: "Babs" } }],
    ["displayName removed", { op: "remove", path: "displayName" }],
  ])("the derived %s is ignored, as identity providers send it with every change", async (_what, operation) => {
    const before = await row();
    const user = resource(await patch([operation]));
    expect(user.meta.version).toBe('"1"');
    expect(user.displayName).toBe("Barbara Jensen");
    expect(await row()).toEqual(before);
  });

  it.each([
    ["active", { op: "replace", path: "active", value: "maybe" }],
    ["active as a number", { op: "replace", value: { active: 0 } }],
    ["userName with @", { op: "replace", path: "userName", value: "bjensen@example.com" }],
    ["userName empty", { op: "replace", path: "userName", value: "" }],
    ["givenName as a number", { op: "replace", path: "name.givenName", value: 42 }],
    ["an email that is not one", { op: "replace", path: 'emails[type eq "work"].value', value: "not-an-email" }],
    ["an unknown time zone", { op: "replace", path: "timezone", value: "Mars/Olympus_Mons" }],
    ["a preferredLanguage that is no tag", { op: "replace", path: "preferredLanguage", value: "not a tag" }],
  ])("%s with a wrong value is invalidValue", async (_what, operation) => {
    await refused([operation], "invalidValue");
  });

  it("all operations or none: an invalid second operation leaves the first unapplied and the version unchanged", async () => {
    const before = resource(await get());
    await refused(
      [
        { op: "replace", path: "name.givenName", value: "Babs" },
        { op: "remove", path: "name.givenName" },
        { op: "remove" },
      ],
      "noTarget",
    );
    const after = resource(await get());
    expect(after).toEqual(before);
    expect(after.meta.version).toBe('"1"');
    expect(await audit()).toHaveLength(0);
  });

  it("all operations or none: a read-only second operation leaves the first unapplied", async () => {
    await refused(
      [
        { op: "replace", path: "name.givenName", value: "Babs" },
        { op: "replace", path: "id", value: "another-id" },
      ],
      "mutability",
    );
    expect(resource(await get()).meta.version).toBe('"1"');
  });

  it.each([
    ["no schemas", { Operations: [{ op: "replace", path: "timezone", value: "UTC" }] }],
    [
      "another message schema",
      { schemas: [ERROR_URN], Operations: [{ op: "replace", path: "timezone", value: "UTC" }] },
    ],
    ["no Operations", { schemas: [PATCH_OP_URN] }],
    ["empty Operations", { schemas: [PATCH_OP_URN], Operations: [] }],
    ["an unknown op", { schemas: [PATCH_OP_URN], Operations: [{ op: "move", path: "timezone", value: "UTC" }] }],
    ["an operation without op", { schemas: [PATCH_OP_URN], Operations: [{ path: "timezone", value: "UTC" }] }],
  ])("a PatchOp with %s is 400", async (_why, body) => {
    const before = await row();
    const error = scimError(await write("PATCH", body), 400);
    expect(["invalidSyntax", "invalidValue"]).toContain(error.scimType);
    expect(await row()).toEqual(before);
  });
});

describe("If-Match", () => {
  it("PATCH with a stale If-Match is 412 and changes nothing; with the current one it succeeds", async () => {
    const before = await row();
    const stale = scimError(
      await patch([{ op: "replace", path: "name.givenName", value: "Stale" }], { headers: { "if-match": '"7"' } }),
      412,
    );
    expect(stale.scimType).toBeUndefined();
    expect(await row()).toEqual(before);
    const fresh = await patch([{ op: "replace", path: "name.givenName", value: "Fresh" }], {
      headers: { "if-match": '"1"' },
    });
    expect(resource(fresh).meta.version).toBe('"2"');
  });

  it("PUT with a stale If-Match is 412 and changes nothing; with meta.version it succeeds", async () => {
    const user = resource(await get());
    await patch([{ op: "replace", path: "timezone", value: "UTC" }]);
    const before = await row();
    scimError(await put(user, { headers: { "if-match": user.meta.version as string } }), 412);
    expect(await row()).toEqual(before);
    const current = resource(await get());
    expect(resource(await put(current, { headers: { "if-match": current.meta.version as string } })).timezone).toBe(
      "UTC",
    );
  });

  it("an ETag read through another contract guards a SCIM change", async () => {
    const etag = (await send(server, "GET", `/users/${BJENSEN}`, { as: "admin" })).headers.get("etag")!;
    expect(etag).toBe(resource(await get()).meta.version);
    await send(server, "PUT", `/users/${BJENSEN}`, {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "babs@example.com" }),
    });
    scimError(await patch([{ op: "replace", path: "timezone", value: "UTC" }], { headers: { "if-match": etag } }), 412);
  });

  it("of many PATCHes with the same If-Match, exactly one wins", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        patch([{ op: "replace", path: "name.givenName", value: `Writer ${i}` }], { headers: { "if-match": '"1"' } }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(7);
    expect(await audit()).toHaveLength(1);
  });

  it("concurrent PATCHes of different attributes all land: each applies to the user as stored", async () => {
    const operations = [
      { op: "replace", path: "name.givenName", value: "Babs" },
      { op: "replace", path: "name.familyName", value: "Jensen-Smith" },
      { op: "replace", path: "timezone", value: "UTC" },
      { op: "replace", path: "locale", value: "da-DK" },
      { op: "replace", path: "preferredLanguage", value: "da" },
      { op: "replace", path: "externalId", value: "ext-2" },
    ];
    const answers = await Promise.all(operations.map((operation) => patch([operation])));
    for (const answer of answers) resource(answer);
    const user = resource(await get());
    expect(user).toMatchObject({
      name: { givenName: "Babs", familyName: "Jensen-Smith" },
      timezone: "UTC",
      locale: "da-DK",
      preferredLanguage: "da",
      externalId: "ext-2",
    });
    expect(user.meta.version).toBe('"7"');
  });

  it("a meta.version inside a PUT body is no precondition", async () => {
    const user = resource(await put({ ...putExample, timezone: "UTC", meta: { version: '"42"' } }));
    expect(user.meta.version).toBe('"2"');
  });
});

describe("one directory behind the contracts", () => {
  /** The ETag of a user through each of the five contracts; they must agree. */
  async function etags(id: string) {
    const user = await row(id);
    const paths = [
      `/api/management/security/users/${id}`,
      `/user/${encodeURIComponent(user.username as string)}/profile`,
      `/user/${user.num}`,
      `/users/${id}`,
      location(id),
    ];
    const answers = await Promise.all(paths.map((path) => send(server, "GET", path, { as: "admin" })));
    const values = answers.map((a) => a.headers.get("etag"));
    expect(new Set(values).size, `one ETag for ${id}: ${values.join(" ")}`).toBe(1);
    return values[0];
  }

  it("a SCIM change shows through Contensis and Strapi, under one ETag", async () => {
    const user = resource(
      await patch([
        ...(patchExamples.update.value as { Operations: unknown[] }).Operations,
        { op: "replace", path: "userName", value: "barbara" },
        { op: "replace", value: { preferredLanguage: "da", timezone: "Europe/Copenhagen" } },
      ]),
    );
    const contensis = await send(server, "GET", `/api/management/security/users/${BJENSEN}`, { as: "admin" });
    expect(contensis.json).toMatchObject({
      username: "barbara",
      email: "barbara.jensen@example.com",
      firstname: "Barbara",
      lastname: "Jensen-Smith",
      language: "da",
      timezone: "Europe/Copenhagen",
      sys: { status: "active" },
    });
    const strapi = await send(server, "GET", `/users/${BJENSEN}`, { as: "admin" });
    expect(strapi.json).toMatchObject({
      username: "barbara",
      email: "barbara.jensen@example.com",
      blocked: false,
      updated_by: "admin",
    });
    expect(await etags(BJENSEN)).toBe(user.meta.version);
  });

  it("a SCIM deactivation shows as disabled through Contensis and blocked through Strapi", async () => {
    resource(await patch([{ op: "replace", value: { active: false } }]));
    const contensis = await send(server, "GET", `/api/management/security/users/${BJENSEN}`, { as: "admin" });
    expect(contensis.json.sys.status).toBe("disabled");
    const strapi = await send(server, "GET", `/users/${BJENSEN}`, { as: "admin" });
    expect(strapi.json.blocked).toBe(true);
  });

  it("a Contensis replacement shows through SCIM and moves meta.version; externalId and locale are kept", async () => {
    const contensis = await send(server, "PUT", `/api/management/security/users/${BJENSEN}`, {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        username: "bjensen",
        email: "babs@example.com",
        firstname: "Babs",
        lastname: "Jensen",
        timezone: "Europe/Copenhagen",
        language: "da",
      }),
    });
    expect(contensis.status, contensis.text).toBe(200);
    const user = resource(await get());
    expect(user).toEqual(
      bjensenWith({
        name: { formatted: "Babs Jensen", givenName: "Babs", familyName: "Jensen" },
        displayName: "Babs Jensen",
        emails: [{ value: "babs@example.com", type: "work", primary: true }],
        timezone: "Europe/Copenhagen",
        preferredLanguage: "da",
      }),
    );
    expect(user.meta.version).toBe(contensis.headers.get("etag"));
  });

  it("a Strapi block shows as active false", async () => {
    await send(server, "PUT", `/users/${BJENSEN}`, {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ blocked: true }),
    });
    expect(resource(await get()).active).toBe(false);
  });

  it("administrators change any user, other administrators and themselves included", async () => {
    expect(resource(await patch([{ op: "replace", path: "timezone", value: "UTC" }], { id: TDURDEN })).timezone).toBe(
      "UTC",
    );
    expect(
      resource(await patch([{ op: "replace", path: "name.givenName", value: "Adah" }], { id: ADMIN })).name,
    ).toEqual({ formatted: "Adah Admin", givenName: "Adah", familyName: "Admin" });
  });

  it("records who changed what through the SCIM contract", async () => {
    resource(await write("PATCH", patchExamples.update.value));
    const [entry] = await audit();
    expect(entry).toMatchObject({
      actor_id: ADMIN,
      contract: "scim",
      changes: {
        email: { old: "bjensen@example.com", new: "barbara.jensen@example.com" },
        last_name: { old: "Jensen", new: "Jensen-Smith" },
      },
    });
  });
});

describe("uniqueness (409 uniqueness, nothing changed)", () => {
  async function conflict(answer: Promise<Answer>) {
    const before = await row();
    scimError(await answer, 409, "uniqueness");
    expect(await row()).toEqual(before);
  }

  it("another user's userName, whatever its case", async () => {
    await conflict(patch([{ op: "replace", path: "userName", value: "TDurden" }]));
    await conflict(put({ ...putExample, userName: "tdurden" }));
  });

  it("another user's email, whatever its case", async () => {
    await conflict(patch([{ op: "replace", path: 'emails[type eq "work"].value', value: "T.Durden@FightClub.com" }]));
    await conflict(put({ ...putExample, emails: [{ value: "t.durden@fightclub.com", primary: true }] }));
  });

  it("another user's externalId, compared case-sensitively", async () => {
    resource(await patch([{ op: "add", path: "externalId", value: "00u-okta-1" }], { id: TDURDEN }));
    await conflict(patch([{ op: "replace", path: "externalId", value: "00u-okta-1" }]));
    await conflict(put({ ...putExample, externalId: "00u-okta-1" }));
    expect(resource(await patch([{ op: "replace", path: "externalId", value: "00U-OKTA-1" }])).externalId).toBe(
      "00U-OKTA-1",
    );
  });

  it("all operations or none: a taken userName in the second operation leaves the first unapplied", async () => {
    await conflict(
      patch([
        { op: "replace", path: "name.givenName", value: "Babs" },
        { op: "replace", path: "userName", value: "jonny1" },
      ]),
    );
  });

  it("deactivating the last active administrator is 409 and changes nothing", async () => {
    const before = await row(ADMIN);
    scimError(await patch([{ op: "Replace", path: "active", value: "False" }], { id: ADMIN }), 409);
    scimError(await patch([{ op: "replace", value: { active: false } }], { id: ADMIN }), 409);
    expect(await row(ADMIN)).toEqual(before);
  });
});

describe("who may read and change", () => {
  it("a user reads itself", async () => {
    expect(resource(await get({ as: "bjensen" })).userName).toBe("bjensen");
  });

  it("a user cannot read another user: 403", async () => {
    const error = scimError(await get({ id: TDURDEN, as: "bjensen" }), 403);
    expect(error.detail).toBe("Only the user itself or an administrator can do this.");
  });

  it.each([
    ["itself", "bjensen", BJENSEN],
    ["another user", "tdurden", BJENSEN],
    ["an administrator", "bjensen", ADMIN],
  ])("a non-administrator cannot change %s: 403 for PUT and PATCH, nothing changed", async (_whom, as, id) => {
    const before = await row(id);
    const current = resource(await get({ id }));
    scimError(await put({ ...current, timezone: "UTC" }, { id, as }), 403);
    scimError(await patch([{ op: "replace", path: "timezone", value: "UTC" }], { id, as }), 403);
    expect(await row(id)).toEqual(before);
  });

  it.each(["GET", "PUT", "PATCH"])(
    "%s without a token is 401 with WWW-Authenticate, in SCIM's error body",
    async (method) => {
      const body =
        method === "GET" ? undefined : JSON.stringify(method === "PUT" ? putExample : patchExamples.update.value);
      const answer = await send(server, method, location(BJENSEN), { headers: { "content-type": SCIM_JSON }, body });
      const error = scimError(answer, 401);
      expect(error.detail).toBe("A bearer token is required.");
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    },
  );

  it("a token that does not verify is 401", async () => {
    const answer = await send(server, "GET", location(BJENSEN), { headers: { authorization: "Bearer not.a.token" } });
    scimError(answer, 401);
  });

  it("a disabled user's token stops working at once", async () => {
    resource(await patch([{ op: "replace", value: { active: false } }]));
    scimError(await get({ as: "bjensen" }), 401);
  });
});

describe("requests the service refuses", () => {
  it.each(["GET", "PUT", "PATCH"])("%s of an unknown id is 404", async (method) => {
    const body =
      method === "GET" ? undefined : JSON.stringify(method === "PUT" ? putExample : patchExamples.update.value);
    const answer = await send(server, method, location(UNKNOWN), {
      as: "admin",
      headers: { "content-type": SCIM_JSON },
      body,
    });
    const error = scimError(answer, 404);
    expect(error.detail).toBe(`User '${UNKNOWN}' was not found.`);
  });

  it.each([
    ["PUT", putExample],
    ["PATCH", patchExamples.update.value],
  ])("%s in application/json is accepted as well", async (method, body) => {
    const answer = await send(server, method, location(BJENSEN), {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    resource(answer);
  });

  it.each(["PUT", "PATCH"])("%s in text/plain is 415, nothing changed", async (method) => {
    const before = await row();
    const answer = await send(server, method, location(BJENSEN), {
      as: "admin",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(putExample),
    });
    scimError(answer, 415);
    expect(await row()).toEqual(before);
  });

  it.each(["PUT", "PATCH"])("%s with a body that is not JSON is 400 invalidSyntax", async (method) => {
    scimError(await write(method as "PUT" | "PATCH", "{not json"), 400, "invalidSyntax");
  });

  it.each(["PUT", "PATCH"])("%s with a body over 1 MiB is 413", async (method) => {
    const big =
      method === "PUT"
        ? { ...putExample, nickName: "x".repeat(1_200_000) }
        : { schemas: [PATCH_OP_URN], Operations: [{ op: "add", path: "nickName", value: "x".repeat(1_200_000) }] };
    scimError(await write(method as "PUT" | "PATCH", big), 413);
  });

  it("an unknown query parameter is 400 in SCIM's error body", async () => {
    const answer = await send(server, "GET", `${location(BJENSEN)}?x=1`, { as: "admin" });
    scimError(answer, 400);
  });
});

describe("server modes", () => {
  it("REQUIRE_IF_MATCH=true: PUT and PATCH without If-Match are 428; with it they succeed", async () => {
    const strict = await startServer({ requireIfMatch: true });
    try {
      const options = { body: JSON.stringify(putExample), headers: { "content-type": SCIM_JSON }, as: "admin" };
      scimError(await send(strict, "PUT", location(BJENSEN), options), 428);
      const patchBody = JSON.stringify(patchExamples.deactivate.value);
      scimError(await send(strict, "PATCH", location(BJENSEN), { ...options, body: patchBody }), 428);
      const withEtag = { ...options, body: patchBody, headers: { ...options.headers, "if-match": '"1"' } };
      expect(resource(await send(strict, "PATCH", location(BJENSEN), withEtag)).active).toBe(false);
    } finally {
      await strict.close();
    }
  });

  it("READ_ONLY=true: PUT and PATCH are 403, GET works", async () => {
    const readOnly = await startServer({ readOnly: true });
    try {
      const options = { body: JSON.stringify(putExample), headers: { "content-type": SCIM_JSON }, as: "admin" };
      scimError(await send(readOnly, "PUT", location(BJENSEN), options), 403);
      const patchBody = JSON.stringify(patchExamples.deactivate.value);
      scimError(await send(readOnly, "PATCH", location(BJENSEN), { ...options, body: patchBody }), 403);
      resource(await send(readOnly, "GET", location(BJENSEN), { as: "admin" }));
    } finally {
      await readOnly.close();
    }
  });
});

describe("discovery documents", () => {
  it.each(["/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes", "/scim/v2/Schemas"])(
    "%s is served without a token, equal to its example",
    async (path) => {
      const example = operation(path, "get").responses["200"].content![SCIM_JSON].example;
      const anonymous = await send(server, "GET", path);
      expect(anonymous.status, anonymous.text).toBe(200);
      expect(anonymous.headers.get("content-type")).toMatch(/^application\/scim\+json/);
      expect(anonymous.json).toEqual(example);
      expect((await send(server, "GET", path, { as: "bjensen" })).json).toEqual(example);
    },
  );

  it("what /Schemas calls read-only, PUT and PATCH ignore", async () => {
    const schemas = operation("/scim/v2/Schemas", "get").responses["200"].content![SCIM_JSON].example as {
      Resources: {
        attributes: { name: string; mutability: string; subAttributes?: { name: string; mutability: string }[] }[];
      }[];
    };
    const readOnly = schemas.Resources[0].attributes.flatMap((a) => [
      ...(a.mutability === "readOnly" ? [a.name] : []),
      ...(a.subAttributes ?? []).filter((s) => s.mutability === "readOnly").map((s) => `${a.name}.${s.name}`),
    ]);
    expect(readOnly.sort()).toEqual(["displayName", "name.formatted"]);
    for (const path of readOnly) {
      expect(resource(await patch([{ op: "replace", path, value: "Someone Else" }])).meta.version, path).toBe('"1"');
      const [attribute, sub] = path.split(".");
      const body = sub
        ? { ...putExample, [attribute]: { ...putExample[attribute], [sub]: "Someone Else" } }
        : { ...putExample, [attribute]: "Someone Else" };
      expect(resource(await put(body)).meta.version, path).toBe('"1"');
    }
  });
});

describe("replayed provider sessions", () => {
  // Okta's SCIM client, as its "SCIM Protocol" page and a live capture show its headers (Host, Connection and
  // Content-Length are the transport's). Okta sends no If-Match.
  const OKTA_READ = {
    Accept: "application/scim+json",
    "Accept-Charset": "utf-8",
    "Accept-Encoding": "gzip,deflate",
    "User-Agent": "Okta SCIM Client 1.0.0",
  };
  const OKTA_WRITE = { ...OKTA_READ, "Content-Type": "application/scim+json; charset=utf-8" };

  it("Okta: GET then a full PUT update the profile, a second PUT the account and password, a path-less PATCH deactivates", async () => {
    // 1. Okta reads the user it provisioned.
    const got = resource(await send(server, "GET", location(BJENSEN), { as: "admin", headers: OKTA_READ }));
    expect(got.userName).toBe("bjensen");

    // 2. "Update the User" (developer.okta.com, SCIM 2.0 reference), verbatim but for the id Okta read and a
    // userName without "@" (verbatim: "test.user@okta.local").
    const profileUpdate = {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      id: got.id,
      userName: "test.user",
      name: {
        givenName: "Another",
        middleName: "Excited",
        familyName: "User",
      },
      emails: [
        {
          primary: true,
          value: "test.user@okta.local",
          type: "work",
          display: "test.user@okta.local",
        },
      ],
      active: true,
      groups: [],
      meta: {
        resourceType: "User",
      },
    };
    const updated = resource(
      await send(server, "PUT", location(BJENSEN), {
        as: "admin",
        headers: OKTA_WRITE,
        body: JSON.stringify(profileUpdate),
      }),
    );
    expect(updated).toEqual({
      schemas: [USER_URN],
      id: BJENSEN,
      userName: "test.user",
      name: { formatted: "Another User", givenName: "Another", familyName: "User" },
      displayName: "Another User",
      emails: [{ value: "test.user@okta.local", type: "work", primary: true }],
      active: true,
      meta: { ...got.meta, lastModified: expect.any(String), version: '"2"' },
    });

    // 3. Okta reads it again before the next update, and gets what the PUT answered.
    const reread = resource(await send(server, "GET", location(BJENSEN), { as: "admin", headers: OKTA_READ }));
    expect(reread).toEqual(updated);

    // 4. "Update account details" (Okta's older SCIM Protocol page), verbatim but for the id and the userName
    // (verbatim: "jane.doe@example.com"): meta with dates in no standard format and a version that is no ETag,
    // a displayName, an en_US locale and a password.
    const accountDetails = {
      id: BJENSEN,
      externalId: "00uq2kqg7YTkFo3cY0g3",
      meta: {
        resourceType: "User",
        created: "04-12-2018 00:00:00",
        lastModified: "04-12-2018 00:00:00",
        version: "v1.0",
      },
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "jane.doe",
      displayName: "Jane Doe",
      locale: "en_US",
      active: true,
      password: "TkdFNVdIVkxhM2c9",
      emails: [
        {
          value: "jane.doe@example.com",
          type: "work",
          primary: true,
        },
      ],
      name: {
        familyName: "Doe",
        givenName: "Jane",
      },
      groups: [],
    };
    const account = await send(server, "PUT", location(BJENSEN), {
      as: "admin",
      headers: OKTA_WRITE,
      body: JSON.stringify(accountDetails),
    });
    expect(resource(account)).toEqual({
      schemas: [USER_URN],
      id: BJENSEN,
      externalId: "00uq2kqg7YTkFo3cY0g3",
      userName: "jane.doe",
      name: { formatted: "Jane Doe", givenName: "Jane", familyName: "Doe" },
      displayName: "Jane Doe",
      emails: [{ value: "jane.doe@example.com", type: "work", primary: true }],
      active: true,
      locale: "en_US",
      meta: { ...got.meta, lastModified: expect.any(String), version: '"3"' },
    });
    expect(account.text).not.toContain("TkdFNVdIVkxhM2c9");
    expect((await row()).password_hash).toMatch(/^\$argon2id\$/);

    // 5. "Update a specific User (PATCH)": deactivation, verbatim.
    const deactivate = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        {
          op: "replace",
          value: {
            active: false,
          },
        },
      ],
    };
    const deactivated = resource(
      await send(server, "PATCH", location(BJENSEN), {
        as: "admin",
        headers: OKTA_WRITE,
        body: JSON.stringify(deactivate),
      }),
    );
    expect(deactivated).toEqual({ ...updatedOnly(account.json), active: false, meta: expect.any(Object) });
    expect(deactivated.meta.version).toBe('"4"');
    expect((await row()).status).toBe("disabled");
    expect((await send(server, "GET", `/users/${BJENSEN}`, { as: "admin" })).json.blocked).toBe(true);

    // 6. Reactivation: Okta prints no body for it; the deactivation's shape with true.
    const reactivate = { schemas: [PATCH_OP_URN], Operations: [{ op: "replace", value: { active: true } }] };
    const reactivated = resource(
      await send(server, "PATCH", location(BJENSEN), {
        as: "admin",
        headers: OKTA_WRITE,
        body: JSON.stringify(reactivate),
      }),
    );
    expect(reactivated.active).toBe(true);
    expect((await row()).status).toBe("active");
  });

  // Microsoft Entra ID's provisioning service: Authorization and this Content-type, no Accept, no If-Match.
  const ENTRA = { "Content-type": "application/scim+json" };
  const entra = (body: unknown) =>
    send(server, "PATCH", location(BJENSEN), { as: "admin", headers: ENTRA, body: JSON.stringify(body) });

  it('Entra ID: multi-attribute updates without and with aadOptscim062020, a rename, disable with "False", enable with "True"', async () => {
    const start = resource(await get());
    expect(start.externalId).toBe("701984");

    // 1. "Replace multiple attributes, without flag" (Entra's SCIM compliance page), verbatim but for displayName,
    // which is here what the names sent with it make (verbatim: "Pvlo"): one capitalised op per attribute, an
    // enterprise employeeNumber this directory does not store.
    const withoutFlag = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        {
          op: "Replace",
          path: "displayName",
          value: "Gtfd Pkqf",
        },
        {
          op: "Replace",
          path: 'emails[type eq "work"].value',
          value: "TestBcwqnm@test.microsoft.com",
        },
        {
          op: "Replace",
          path: "name.givenName",
          value: "Gtfd",
        },
        {
          op: "Replace",
          path: "name.familyName",
          value: "Pkqf",
        },
        {
          op: "Replace",
          path: "externalId",
          value: "Eqpj",
        },
        {
          op: "Replace",
          path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
          value: "Eqpj",
        },
      ],
    };
    const first = resource(await entra(withoutFlag));
    expect(first).toEqual({
      ...start,
      externalId: "Eqpj",
      name: { formatted: "Gtfd Pkqf", givenName: "Gtfd", familyName: "Pkqf" },
      displayName: "Gtfd Pkqf",
      emails: [{ value: "TestBcwqnm@test.microsoft.com", type: "work", primary: true }],
      meta: { ...start.meta, lastModified: expect.any(String), version: '"2"' },
    });

    // 2. "Replace multiple attributes, with flag": the filtered path stays an op, the rest one path-less replace
    // with dotted and URN-qualified keys. Verbatim but for displayName (verbatim: "Bjfe").
    const withFlag = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        {
          op: "replace",
          path: 'emails[type eq "work"].value',
          value: "TestMhvaes@test.microsoft.com",
        },
        {
          op: "replace",
          value: {
            displayName: "Kkom Unua",
            "name.givenName": "Kkom",
            "name.familyName": "Unua",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Aklq",
          },
        },
      ],
    };
    const second = resource(await entra(withFlag));
    expect(second).toEqual({
      ...first,
      name: { formatted: "Kkom Unua", givenName: "Kkom", familyName: "Unua" },
      displayName: "Kkom Unua",
      emails: [{ value: "TestMhvaes@test.microsoft.com", type: "work", primary: true }],
      meta: { ...first.meta, lastModified: expect.any(String), version: '"3"' },
    });

    // 3. "Update User [Single-valued properties]" (Entra's SCIM tutorial), the userName without its "@testuser.com".
    const rename = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        {
          op: "Replace",
          path: "userName",
          value: "5b50642d-79fc-4410-9e90-4c077cdd1a59",
        },
      ],
    };
    const renamed = resource(await entra(rename));
    expect(renamed.userName).toBe("5b50642d-79fc-4410-9e90-4c077cdd1a59");

    // 4. "Add single-value string, without flag": nickName is not stored, so nothing changes.
    const nickName = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        {
          op: "Add",
          path: "nickName",
          value: "Babs",
        },
      ],
    };
    expect(resource(await entra(nickName))).toEqual(renamed);

    // 5. "Disable user, without flag": a capitalised op and the string "False".
    const disable = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        {
          op: "Replace",
          path: "active",
          value: "False",
        },
      ],
    };
    const disabled = resource(await entra(disable));
    expect(disabled).toEqual({ ...renamed, active: false, meta: expect.any(Object) });
    expect(version(disabled)).toBe(version(renamed) + 1);
    expect((await row()).status).toBe("disabled");

    // 6. Re-enabling a soft-deleted user: the same update with "True".
    const enable = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "Replace", path: "active", value: "True" }],
    };
    const enabled = resource(await entra(enable));
    expect(enabled.active).toBe(true);
    expect(version(enabled)).toBe(version(disabled) + 1);

    // 7. "Disable user, with flag": a lowercase op and a JSON boolean.
    const disableWithFlag = {
      Operations: [
        {
          op: "replace",
          path: "active",
          value: false,
        },
      ],
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    };
    expect(resource(await entra(disableWithFlag)).active).toBe(false);

    // What the session left is what the other contracts show.
    const contensis = await send(server, "GET", `/api/management/security/users/${BJENSEN}`, { as: "admin" });
    expect(contensis.json).toMatchObject({
      username: "5b50642d-79fc-4410-9e90-4c077cdd1a59",
      email: "TestMhvaes@test.microsoft.com",
      firstname: "Kkom",
      lastname: "Unua",
      timezone: "America/Los_Angeles",
      language: "en-US",
      sys: { status: "disabled" },
    });
    expect(await row()).toMatchObject({ external_id: "Eqpj", locale: "en-US" });
  });
});

/** A resource without its meta, to compare the attributes of two answers. */
function updatedOnly(user: Record<string, any>) {
  const { meta: _ignored, ...attributes } = user;
  return attributes;
}
