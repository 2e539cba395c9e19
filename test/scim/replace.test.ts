// SCIM (contract E): PUT replaces the user; uniqueness of userName, email and externalId (and neither a userName nor
// an email may be another user's other one).
import { describe, expect, it } from "vitest";
import { send } from "../support/harness.ts";
import {
  server,
  BJENSEN,
  TDURDEN,
  ADMIN,
  USER_URN,
  ENTERPRISE_URN,
  putExample,
  row,
  audit,
  get,
  put,
  patch,
  resource,
  scimError,
  bjensenWith,
  bjensenAttributes,
  userUri,
  useScimServer,
  type Answer,
} from "./support.ts";

useScimServer();

describe("PUT replaces the user", () => {
  it("clears externalId, name, emails, locale, preferredLanguage and timezone when they are omitted", async () => {
    const user = resource(await put({ schemas: [USER_URN], userName: "bjensen" }));
    expect(user).toEqual({
      schemas: [USER_URN],
      id: BJENSEN,
      userName: "bjensen",
      displayName: "bjensen",
      active: true,
      meta: expect.objectContaining({ location: userUri(BJENSEN), version: '"2"' }),
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

  it("ignores id, meta and attributes it does not store", async () => {
    const user = resource(
      await put({
        ...putExample,
        schemas: [USER_URN, ENTERPRISE_URN],
        id: "another-id",
        meta: { resourceType: "User", created: "04-12-2018 00:00:00", version: '"99"' },
        name: { givenName: "Barbara", middleName: "Ann", familyName: "Jensen" },
        emails: [{ value: "bjensen@example.com", type: "work", primary: true, display: "Babs" }],
        nickName: "Babs",
        title: "Tour Guide",
        groups: [],
        roles: [],
        [ENTERPRISE_URN]: { employeeNumber: "701984", department: "Tour Operations" },
      }),
    );
    expect(user).toEqual(bjensenWith({}, '"1"'));
    expect(user.id).toBe(BJENSEN);
  });

  it("stores displayName and name.formatted as sent; omitted again, they are derived again", async () => {
    const user = resource(
      await put({ ...putExample, displayName: "Babs", name: { ...putExample.name, formatted: "Ms Barbara Jensen" } }),
    );
    expect(user).toMatchObject({ displayName: "Babs", name: { formatted: "Ms Barbara Jensen" } });
    expect(await row()).toMatchObject({ display_name: "Babs", formatted_name: "Ms Barbara Jensen" });
    expect(resource(await put(putExample))).toEqual(bjensenWith({}, '"3"'));
    expect(await row()).toMatchObject({ display_name: null, formatted_name: null });
  });

  it("the derived displayName and name.formatted sent back are no change, and stay derived", async () => {
    const user = resource(await put({ ...bjensenAttributes, timezone: "UTC" }));
    expect(user.meta.version).toBe('"2"');
    expect(await audit()).toEqual([expect.objectContaining({ changes: { timezone: expect.any(Object) } })]);
    expect(await row()).toMatchObject({ display_name: null, formatted_name: null });
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
    ["of any type", [{ value: "other@example.com", type: "other", primary: false }], "other@example.com"],
  ])("keeps the addresses as sent; %s is the email", async (_which, emails, email) => {
    const user = resource(await put({ ...putExample, emails }));
    expect(user.emails).toEqual(emails);
    expect((await row()).email).toBe(email);
    const strapi = await send(server, "GET", `/users/${BJENSEN}`, { as: "admin" });
    expect(strapi.json.email).toBe(email);
  });

  it("reads attribute names in any case (UserName, Emails[].Primary)", async () => {
    const { userName: _userName, emails: _emails, ...rest } = putExample;
    const user = resource(
      await put({
        ...rest,
        UserName: "barbara",
        EMAILS: [
          { Value: "babs@home.example.com", TYPE: "home" },
          { value: "barbara@example.com", Primary: true },
        ],
      }),
    );
    expect(user.userName).toBe("barbara");
    expect(user.emails).toEqual([
      { value: "babs@home.example.com", type: "home" },
      { value: "barbara@example.com", primary: true },
    ]);
    expect((await row()).email).toBe("barbara@example.com");
  });

  it("accepts an email-shaped userName, its own email included", async () => {
    const user = resource(await put({ ...putExample, userName: "bjensen@example.com" }));
    expect(user.userName).toBe("bjensen@example.com");
    expect(await row()).toMatchObject({ username: "bjensen@example.com", email: "bjensen@example.com" });
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
    ["a userName with white space", { ...putExample, userName: "b jensen" }],
    ["an email that is not one", { ...putExample, emails: [{ value: "not-an-email", type: "work", primary: true }] }],
    ["an email without value", { ...putExample, emails: [{ type: "work", primary: true }] }],
    [
      "two primary emails",
      {
        ...putExample,
        emails: [
          { value: "a@example.com", primary: true },
          { value: "b@example.com", primary: true },
        ],
      },
    ],
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

  it("another user's email as the userName, and another user's (email-shaped) userName as the email", async () => {
    await conflict(patch([{ op: "replace", path: "userName", value: "T.Durden@FightClub.com" }]));
    await conflict(put({ ...putExample, userName: "t.durden@fightclub.com" }));
    resource(await patch([{ op: "replace", path: "userName", value: "Tyler@Example.com" }], { id: TDURDEN }));
    await conflict(put({ ...putExample, emails: [{ value: "tyler@example.com" }] }));
    await conflict(patch([{ op: "replace", path: 'emails[type eq "work"].value', value: "TYLER@example.com" }]));
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
