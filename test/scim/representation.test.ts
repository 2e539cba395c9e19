// SCIM (contract E): the spec's examples, the User representation (derived names, addresses, its URI), the
// attributes a response holds, and the public discovery documents.
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { jsonBody, send } from "../support/harness.ts";
import {
  server,
  BJENSEN,
  TDURDEN,
  DHCLIENT,
  USER_URN,
  SCIM_JSON,
  operation,
  putExample,
  patchExamples,
  row,
  location,
  userUri,
  servedAt,
  get,
  write,
  put,
  patch,
  resource,
  bjensenWith,
  bjensenAttributes,
  useScimServer,
} from "./support.ts";

useScimServer();

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
        location: userUri("12345"),
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

  it.each([
    ["given and family names", { first_name: "Ann", last_name: "Lee" }, "Ann Lee", "Ann Lee"],
    ["a given name only", { first_name: "Ann", last_name: null }, "Ann", "Ann"],
    ["a family name only", { first_name: null, last_name: "Lee" }, "Lee", "Lee"],
    ["a formatted name", { formatted_name: "Dr Ann Lee" }, "Dr Ann Lee", "Dr Ann Lee"],
    ["a displayName and no names", { first_name: null, last_name: null, display_name: "Annie" }, undefined, "Annie"],
    ["no names", { first_name: null, last_name: null }, undefined, "bjensen"],
  ])(
    "with %s, name.formatted and displayName are derived as given, else from the names, else the userName",
    async (_with, columns, formatted, displayName) => {
      await server.db("users").where({ id: BJENSEN }).update(columns);
      const user = resource(await get());
      expect(user.name?.formatted).toBe(formatted);
      expect(user.displayName).toBe(displayName);
    },
  );

  it("a user never given addresses shows its email as its one primary work address", async () => {
    expect(resource(await get({ id: TDURDEN })).emails).toEqual([
      { value: "t.durden@fightclub.com", type: "work", primary: true },
    ]);
  });

  it("when another contract changes the email, the primary address takes the new value; the others stay", async () => {
    const emails = [
      { value: "babs@home.example.com", type: "home" },
      { value: "bjensen@example.com", type: "work", primary: true },
    ];
    resource(await put({ ...putExample, emails }));
    const strapi = await send(server, "PUT", `/users/${BJENSEN}`, {
      as: "admin",
      ...jsonBody({ email: "b@example.com" }),
    });
    expect(strapi.status, strapi.text).toBe(200);
    expect(resource(await get()).emails).toEqual([emails[0], { ...emails[1], value: "b@example.com" }]);
  });

  it("meta.location and Content-Location are the absolute URI of the user, on the Host the request named", async () => {
    const user = resource(await get());
    expect(user.meta.location).toBe(`${server.baseUrl}/scim/v2/Users/${BJENSEN}`);
    // fetch does not send a Host of one's own: node:http does.
    const { port } = new URL(server.baseUrl);
    const answer = await new Promise<{ location?: string; body: string }>((resolve, reject) => {
      const headers = { host: "scim.example.org:8443", ...server.auth("admin") };
      const req = request({ host: "127.0.0.1", port, path: location(BJENSEN), headers }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ location: res.headers["content-location"], body }));
      });
      req.on("error", reject);
      req.end();
    });
    const uri = `http://scim.example.org:8443/scim/v2/Users/${BJENSEN}`;
    expect(answer.location).toBe(uri);
    expect(JSON.parse(answer.body).meta.location).toBe(uri);
  });
});

describe("attributes and excludedAttributes on one user", () => {
  it("GET with attributes returns those (and id and schemas), with its headers", async () => {
    const answer = await get({ query: { attributes: "userName,name.givenName,EMAILS" } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      schemas: [USER_URN],
      id: BJENSEN,
      userName: "bjensen",
      name: { givenName: "Barbara" },
      emails: [{ value: "bjensen@example.com", type: "work", primary: true }],
    });
    expect(answer.headers.get("etag")).toBe('"1"');
    expect(answer.headers.get("content-location")).toBe(userUri(BJENSEN));
  });

  it("GET with excludedAttributes leaves those out, but never id or schemas", async () => {
    const answer = await get({ query: { excludedAttributes: "meta,emails,name.familyName,id,schemas" } });
    const { meta: _meta, emails: _emails, ...rest } = bjensenWith({}, '"1"');
    expect(answer.json).toEqual({ ...rest, name: { formatted: "Barbara Jensen", givenName: "Barbara" } });
  });

  it("PUT and PATCH answer with the attributes asked for, after the whole change", async () => {
    const patched = await patch([{ op: "replace", path: "timezone", value: "UTC" }], {
      query: { attributes: "timezone,meta.version" },
    });
    expect(patched.json).toEqual({ schemas: [USER_URN], id: BJENSEN, timezone: "UTC", meta: { version: '"2"' } });
    const replaced = await put(putExample, { query: { excludedAttributes: "meta" } });
    expect(replaced.json).toEqual(bjensenAttributes);
    expect(replaced.headers.get("etag")).toBe('"3"');
    expect((await row()).timezone).toBe("America/Los_Angeles");
  });

  it("an attribute name qualified by the core schema's URN is read as the attribute", async () => {
    const answer = await get({ query: { attributes: `${USER_URN}:userName` } });
    expect(answer.json).toEqual({ schemas: [USER_URN], id: BJENSEN, userName: "bjensen" });
  });
});

describe("discovery documents", () => {
  it.each(["/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes", "/scim/v2/Schemas"])(
    "%s is served without a token, equal to its example",
    async (path) => {
      const example = servedAt(operation(path, "get").responses["200"].content![SCIM_JSON].example);
      const anonymous = await send(server, "GET", path);
      expect(anonymous.status, anonymous.text).toBe(200);
      expect(anonymous.headers.get("content-type")).toMatch(/^application\/scim\+json/);
      expect(anonymous.json).toEqual(example);
      expect((await send(server, "GET", path, { as: "bjensen" })).json).toEqual(example);
    },
  );

  it("/Schemas declares every stored attribute readWrite, the password writeOnly, and PUT and PATCH store them", async () => {
    const schemas = operation("/scim/v2/Schemas", "get").responses["200"].content![SCIM_JSON].example as {
      Resources: {
        attributes: { name: string; mutability: string; subAttributes?: { name: string; mutability: string }[] }[];
      }[];
    };
    const mutability = Object.fromEntries(
      schemas.Resources[0].attributes.flatMap((a) => [
        [a.name, a.mutability],
        ...(a.subAttributes ?? []).map((sub) => [`${a.name}.${sub.name}`, sub.mutability]),
      ]),
    );
    expect(new Set(Object.values(mutability))).toEqual(new Set(["readWrite", "writeOnly"]));
    expect(mutability.password).toBe("writeOnly");
    expect(mutability).toMatchObject({ displayName: "readWrite", "name.formatted": "readWrite" });
    const patched = resource(
      await patch([
        { op: "replace", path: "displayName", value: "Babs" },
        { op: "replace", path: "name.formatted", value: "Barbara J." },
      ]),
    );
    expect(patched).toMatchObject({ displayName: "Babs", name: { formatted: "Barbara J." } });
    const replaced = resource(await put({ ...putExample, displayName: "B.", name: { formatted: "B. Jensen" } }));
    expect(replaced).toMatchObject({ displayName: "B.", name: { formatted: "B. Jensen" } });
  });
});
