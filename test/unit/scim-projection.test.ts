// src/scim/projection.ts on its own: `attributes` and `excludedAttributes` (RFC 7644 §3.9, §3.4.2.5) applied to a
// User resource; `id` and `schemas` always stay.
import { describe, expect, it } from "vitest";
import { attributeList, project } from "../../src/scim/projection.ts";
import { USER_SCHEMA } from "../../src/scim/schema.ts";

const ID = "2819c223-7f76-453a-919d-413861904646";

/** bjensen as GET /scim/v2/Users/{id} renders her. */
const bjensen = () => ({
  schemas: [USER_SCHEMA],
  id: ID,
  externalId: "701984",
  userName: "bjensen",
  name: { formatted: "Barbara Jensen", givenName: "Barbara", familyName: "Jensen" },
  displayName: "Barbara Jensen",
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true },
    { value: "babs@home.example", type: "home" },
  ],
  active: true,
  locale: "en-US",
  meta: {
    resourceType: "User",
    created: "2024-01-15T09:30:00.000Z",
    lastModified: "2024-03-02T17:05:12.000Z",
    location: `http://127.0.0.1:3000/scim/v2/Users/${ID}`,
    version: '"2"',
  },
});

describe("attributeList", () => {
  it.each<[string | string[] | undefined, string[] | undefined]>([
    [undefined, undefined],
    ["", undefined],
    [" , ,", undefined],
    [[], undefined],
    ["userName", ["username"]],
    ["userName,emails", ["username", "emails"]],
    [" userName , name.givenName ", ["username", "name.givenname"]],
    [
      ["DisplayName", "META.lastModified"],
      ["displayname", "meta.lastmodified"],
    ],
    [`${USER_SCHEMA}:userName`, ["username"]],
    [`${USER_SCHEMA.toUpperCase()}:name.familyName`, ["name.familyname"]],
    ['emails[type eq "work"]', ["emails"]],
    ['emails[type eq "work"].value', ["emails.value"]],
    [
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
      ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department"],
    ],
  ])("%j → %j", (list, names) => {
    expect(attributeList(list)).toEqual(names);
  });
});

describe("project: attributes", () => {
  const projected = (attributes: string) => project(bjensen(), attributeList(attributes));

  it("none asked: the resource as it is", () => {
    expect(project(bjensen())).toEqual(bjensen());
    expect(project(bjensen(), undefined, undefined)).toEqual(bjensen());
  });

  it("returns only the attributes asked, with id and schemas", () => {
    expect(projected("userName,active")).toEqual({ schemas: [USER_SCHEMA], id: ID, userName: "bjensen", active: true });
  });

  it("reads names in any case and writes them as the resource has them", () => {
    expect(projected("USERNAME,DisplayName")).toEqual({
      schemas: [USER_SCHEMA],
      id: ID,
      userName: "bjensen",
      displayName: "Barbara Jensen",
    });
  });

  it("a complex attribute whole, or some of its sub-attributes", () => {
    expect(projected("name").name).toEqual(bjensen().name);
    expect(projected("name.givenName").name).toEqual({ givenName: "Barbara" });
    expect(projected("name.givenName,name.familyName").name).toEqual({ givenName: "Barbara", familyName: "Jensen" });
    expect(projected("meta.version").meta).toEqual({ version: '"2"' });
  });

  it("the whole attribute wins over some of its sub-attributes, in either order", () => {
    expect(projected("name.givenName,name").name).toEqual(bjensen().name);
    expect(projected("name,name.givenName").name).toEqual(bjensen().name);
  });

  it("a sub-attribute of a multi-valued attribute, in each value", () => {
    expect(projected("emails.value").emails).toEqual([
      { value: "bjensen@example.com" },
      { value: "babs@home.example" },
    ]);
  });

  it("a value filter stands for the whole attribute", () => {
    expect(projected('emails[type eq "work"]').emails).toEqual(bjensen().emails);
  });

  it("the core schema's URN may qualify a name", () => {
    expect(projected(`${USER_SCHEMA}:userName`)).toEqual({ schemas: [USER_SCHEMA], id: ID, userName: "bjensen" });
  });

  it("an attribute the resource has not, or unassigned, is left out", () => {
    expect(projected("nickName,timezone")).toEqual({ schemas: [USER_SCHEMA], id: ID });
    expect(projected("name.middleName")).toEqual({ schemas: [USER_SCHEMA], id: ID, name: {} });
  });

  it("id and schemas asked for change nothing", () => {
    expect(projected("id,schemas")).toEqual({ schemas: [USER_SCHEMA], id: ID });
  });
});

describe("project: excludedAttributes", () => {
  const excluded = (names: string) => project(bjensen(), undefined, attributeList(names));

  it("leaves out the attributes named", () => {
    const { meta: _meta, emails: _emails, ...rest } = bjensen();
    expect(excluded("meta,EMAILS")).toEqual(rest);
  });

  it("leaves out sub-attributes, in each value of a multi-valued one", () => {
    expect(excluded("name.formatted").name).toEqual({ givenName: "Barbara", familyName: "Jensen" });
    expect(excluded("emails.primary,emails.type").emails).toEqual([
      { value: "bjensen@example.com" },
      { value: "babs@home.example" },
    ]);
  });

  it("never leaves out id or schemas", () => {
    expect(excluded("id,schemas,userName")).toMatchObject({ schemas: [USER_SCHEMA], id: ID });
    expect(excluded("id,schemas,userName")).not.toHaveProperty("userName");
  });

  it("ignores what the resource has not", () => {
    expect(excluded("nickName,timezone.x")).toEqual(bjensen());
  });
});

describe("project: both", () => {
  it("excludes from what attributes selected", () => {
    expect(project(bjensen(), attributeList("userName,name,active"), attributeList("name.formatted,active"))).toEqual({
      schemas: [USER_SCHEMA],
      id: ID,
      userName: "bjensen",
      name: { givenName: "Barbara", familyName: "Jensen" },
    });
  });

  it("leaves the resource given as it was", () => {
    const resource = bjensen();
    project(resource, attributeList("name.givenName"), attributeList("emails.value"));
    project(resource, undefined, attributeList("meta,name.formatted"));
    expect(resource).toEqual(bjensen());
  });
});
