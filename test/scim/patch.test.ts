// SCIM (contract E): PATCH applies a PatchOp, all operations or none, as identity providers send them; addresses kept
// as sent, one primary; displayName and name.formatted stored, derived while unset.
import { describe, expect, it } from "vitest";
import {
  server,
  BJENSEN,
  DHCLIENT,
  USER_URN,
  ENTERPRISE_URN,
  PATCH_OP_URN,
  ERROR_URN,
  putExample,
  row,
  audit,
  get,
  write,
  put,
  patch,
  resource,
  scimError,
  bjensenWith,
  useScimServer,
} from "./support.ts";

useScimServer();

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

  it("an added primary email becomes the email: the others stay, no longer primary (RFC 7644 §3.5.2)", async () => {
    const emails = [{ value: "barbara@example.com", type: "work", primary: true }];
    expect(resource(await patch([{ op: "add", path: "emails", value: emails }])).emails).toEqual([
      { value: "bjensen@example.com", type: "work", primary: false },
      { value: "barbara@example.com", type: "work", primary: true },
    ]);
    expect((await row()).email).toBe("barbara@example.com");
  });

  it("an added address without primary joins the others; the email stays", async () => {
    const user = resource(await patch([{ op: "add", path: "emails", value: [{ value: "babs@home.example.com" }] }]));
    expect(user.emails).toEqual([
      { value: "bjensen@example.com", type: "work", primary: true },
      { value: "babs@home.example.com" },
    ]);
    expect((await row()).email).toBe("bjensen@example.com");
  });

  it("adding an address already there (whatever its case) updates it in place instead of adding it again", async () => {
    resource(
      await put({ ...putExample, emails: [{ value: "babs@home.example.com", type: "home" }, ...putExample.emails] }),
    );
    const user = resource(
      await patch([{ op: "add", path: "emails", value: [{ value: "BABS@home.example.com", type: "other" }] }]),
    );
    expect(user.emails).toEqual([
      { value: "BABS@home.example.com", type: "other" },
      { value: "bjensen@example.com", type: "work", primary: true },
    ]);
  });

  it.each([
    ["through a filter on its value", 'emails[value eq "babs@home.example.com"].primary', true],
    ["through a filter on its type", 'emails[type eq "home"]', { primary: true }],
  ])(
    "an address made primary %s takes the primary place from the others and becomes the email",
    async (_how, path, value) => {
      resource(
        await put({ ...putExample, emails: [...putExample.emails, { value: "babs@home.example.com", type: "home" }] }),
      );
      const user = resource(await patch([{ op: "replace", path, value }]));
      expect(user.emails).toEqual([
        { value: "bjensen@example.com", type: "work", primary: false },
        { value: "babs@home.example.com", type: "home", primary: true },
      ]);
      expect((await row()).email).toBe("babs@home.example.com");
    },
  );

  it("replaces the addresses a filter selects by an object, keeping what it does not name", async () => {
    const user = resource(
      await patch([{ op: "replace", path: 'emails[type eq "work"]', value: { value: "w@example.com" } }]),
    );
    expect(user.emails).toEqual([{ value: "w@example.com", type: "work", primary: true }]);
    expect((await row()).email).toBe("w@example.com");
  });

  it("reads sub-attribute names in values in any case (Value, Primary)", async () => {
    const user = resource(
      await patch([
        { op: "add", path: "emails", value: [{ Value: "babs@home.example.com", Type: "home", PRIMARY: true }] },
      ]),
    );
    expect(user.emails).toEqual([
      { value: "bjensen@example.com", type: "work", primary: false },
      { value: "babs@home.example.com", type: "home", primary: true },
    ]);
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
    expect(user.emails).toEqual([{ value: "dh@example.com", type: "work" }]);
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

  it("the userName may be email-shaped", async () => {
    expect(resource(await patch([{ op: "replace", path: "userName", value: "Barbara@Example.com" }])).userName).toBe(
      "Barbara@Example.com",
    );
    expect((await row()).username).toBe("Barbara@Example.com");
  });
});

describe("PATCH of displayName and name.formatted (stored; derived while unset)", () => {
  it.each([
    ["displayName", { op: "replace", path: "displayName", value: "Barbara Jensen" }],
    ["name.formatted", { op: "replace", path: "name.formatted", value: "Barbara Jensen" }],
    ["displayName without path", { op: "replace", value: { displayName: "Barbara Jensen" } }],
    ["displayName removed while derived", { op: "remove", path: "displayName" }],
  ])("%s sent with the value it shows is no change: same ETag, no audit row", async (_what, operation) => {
    const before = await row();
    const user = resource(await patch([operation]));
    expect(user.meta.version).toBe('"1"');
    expect(await row()).toEqual(before);
    expect(await audit()).toHaveLength(0);
  });

  it("a derived displayName sent back with a change of names (as Entra sends it) stays derived", async () => {
    const user = resource(
      await patch([
        { op: "Replace", path: "displayName", value: "Barbara Jensen" },
        { op: "Replace", path: "name.familyName", value: "Jensen-Smith" },
      ]),
    );
    expect(user).toMatchObject({
      displayName: "Barbara Jensen-Smith",
      name: { formatted: "Barbara Jensen-Smith", familyName: "Jensen-Smith" },
    });
    expect(await row()).toMatchObject({ display_name: null, formatted_name: null });
  });

  it("a displayName given is stored and kept when the names change, until it is removed", async () => {
    expect(resource(await patch([{ op: "replace", path: "displayName", value: "Babs" }])).displayName).toBe("Babs");
    expect((await row()).display_name).toBe("Babs");
    const renamed = resource(await patch([{ op: "replace", path: "name.givenName", value: "Barb" }]));
    expect(renamed).toMatchObject({ displayName: "Babs", name: { formatted: "Barb Jensen" } });
    expect(resource(await patch([{ op: "remove", path: "displayName" }])).displayName).toBe("Barb Jensen");
    expect((await row()).display_name).toBeNull();
  });

  it("a name.formatted given is stored, and is the displayName while none is given", async () => {
    const user = resource(await patch([{ op: "replace", path: "name.formatted", value: "Ms Barbara Jensen" }]));
    expect(user).toMatchObject({ displayName: "Ms Barbara Jensen", name: { formatted: "Ms Barbara Jensen" } });
    expect((await row()).formatted_name).toBe("Ms Barbara Jensen");
    expect(resource(await patch([{ op: "remove", path: "name.formatted" }])).name.formatted).toBe("Barbara Jensen");
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
    ["active", { op: "replace", path: "active", value: "maybe" }],
    ["active as a number", { op: "replace", value: { active: 0 } }],
    ["userName with white space", { op: "replace", path: "userName", value: "b jensen" }],
    ["userName empty", { op: "replace", path: "userName", value: "" }],
    ["givenName as a number", { op: "replace", path: "name.givenName", value: 42 }],
    ["an email that is not one", { op: "replace", path: 'emails[type eq "work"].value', value: "not-an-email" }],
    ["an unknown time zone", { op: "replace", path: "timezone", value: "Mars/Olympus_Mons" }],
    ["a preferredLanguage that is no tag", { op: "replace", path: "preferredLanguage", value: "not a tag" }],
  ])("%s with a wrong value is invalidValue", async (_what, operation) => {
    await refused([operation], "invalidValue");
  });

  it.each(["active", "password", "Active"])(
    "remove %s (which has no unassigned state) is invalidValue",
    async (path) => {
      await refused([{ op: "remove", path }], "invalidValue");
    },
  );

  it.each([
    ["replace", "a string", "x@example.com"],
    ["replace", "a list", [{ value: "x@example.com" }]],
    ["add", "a string", "x@example.com"],
    ["Add", "a string, where the filter selects nothing", "x@example.com", 'emails[type eq "home"]'],
  ])(
    "%s through emails[…] without a sub-attribute needs an object, not %s: invalidValue",
    async (op, _what, value, path = 'emails[type eq "work"]') => {
      await refused([{ op, path, value }], "invalidValue");
    },
  );

  it("two primary addresses are invalidValue", async () => {
    const emails = [
      { value: "a@example.com", primary: true },
      { value: "b@example.com", primary: true },
    ];
    await refused([{ op: "replace", path: "emails", value: emails }], "invalidValue");
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
