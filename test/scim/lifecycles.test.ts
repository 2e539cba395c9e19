// SCIM (contract E): a user's whole provisioning life, as Okta and as Microsoft Entra ID document the requests
// they send (Okta's SCIM 2.0 protocol reference; Entra's SCIM tutorial and its SCIM compliance page), replayed in
// their order: the connection test, matching, creating, reading, updating, deactivating and (Entra) deleting,
// and Okta's import of every user page by page.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { send } from "../support/harness.ts";
import { server, USER_URN, ENTERPRISE_URN, PATCH_OP_URN, ERROR_URN, scimError, useScimServer } from "./support.ts";

useScimServer();

const LIST_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const emptyList = { schemas: [LIST_URN], totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] };
type User = Record<string, any>;
const ids = (list: User) => (list.Resources as User[]).map((user) => user.id as string);

describe("Okta", () => {
  // Okta's SCIM client: these headers on every request (its reference's samples), no If-Match; bodies in SCIM's
  // media type with a charset.
  const READ = { Accept: "application/scim+json", "Accept-Charset": "utf-8", "User-Agent": "Okta SCIM Client 1.0.0" };
  const WRITE = { ...READ, "Content-Type": "application/scim+json; charset=utf-8" };
  const okta = (method: string, path: string, body?: unknown) =>
    send(server, method, `/scim/v2${path}`, {
      as: "admin",
      headers: body === undefined ? READ : WRITE,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  /** Okta's "does the user exist" query, encoded as its reference shows it ("@" too), with its page. */
  const match = async (userName: string) => {
    const answer = await okta(
      "GET",
      `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`,
    );
    expect(answer.status).toBe(200);
    return answer.json as { totalResults: number; Resources: User[] };
  };
  /** The create body Okta's reference documents: a password and an empty groups list come with every user. */
  const oktaUser = (userName: string, externalId: string) => ({
    schemas: [USER_URN],
    userName,
    name: { givenName: "Test", familyName: "User" },
    emails: [{ primary: true, value: userName, type: "work" }],
    displayName: "Test User",
    locale: "en-US",
    externalId,
    groups: [],
    password: "1mz050nq",
    active: true,
  });

  it("Test API Credentials (startIndex 1, count 2): a ListResponse whose numbers are integers", async () => {
    const answer = await okta("GET", "/Users?startIndex=1&count=2");
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ schemas: [LIST_URN], startIndex: 1, itemsPerPage: 2 });
    expect(Number.isInteger(answer.json.totalResults)).toBe(true);
    expect(answer.json.Resources).toHaveLength(2);
  });

  it("match by userName: an existing user is found with what Okta links it by; an unknown one is an empty list", async () => {
    const found = await match("BJENSEN");
    expect(found.totalResults).toBe(1);
    // Okta's FAQ: each resource of the answer has schemas, id, userName, active and meta's location and type.
    expect(found.Resources[0]).toMatchObject({
      schemas: [USER_URN],
      id: expect.any(String),
      userName: "bjensen",
      active: true,
      meta: { location: expect.stringContaining(found.Resources[0].id), resourceType: "User" },
    });
    expect(await match("test.user@okta.local")).toEqual(emptyList);
  });

  it("create, read, full PUT, path-less PATCH to deactivate, and back", async () => {
    const userName = "test.user@okta.local";
    expect((await match(userName)).totalResults).toBe(0);

    // Create: 201 with the user (an empty body makes Okta fail); password and groups are taken, never returned.
    const createdAnswer = await okta("POST", "/Users", oktaUser(userName, "00ujl29u0le5T6Aj10h7"));
    expect(createdAnswer.status, createdAnswer.text).toBe(201);
    const created = createdAnswer.json;
    expect(created).toMatchObject({
      userName,
      externalId: "00ujl29u0le5T6Aj10h7",
      name: { givenName: "Test", familyName: "User" },
      emails: [{ value: userName, type: "work", primary: true }],
      locale: "en-US",
      active: true,
    });
    expect(createdAnswer.text).not.toContain("1mz050nq");
    expect(created.groups).toBeUndefined();
    // Creating it again is 409 with a SCIM Error.
    scimError(await okta("POST", "/Users", oktaUser(userName, "00ujl29u0le5T6Aj10h8")), 409, "uniqueness");

    // Okta now finds it, and reads it by the id it stored.
    expect(ids(await match(userName))).toEqual([created.id]);
    const read = await okta("GET", `/Users/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created);

    // Update: Okta reads, then PUTs the whole user back, id, meta and groups included (its reference's body).
    const replaced = await okta("PUT", `/Users/${created.id}`, {
      schemas: [USER_URN],
      id: created.id,
      userName,
      name: { givenName: "Another", middleName: "Excited", familyName: "User" },
      emails: [{ primary: true, value: userName, type: "work", display: userName }],
      active: true,
      groups: [],
      meta: { resourceType: "User" },
    });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.json.name).toEqual({ formatted: "Another User", givenName: "Another", familyName: "User" });
    // A replace clears what it leaves out (externalId, locale): RFC 7644 §3.5.1.
    expect(replaced.json.externalId).toBeUndefined();

    // Deactivate: a replace with no path whose value is an object. 200 with the user (Okta also takes 204).
    const deactivate = (active: boolean) => ({
      schemas: [PATCH_OP_URN],
      Operations: [{ op: "replace", value: { active } }],
    });
    const deactivated = await okta("PATCH", `/Users/${created.id}`, deactivate(false));
    expect(deactivated.status).toBe(200);
    expect(deactivated.json.active).toBe(false);
    // Okta never deletes: a deactivated user stays readable and findable, inactive.
    expect((await okta("GET", `/Users/${created.id}`)).json.active).toBe(false);
    expect((await match(userName)).Resources[0]).toMatchObject({ id: created.id, active: false });

    const reactivated = await okta("PATCH", `/Users/${created.id}`, deactivate(true));
    expect(reactivated.status).toBe(200);
    expect(reactivated.json).toMatchObject({ id: created.id, active: true, name: replaced.json.name });
  });

  it("import: pages of 100 from startIndex 1 walk every user once, in an order a change does not disturb", async () => {
    for (let batch = 0; batch < 25; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const n = batch * 10 + i;
          const answer = await okta("POST", "/Users", oktaUser(`import.${n}@okta.local`, `00uimport${n}`));
          expect(answer.status, answer.text).toBe(201);
        }),
      );
    }
    const everyone = (await okta("GET", "/Users?startIndex=1&count=1000")).json;
    expect(everyone.totalResults).toBeGreaterThanOrEqual(250);

    // Okta asks startIndex 1, 101, 201, … until it has totalResults users.
    const walk = async (between?: (page: number) => Promise<void>) => {
      const seen: string[] = [];
      for (let startIndex = 1, page = 0; ; startIndex += 100, page++) {
        const answer = await okta("GET", `/Users?startIndex=${startIndex}&count=100`);
        expect(answer.status).toBe(200);
        const list = answer.json;
        expect(list).toMatchObject({ schemas: [LIST_URN], startIndex, totalResults: everyone.totalResults });
        expect(list.itemsPerPage).toBe(Math.min(100, everyone.totalResults - startIndex + 1));
        seen.push(...ids(list));
        if (startIndex + 100 > list.totalResults) return seen;
        await between?.(page);
      }
    };
    const first = await walk();
    expect(first).toEqual(ids(everyone));
    expect(new Set(first).size).toBe(everyone.totalResults);

    // A user of the last page changes while Okta is on the first: the walk still sees each user once, in place.
    const last = first[first.length - 1];
    const second = await walk(async (page) => {
      if (page !== 0) return;
      const answer = await okta("PATCH", `/Users/${last}`, {
        schemas: [PATCH_OP_URN],
        Operations: [{ op: "replace", value: { active: false } }],
      });
      expect(answer.status).toBe(200);
    });
    expect(second).toEqual(first);
  });
});

describe("Microsoft Entra ID", () => {
  // Entra's provisioning service: Authorization, and this Content-type on everything; no Accept, no If-Match.
  const ENTRA = { "Content-type": "application/scim+json" };
  const entra = (method: string, path: string, body?: unknown) =>
    send(server, method, `/scim/v2${path}`, {
      as: "admin",
      headers: ENTRA,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const query = async (filter: string) => {
    const answer = await entra("GET", `/Users?filter=${encodeURIComponent(filter)}`);
    expect(answer.status, answer.text).toBe(200);
    return answer.json;
  };
  const patch = async (id: string, ...operations: unknown[]) => {
    const answer = await entra("PATCH", `/Users/${id}`, { schemas: [PATCH_OP_URN], Operations: operations });
    expect(answer.status, answer.text).toBe(200);
    return answer.json as User;
  };

  it("Test Connection: a random GUID as the userName is 200 with an empty ListResponse, Resources []", async () => {
    expect(await query(`userName eq "${randomUUID()}"`)).toEqual(emptyList);
  });

  it("/Schemas, read on saving the configuration: a ListResponse, camel-cased values, no nulls", async () => {
    const answer = await entra("GET", "/Schemas");
    expect(answer.status).toBe(200);
    expect(answer.json.schemas).toEqual([LIST_URN]);
    const user = answer.json.Resources.find((schema: User) => schema.id === USER_URN);
    expect(user.attributes.map((attribute: User) => attribute.name)).toEqual(
      expect.arrayContaining(["userName", "name", "emails", "active", "externalId"]),
    );
    expect(answer.text).not.toContain("null");
    const mutability = [...answer.text.matchAll(/"mutability":"([^"]*)"/g)].map((found) => found[1]);
    expect(mutability).toContain("readWrite");
    for (const value of mutability) expect(["readOnly", "readWrite", "immutable", "writeOnly"]).toContain(value);
  });

  it("the tutorial's other create, with nulls and a misspelt extension URN: 201; then matched by externalId", async () => {
    const answer = await entra("POST", "/Users", {
      schemas: [USER_URN, "urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
      externalId: "jyoung",
      userName: "jyoung@testuser.com",
      active: true,
      addresses: null,
      displayName: "Joy Young",
      emails: [{ type: "work", value: "jyoung@Contoso.com", primary: true }],
      meta: { resourceType: "User" },
      name: { familyName: "Young", givenName: "Joy" },
      phoneNumbers: null,
      preferredLanguage: null,
      title: null,
      department: null,
      manager: null,
    });
    expect(answer.status, answer.text).toBe(201);
    // A null is no value (RFC 7643 §2.5): nothing of it comes back. The address keeps its case.
    expect(answer.text).not.toContain("null");
    expect(answer.json).toMatchObject({ externalId: "jyoung", emails: [{ value: "jyoung@Contoso.com" }] });
    // The tutorial writes this query's value unquoted, which RFC 7644's filter grammar does not allow.
    scimError(await entra("GET", `/Users?filter=${encodeURIComponent("externalId eq jyoung")}`), 400, "invalidFilter");
    expect(ids(await query('externalId eq "jyoung"'))).toEqual([answer.json.id]);
  });

  it("match, create, match again, update (Replace, Add, Remove), disable, the flagged patch form, delete", async () => {
    const guid = randomUUID();
    const userName = `Test_User_${guid}`;
    const work = `Test_User_${randomUUID()}@testuser.com`;
    const externalId = randomUUID();
    // The matching queries Entra may send, by userName (its default), externalId and the work address.
    const matches = async (id?: string) => {
      for (const filter of [
        `userName eq "${userName}"`,
        `externalId eq "${externalId}"`,
        `emails[type eq "work"].value eq "${work}"`,
      ])
        expect(ids(await query(filter))).toEqual(id ? [id] : []);
    };
    await matches();

    // Create, the tutorial's body: 201 with id, externalId, meta, userName, name, active and emails.
    const createdAnswer = await entra("POST", "/Users", {
      schemas: [USER_URN, ENTERPRISE_URN],
      externalId,
      userName,
      active: true,
      emails: [{ primary: true, type: "work", value: work }],
      meta: { resourceType: "User" },
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      roles: [],
    });
    expect(createdAnswer.status, createdAnswer.text).toBe(201);
    const created = createdAnswer.json;
    expect(created).toMatchObject({
      id: expect.any(String),
      externalId,
      userName,
      active: true,
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      emails: [{ primary: true, type: "work", value: work }],
      meta: { resourceType: "User", created: expect.any(String), lastModified: expect.any(String) },
    });
    await matches(created.id);

    // "Update User [Multi-valued properties]": the work address through a filter, and the family name.
    const updated = await patch(
      created.id,
      { op: "Replace", path: 'emails[type eq "work"].value', value: "updatedEmail@microsoft.com" },
      { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
    );
    expect(updated.emails).toEqual([{ value: "updatedEmail@microsoft.com", type: "work", primary: true }]);
    expect(updated.name.familyName).toBe("updatedFamilyName");
    expect(ids(await query('emails[type eq "work"].value eq "UPDATEDEMAIL@microsoft.com"'))).toEqual([created.id]);

    // "[Single-valued properties]": a new userName, by which Entra then finds the user.
    const renamed = `${randomUUID()}@testuser.com`;
    expect((await patch(created.id, { op: "Replace", path: "userName", value: renamed })).userName).toBe(renamed);
    expect(ids(await query(`userName eq "${renamed}"`))).toEqual([created.id]);

    // Add, then Remove, as Entra emits the ops: capitalised. A manager (the tutorial's Add) is not kept here.
    const added = await patch(
      created.id,
      { op: "Add", path: "preferredLanguage", value: "sv-SE" },
      { op: "Add", path: "manager", value: [{ $ref: `/scim/v2/Users/${created.id}`, value: created.id }] },
    );
    expect(added.preferredLanguage).toBe("sv-SE");
    expect(added.manager).toBeUndefined();
    const removed = await patch(
      created.id,
      { op: "Remove", path: "preferredLanguage" },
      { op: "Remove", path: "name.givenName" },
    );
    expect(removed.preferredLanguage).toBeUndefined();
    // name.formatted was sent as the names make it, so it stays derived: now the family name alone.
    expect(removed.name).toEqual({ formatted: "updatedFamilyName", familyName: "updatedFamilyName" });

    // Disable without aadOptscim062020: the string "False". The disabled user is still read and matched.
    expect((await patch(created.id, { op: "Replace", path: "active", value: "False" })).active).toBe(false);
    expect((await entra("GET", `/Users/${created.id}`)).json.active).toBe(false);
    expect((await query(`userName eq "${renamed}"`)).Resources[0]).toMatchObject({ id: created.id, active: false });

    // With aadOptscim062020: lower-case ops, JSON booleans, and several attributes in one path-less replace
    // whose keys are paths (an enterprise employeeNumber, which this directory does not keep, among them).
    expect((await patch(created.id, { op: "replace", path: "active", value: true })).active).toBe(true);
    const flagged = await patch(
      created.id,
      { op: "replace", path: 'emails[type eq "work"].value', value: "TestMhvaes@test.microsoft.com" },
      {
        op: "replace",
        value: {
          displayName: "Kkom Unua",
          "name.givenName": "Kkom",
          "name.familyName": "Unua",
          [`${ENTERPRISE_URN}:employeeNumber`]: "Aklq",
        },
      },
      { op: "add", path: "externalId", value: "Eqpj" },
    );
    expect(flagged).toMatchObject({
      userName: renamed,
      externalId: "Eqpj",
      displayName: "Kkom Unua",
      name: { givenName: "Kkom", familyName: "Unua" },
      emails: [{ value: "TestMhvaes@test.microsoft.com", type: "work", primary: true }],
      active: true,
    });
    expect(JSON.stringify(flagged)).not.toContain("Aklq");
    expect((await patch(created.id, { op: "replace", path: "active", value: false })).active).toBe(false);

    // Delete (after the disable stage): 204; then 404 with a status, and no query finds the user.
    const deleted = await entra("DELETE", `/Users/${created.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    const gone = await entra("GET", `/Users/${created.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ schemas: [ERROR_URN], status: "404" });
    expect(await query(`userName eq "${renamed}"`)).toEqual(emptyList);
    expect(await query('externalId eq "Eqpj"')).toEqual(emptyList);
  });
});
