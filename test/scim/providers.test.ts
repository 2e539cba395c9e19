// SCIM (contract E): what Okta and Microsoft Entra ID send to provision, update, deactivate and delete a user,
// replayed.
import { describe, expect, it } from "vitest";
import { send } from "../support/harness.ts";
import {
  server,
  BJENSEN,
  USER_URN,
  PATCH_OP_URN,
  createExample,
  location,
  row,
  get,
  resource,
  created,
  listed,
  version,
  useScimServer,
} from "./support.ts";

useScimServer();

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

    // 2. "Update the User" (developer.okta.com, SCIM 2.0 reference), verbatim but for the id Okta read.
    const profileUpdate = {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      id: got.id,
      userName: "test.user@okta.local",
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
      userName: "test.user@okta.local",
      name: { formatted: "Another User", givenName: "Another", familyName: "User" },
      displayName: "Another User",
      emails: [{ value: "test.user@okta.local", type: "work", primary: true }],
      active: true,
      meta: { ...got.meta, lastModified: expect.any(String), version: '"2"' },
    });

    // 3. Okta reads it again before the next update, and gets what the PUT answered.
    const reread = resource(await send(server, "GET", location(BJENSEN), { as: "admin", headers: OKTA_READ }));
    expect(reread).toEqual(updated);

    // 4. "Update account details" (Okta's older SCIM Protocol page), verbatim but for the id: meta with dates in no
    // standard format and a version that is no ETag, a displayName, an en_US locale and a password.
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
      userName: "jane.doe@example.com",
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
      userName: "jane.doe@example.com",
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

    // 1. "Replace multiple attributes, without flag" (Entra's SCIM compliance page), verbatim: one capitalised op per
    // attribute, a displayName of its own, an enterprise employeeNumber this directory does not store.
    const withoutFlag = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        {
          op: "Replace",
          path: "displayName",
          value: "Pvlo",
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
      displayName: "Pvlo",
      emails: [{ value: "TestBcwqnm@test.microsoft.com", type: "work", primary: true }],
      meta: { ...start.meta, lastModified: expect.any(String), version: '"2"' },
    });

    // 2. "Replace multiple attributes, with flag", verbatim: the filtered path stays an op, the rest one path-less
    // replace with dotted and URN-qualified keys.
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
            displayName: "Bjfe",
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
      displayName: "Bjfe",
      emails: [{ value: "TestMhvaes@test.microsoft.com", type: "work", primary: true }],
      meta: { ...first.meta, lastModified: expect.any(String), version: '"3"' },
    });

    // 3. "Update User [Single-valued properties]" (Entra's SCIM tutorial), verbatim.
    const rename = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        {
          op: "Replace",
          path: "userName",
          value: "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com",
        },
      ],
    };
    const renamed = resource(await entra(rename));
    expect(renamed.userName).toBe("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");

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
      username: "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com",
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

describe("replayed provisioning lifecycles", () => {
  const query = (filter: string, headers: Record<string, string>, extra = "") =>
    send(server, "GET", `/scim/v2/Users?filter=${encodeURIComponent(filter)}${extra}`, { as: "admin", headers });

  it("Okta: looks the user up by userName, finds none, creates it (the spec's example, Okta's), then finds it", async () => {
    const OKTA = { Accept: "application/scim+json", "User-Agent": "Okta SCIM Client 1.0.0" };
    const lookUp = () => query('userName eq "test.user@okta.local"', OKTA, "&startIndex=1&count=100");
    expect(listed(await lookUp())).toMatchObject({ totalResults: 0, startIndex: 1, Resources: [] });
    const headers = { ...OKTA, "Content-Type": "application/scim+json; charset=utf-8" };
    const body = JSON.stringify(createExample);
    const user = created(await send(server, "POST", "/scim/v2/Users", { as: "admin", headers, body }));
    expect(listed(await lookUp())).toMatchObject({ totalResults: 1, Resources: [user] });
  });

  // Microsoft Entra ID's "User Operations" (learn.microsoft.com, "Tutorial: Develop and plan provisioning for a SCIM
  // endpoint"), verbatim, one after the other on the user the first creates.
  it("Entra ID: query (none), create, get, query by userName and by work email, update, rename, disable, delete", async () => {
    const ENTRA = { "Content-type": "application/scim+json" };
    const entraSend = (method: string, path: string, body?: unknown) =>
      send(server, method, path, {
        as: "admin",
        headers: ENTRA,
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    // "Get User by query - Zero results".
    const none = await query('userName eq "non-existent user"', ENTRA);
    expect(listed(none)).toMatchObject({ totalResults: 0, startIndex: 1, Resources: [] });

    // "Create User".
    const createUser = {
      schemas: [
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      ],
      externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
      userName: "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
      active: true,
      emails: [{ primary: true, type: "work", value: "Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com" }],
      meta: { resourceType: "User" },
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      roles: [],
    };
    const user = created(await entraSend("POST", "/scim/v2/Users", createUser));
    expect(user).toEqual({
      schemas: [USER_URN],
      id: user.id,
      externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
      userName: "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
      name: { formatted: "givenName familyName", givenName: "givenName", familyName: "familyName" },
      displayName: "givenName familyName",
      emails: [{ value: "Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com", type: "work", primary: true }],
      active: true,
      meta: expect.objectContaining({ resourceType: "User", version: '"1"' }),
    });

    // "Get User", and "Get User by query" (by userName, and by the work email, as Entra's note says it may).
    expect(resource(await entraSend("GET", location(user.id)))).toEqual(user);
    const byName = await query('userName eq "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee"', ENTRA);
    expect(listed(byName)).toMatchObject({ totalResults: 1, startIndex: 1, Resources: [user] });
    const work = 'emails[type eq "work"].value eq "Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"';
    expect(listed(await query(work, ENTRA)).Resources).toEqual([user]);

    // "Update User [Multi-valued properties]". (What name.formatted shows after it: provisioning.test.ts.)
    const update = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        { op: "Replace", path: 'emails[type eq "work"].value', value: "updatedEmail@microsoft.com" },
        { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
      ],
    };
    expect(resource(await entraSend("PATCH", location(user.id), update))).toMatchObject({
      name: { givenName: "givenName", familyName: "updatedFamilyName" },
      emails: [{ value: "updatedEmail@microsoft.com", type: "work", primary: true }],
    });

    // "Update User [Single-valued properties]".
    const newName = "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com";
    const rename = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "Replace", path: "userName", value: newName }],
    };
    expect(resource(await entraSend("PATCH", location(user.id), rename)).userName).toBe(newName);

    // "Disable User".
    const disable = { Operations: [{ op: "Replace", path: "active", value: false }], schemas: [PATCH_OP_URN] };
    expect(resource(await entraSend("PATCH", location(user.id), disable)).active).toBe(false);

    // "Delete User": 204; then it is not found, by id or by query.
    expect((await entraSend("DELETE", location(user.id))).status).toBe(204);
    expect((await entraSend("GET", location(user.id))).status).toBe(404);
    expect(listed(await query(`userName eq "${newName}"`, ENTRA))).toMatchObject({ totalResults: 0 });
  });
});

/** A resource without its meta, to compare the attributes of two answers. */
function updatedOnly(user: Record<string, any>) {
  const { meta: _ignored, ...attributes } = user;
  return attributes;
}
