// src/scim/patch.ts on its own: a SCIM PatchOp (RFC 7644 §3.5.2) applied to a User resource, all operations or none.
import { describe, expect, it } from "vitest";
import type { components } from "../../generated/api.ts";
import { scim } from "../../src/contracts/scim.ts";
import { applyPatch } from "../../src/scim/patch.ts";
import { USER_SCHEMA } from "../../src/scim/schema.ts";
import { ApiError } from "../../src/wire/api-error.ts";

type Operation = components["schemas"]["ScimPatchOperation"];
type Problem = ApiError["context"]["problem"];

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const WORK = 'emails[type eq "work"]';
const HOME = 'emails[type eq "home"]';
const ID = "2819c223-7f76-453a-919d-413861904646";

/** bjensen as GET /scim/v2/Users/{id} renders her (openapi.yaml's ScimUserOk example): what a patch applies to. */
const bjensen = () => ({
  schemas: [USER_SCHEMA],
  id: ID,
  externalId: "701984",
  userName: "bjensen",
  name: { formatted: "Barbara Jensen", givenName: "Barbara", familyName: "Jensen" },
  displayName: "Barbara Jensen",
  emails: [{ value: "bjensen@example.com", type: "work", primary: true }],
  active: true,
  locale: "en-US",
  preferredLanguage: "en-US",
  timezone: "America/Los_Angeles",
  meta: {
    resourceType: "User",
    created: "2024-01-15T09:30:00.000Z",
    lastModified: "2024-03-02T17:05:12.000Z",
    location: `/scim/v2/Users/${ID}`,
    version: '"2"',
  },
});

const op = (kind: string, path?: string, value?: Operation["value"]): Operation => ({ op: kind, path, value });

const apply = (resource: Record<string, unknown>, ...operations: Operation[]): Record<string, any> =>
  applyPatch({ schemas: [PATCH_OP], Operations: operations }, resource);
const patched = (...operations: Operation[]) => apply(bjensen(), ...operations);

const refusal = (...operations: Operation[]): ApiError => {
  try {
    patched(...operations);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("the patch was applied");
};

describe("simple attributes", () => {
  it.each(["add", "replace"])("%s sets a single-valued attribute", (kind) => {
    expect(patched(op(kind, "timezone", "Europe/Oslo"))).toEqual({ ...bjensen(), timezone: "Europe/Oslo" });
  });

  it("remove unassigns a single-valued attribute", () => {
    const { timezone: _timezone, ...rest } = bjensen();
    expect(patched(op("remove", "timezone"))).toEqual(rest);
  });

  it.each(["Replace", "REPLACE", "Add", "aDd"])("reads op %s in any case", (kind) => {
    expect(patched(op(kind, "locale", "nb-NO")).locale).toBe("nb-NO");
  });

  it("reads op Remove in any case", () => {
    expect(patched(op("Remove", "locale"))).not.toHaveProperty("locale");
  });

  it("reads attribute names in any case and writes them by the schema's name", () => {
    const user = patched(op("replace", "PreferredLanguage", "nb"));
    expect(user.preferredLanguage).toBe("nb");
    expect(user).not.toHaveProperty("PreferredLanguage");
  });

  it.each([
    ["True", true],
    ["False", false],
    ["FALSE", false],
  ])('reads the boolean active sent as "%s"', (value, active) => {
    expect(patched(op("replace", "active", value)).active).toBe(active);
    expect(patched(op("replace", undefined, { active: value })).active).toBe(active);
  });
});

describe("complex attributes", () => {
  const { formatted, givenName, familyName } = bjensen().name;
  const babs = { formatted, givenName: "Babs", familyName };

  it.each<[string, Operation, object]>([
    ["replace sets one sub-attribute", op("replace", "name.givenName", "Babs"), babs],
    ["sub-attribute names are read in any case", op("add", "NAME.GIVENNAME", "Babs"), babs],
    [
      "a value for the attribute is merged into it",
      op("replace", "name", { familyName: "Smith" }),
      { formatted, givenName, familyName: "Smith" },
    ],
    ["remove unassigns one sub-attribute", op("remove", "name.familyName"), { formatted, givenName }],
  ])("%s, keeping the others", (_rule, operation, name) => {
    expect(patched(operation).name).toEqual(name);
  });

  it("add sets a sub-attribute of an attribute the user has not", () => {
    const { name: _name, ...user } = bjensen();
    expect(apply(user, op("add", "name.givenName", "Babs")).name).toEqual({ givenName: "Babs" });
  });
});

describe("multi-valued attributes", () => {
  const work = bjensen().emails[0];
  const babs = { ...work, value: "babs@example.com" };
  const home = { value: "babs@home.example", type: "home" };
  const primaryHome = { ...home, primary: true };
  const demoted = { ...work, primary: false };

  it.each<[string, Operation, object[]]>([
    ["replace sets a sub-attribute of the values a filter selects", op("Replace", `${WORK}.value`, babs.value), [babs]],
    ["filters compare case-insensitively", op("replace", 'emails[TYPE eq "WORK"].value', babs.value), [babs]],
    ["an object replacing selected values is merged into them", op("replace", WORK, { value: babs.value }), [babs]],
    ['a boolean sub-attribute may be "False"', op("replace", `${WORK}.primary`, "False"), [demoted]],
    ["remove drops the values a filter selects", op("remove", WORK), []],
    ["remove drops the values listed in value (Entra)", op("remove", "emails", [{ value: "BJensen@Example.COM" }]), []],
    ["add without a filter appends the values", op("add", "emails", [home]), [work, home]],
    ["replace without a filter replaces every value", op("replace", "emails", [primaryHome]), [primaryHome]],
    ["a value added as primary takes the primary place", op("add", "emails", primaryHome), [demoted, primaryHome]],
    ["add through an eq filter selecting none adds it", op("add", `${HOME}.value`, home.value), [work, home]],
    ["replace through an eq filter selecting none adds it", op("replace", `${HOME}.value`, home.value), [work, home]],
    [
      "add through an and-filter of eq selecting none adds a value with each of them",
      op("add", 'emails[type eq "home" and primary eq false].value', home.value),
      [work, { ...home, primary: false }],
    ],
  ])("%s", (_rule, operation, emails) => {
    expect(patched(operation).emails).toEqual(emails);
  });

  describe("a value made primary takes the primary place from the others (RFC 7643 §2.4, RFC 7644 §3.5.2)", () => {
    const both = () => ({ ...bjensen(), emails: [work, home] });

    it.each<[string, Operation]>([
      ["its primary set through a filter", op("replace", `${HOME}.primary`, true)],
      ['its primary set through a filter, as "True"', op("add", `${HOME}.primary`, "True")],
      ["an object merged through a filter", op("replace", HOME, { primary: true })],
      ["the same value added as primary", op("add", "emails", [primaryHome])],
    ])("%s", (_how, operation) => {
      expect(apply(both(), operation).emails).toEqual([demoted, primaryHome]);
    });

    it("a value added as primary through an eq filter selecting none", () => {
      expect(patched(op("add", 'emails[type eq "home" and primary eq true].value', home.value)).emails).toEqual([
        demoted,
        primaryHome,
      ]);
    });

    it("a value made not primary leaves the others as they are", () => {
      expect(apply(both(), op("replace", `${WORK}.primary`, false)).emails).toEqual([demoted, home]);
    });

    it("several values selected and made primary: the contract refuses the result (at most one is)", () => {
      const two = { ...bjensen(), emails: [work, home, { value: "b@other.example", type: "home" }] };
      const result = apply(two, op("replace", `${HOME}.primary`, true));
      expect(result.emails.map((email: { primary?: boolean }) => email.primary)).toEqual([false, true, true]);
      expect(scim.checkRequest!(result as never, ID)).toEqual([
        { field: "emails", message: "at most one address may be primary" },
      ]);
    });
  });

  describe("adding a value already present updates it in place (RFC 7644 §3.5.2.1)", () => {
    it("the same value changes nothing", () => {
      expect(patched(op("add", "emails", [work])).emails).toEqual([work]);
      expect(patched(op("add", "emails", work)).emails).toEqual([work]);
    });

    it("the same address in another case is the same value", () => {
      const upper = { value: "BJensen@Example.COM" };
      expect(patched(op("add", "emails", [upper])).emails).toEqual([{ ...work, ...upper }]);
    });

    it("its other sub-attributes are updated where it is", () => {
      const both = { ...bjensen(), emails: [work, home] };
      expect(apply(both, op("add", "emails", [{ value: work.value, type: "other" }])).emails).toEqual([
        { ...work, type: "other" },
        home,
      ]);
    });

    it("a new value beside one already present is appended once", () => {
      expect(patched(op("add", "emails", [work, home])).emails).toEqual([work, home]);
    });

    it("through an operation without a path too", () => {
      expect(patched(op("add", undefined, { emails: [work] })).emails).toEqual([work]);
    });
  });

  describe("a value for the values a filter selects is an object (RFC 7644 §3.5.2.3)", () => {
    it.each<[string, Operation["value"]]>([
      ["a string", "babs@example.com"],
      ["a boolean", true],
      ["a number", 5],
      ["a list", [{ value: "babs@example.com" }]],
    ])("%s is refused, and nothing is spread into keys", (_what, value) => {
      for (const kind of ["replace", "add"]) {
        const error = refusal(op(kind, WORK, value));
        expect(error).toMatchObject({ kind: "invalid", details: [{ field: "Operations[0].path" }] });
        expect(error.context.problem).toBeUndefined();
      }
    });

    it("a sub-attribute's value through a filter is the sub-attribute's", () => {
      expect(patched(op("replace", `${WORK}.value`, babs.value)).emails).toEqual([babs]);
    });
  });
});

describe("operations without a path", () => {
  it.each([
    ["an attribute", { name: { givenName: "Babs" } }],
    ["a dotted path", { "name.givenName": "Babs" }],
    ["a URN-qualified path", { [`${USER_SCHEMA}:name.givenName`]: "Babs" }],
    ["the core schema's URN", { [USER_SCHEMA]: { name: { givenName: "Babs" } } }],
  ])("read keys that are %s", (_how, value) => {
    const name = { ...bjensen().name, givenName: "Babs" };
    expect(patched(op("add", undefined, value)).name).toEqual(name);
    expect(patched(op("replace", undefined, value)).name).toEqual(name);
  });

  it("skip schemas and the resource's own id", () => {
    const value = { schemas: [USER_SCHEMA], id: ID, userName: "babs" };
    expect(patched(op("replace", undefined, value))).toEqual({ ...bjensen(), userName: "babs" });
  });

  it("a path that is the core schema's URN reads the value as attributes", () => {
    expect(patched(op("replace", USER_SCHEMA, { userName: "babs" })).userName).toBe("babs");
  });
});

describe("what the directory does not store is ignored", () => {
  it.each([
    ["an unknown attribute", "nickName", "Babs"],
    ["an unknown sub-attribute", "name.middleName", "Jane"],
    ["the enterprise extension", ENTERPRISE, { department: "Tour operations" }],
    ["an enterprise extension attribute", `${ENTERPRISE}:employeeNumber`, "701984"],
  ])("%s", (_what, path, value) => {
    expect(patched(op("replace", path, value))).toEqual(bjensen());
    expect(patched(op("replace", undefined, { [path]: value }))).toEqual(bjensen());
  });
});

describe("displayName and name.formatted are stored (derived only while unset)", () => {
  it.each<[string, string, string, (user: ReturnType<typeof bjensen>) => unknown]>([
    ["displayName", "displayName", "Babs", (user) => ({ ...user, displayName: "Babs" })],
    ["displayName by its URN", `${USER_SCHEMA}:displayName`, "Babs", (user) => ({ ...user, displayName: "Babs" })],
    [
      "name.formatted",
      "name.formatted",
      "Ms. Barbara J. Jensen III",
      (user) => ({ ...user, name: { ...user.name, formatted: "Ms. Barbara J. Jensen III" } }),
    ],
    [
      "name.formatted by its URN",
      `${USER_SCHEMA}:name.formatted`,
      "Babs Jensen",
      (user) => ({ ...user, name: { ...user.name, formatted: "Babs Jensen" } }),
    ],
  ])("%s is replaced", (_what, path, value, expected) => {
    for (const kind of ["replace", "add"]) {
      expect(patched(op(kind, path, value))).toEqual(expected(bjensen()));
      expect(patched(op(kind, undefined, { [path]: value }))).toEqual(expected(bjensen()));
    }
  });

  it("name.formatted through name, beside the other parts", () => {
    expect(patched(op("replace", "name", { formatted: "B. Jensen" })).name).toEqual({
      ...bjensen().name,
      formatted: "B. Jensen",
    });
  });

  it("removed, they are unassigned (the server derives them again)", () => {
    const { displayName: _displayName, ...withoutDisplayName } = bjensen();
    expect(patched(op("remove", "displayName"))).toEqual(withoutDisplayName);
    const { formatted: _formatted, ...name } = bjensen().name;
    expect(patched(op("remove", "name.formatted")).name).toEqual(name);
  });

  it("sending the value shown changes nothing in the resource", () => {
    expect(patched(op("replace", "displayName", "Barbara Jensen"))).toEqual(bjensen());
    expect(patched(op("replace", "name.formatted", "Barbara Jensen"))).toEqual(bjensen());
  });

  it.each([
    ["a displayName over 257 characters", op("replace", "displayName", "x".repeat(258)), "displayName"],
    ["a name.formatted over 257 characters", op("replace", "name.formatted", "x".repeat(258)), "name.formatted"],
    ["a displayName that is not a string", op("replace", "displayName", 5), "displayName"],
  ])("%s is refused by the schema", (_what, operation, field) => {
    const error = refusal(operation);
    expect(error.kind).toBe("invalid");
    expect(error.details.map((d) => d.field).join(" ")).toContain(field);
  });
});

describe("refusals", () => {
  it.each([
    ["id", "mutability"],
    [`${USER_SCHEMA}:id`, "mutability"],
    ["meta.version", "mutability"],
    ['emails[type eq "work"', "path"],
    ["name.givenName.first", "path"],
    ["userName.first", "path"],
    ['name[givenName eq "Barbara"]', "path"],
    ["emails[type eq work].value", "filter"],
    ["emails[type].value", "filter"],
    ['emails[type eq "work" and].value', "filter"],
    ["emails[].value", "filter"],
  ])("the path %s is refused: %s", (path, problem) => {
    expect(refusal(op("replace", path, "x"))).toMatchObject({ kind: "invalid", context: { problem } });
  });

  it.each<[string, Problem, Operation]>([
    ["remove through a filter selecting none", "noTarget", op("remove", HOME)],
    ["add through a non-eq filter selecting none", "noTarget", op("add", 'emails[value co "home"].value', "x@y.com")],
    ["replace through a non-eq filter selecting none", "noTarget", op("replace", 'emails[value co "home"]', {})],
    ["remove without a path", "noTarget", op("remove")],
    ["a value without a path that is not an object", "path", op("replace", undefined, "babs")],
    ["a value without a path that changes the id", "mutability", op("replace", undefined, { id: "another" })],
    ["a value without a path that changes meta", "mutability", op("add", undefined, { meta: { version: '"9"' } })],
  ])("%s is refused: %s", (_what, problem, operation) => {
    expect(refusal(operation)).toMatchObject({ kind: "invalid", context: { problem } });
  });

  it.each(["active", "password", "ACTIVE", `${USER_SCHEMA}:active`])(
    "removing %s, which has no unassigned state here, is refused (invalidValue)",
    (path) => {
      const error = refusal(op("remove", path));
      expect(error).toMatchObject({ kind: "invalid", details: [{ field: "Operations[0].path" }] });
      expect(error.context.problem).toBeUndefined();
    },
  );

  it("names the operation refused", () => {
    const error = refusal(op("replace", "locale", "nb-NO"), op("remove", "meta"));
    expect(error.details).toEqual([{ field: "Operations[1].path", message: "'meta' is read-only" }]);
  });

  it.each([
    ["active", op("replace", "active", "yes")],
    ["name", op("replace", "name", "Babs")],
    ["userName", op("replace", "userName", 42)],
    ["emails.0.value", op("replace", "emails", [{ value: "not an email" }])],
    ["resource", op("remove", "userName")],
  ])("the result must pass the schema: %s", (field, operation) => {
    const error = refusal(operation);
    expect(error.kind).toBe("invalid");
    expect(error.context.problem).toBeUndefined();
    expect(error.details.map((d) => d.field)).toContain(field);
  });
});

describe("all operations or none", () => {
  it("returns a new resource and leaves the one given as it was", () => {
    const user = bjensen();
    const result = apply(user, op("replace", `${WORK}.value`, "b@example.com"), op("remove", "name.givenName"));
    expect(result).not.toBe(user);
    expect(user).toEqual(bjensen());
  });

  it.each([
    ["an unreadable path", op("replace", "name..givenName", "Babs")],
    ["a result the schema refuses", op("replace", "active", "maybe")],
  ])("a later operation with %s leaves no partial result", (_what, bad) => {
    const user = bjensen();
    expect(() => apply(user, op("replace", "userName", "babs"), op("remove", "emails"), bad)).toThrow(ApiError);
    expect(user).toEqual(bjensen());
  });
});
