// SCIM (contract E): the spec's examples, the User representation and the public discovery documents.
import { describe, expect, it } from "vitest";
import { send } from "../support/harness.ts";
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
  get,
  write,
  put,
  patch,
  resource,
  bjensenWith,
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
