// src/directory/policy.ts on its own: who may read, write and administer users.
import { describe, expect, it } from "vitest";
import { CallerNotActive, Forbidden, LastAdministrator } from "../../src/directory/errors.ts";
import type { Caller, ChangeField, RoleType, Status, User } from "../../src/directory/model.ts";
import {
  authorizeAdministration,
  authorizeRead,
  authorizeWrite,
  demotesAdministrator,
  keepsAnAdministrator,
  requireActiveCaller,
  type AccessTable,
} from "../../src/directory/policy.ts";

const user = (username: string, role: RoleType = "client", status: Status = "active"): User => ({
  id: `id-${username}`,
  num: 1,
  username,
  email: `${username}@example.com`,
  emails: null,
  display_name: null,
  formatted_name: null,
  first_name: null,
  last_name: null,
  timezone: null,
  language: null,
  locale: null,
  external_id: null,
  attributes: {},
  role,
  status,
  confirmed: true,
  provider: null,
  intro_reviewed: false,
  last_login: null,
  version: 1,
  created_at: new Date("2024-01-15T09:30:00Z"),
  updated_at: new Date("2024-01-15T09:30:00Z"),
  created_by: null,
  updated_by: null,
});

const callerOf = ({ id, username, role, status }: User): Caller => ({ id, username, role, status });

const admin = user("admin", "admin");
const bjensen = user("bjensen");
const tdurden = user("tdurden");

/** What `act` throws (it must throw). */
const thrown = (act: () => void): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
};

describe("requireActiveCaller", () => {
  it("accepts an active caller", () => {
    expect(() => requireActiveCaller(callerOf(bjensen))).not.toThrow();
  });

  it("refuses a token whose user is not in the directory", () => {
    expect(() => requireActiveCaller(undefined)).toThrow(CallerNotActive);
  });

  it.each(["locked", "disabled"] as const)("refuses a %s caller, even an administrator", (status) => {
    expect(() => requireActiveCaller(callerOf(user("bjensen", "client", status)))).toThrow(CallerNotActive);
    expect(() => requireActiveCaller(callerOf(user("admin", "admin", status)))).toThrow(
      `The bearer token's user is ${status}.`,
    );
  });
});

describe("authorizeRead", () => {
  it("a user may read itself", () => {
    expect(() => authorizeRead(callerOf(bjensen), bjensen)).not.toThrow();
  });

  it("an administrator may read anyone", () => {
    expect(() => authorizeRead(callerOf(admin), bjensen)).not.toThrow();
  });

  it("a client may not read another user: Forbidden READ", () => {
    const error = thrown(() => authorizeRead(callerOf(bjensen), tdurden));
    expect(error).toBeInstanceOf(Forbidden);
    expect(error).toMatchObject({ permission: "READ", callerName: "bjensen", targetName: "tdurden", fields: [] });
  });
});

describe("authorizeWrite", () => {
  const access: AccessTable = {
    first_name: "self",
    last_name: "self",
    timezone: "self",
    role: "admin",
    status: "admin",
  };

  it.each<[string, ChangeField[]]>([
    ["fields for itself", ["first_name", "timezone"]],
    ["fields for administrators", ["role", "status"]],
    ["fields the table does not list", ["username", "password"]],
    ["nothing", []],
  ])("an administrator may write %s, on anyone", (_what, sent) => {
    expect(() => authorizeWrite(callerOf(admin), bjensen, access, sent)).not.toThrow();
    expect(() => authorizeWrite(callerOf(admin), admin, access, sent)).not.toThrow();
  });

  it("a client may write its own self fields", () => {
    expect(() =>
      authorizeWrite(callerOf(bjensen), bjensen, access, ["first_name", "last_name", "timezone"]),
    ).not.toThrow();
  });

  it.each<[string, ChangeField[], ChangeField[]]>([
    ["admin fields", ["first_name", "role", "status"], ["role", "status"]],
    ["fields the table does not list", ["username", "timezone", "email"], ["username", "email"]],
  ])("a client on itself is refused %s, named in Forbidden.fields", (_what, sent, refused) => {
    const error = thrown(() => authorizeWrite(callerOf(bjensen), bjensen, access, sent));
    expect(error).toBeInstanceOf(Forbidden);
    expect(error).toMatchObject({
      permission: "UPDATE",
      callerName: "bjensen",
      targetName: "bjensen",
      fields: refused,
    });
  });

  it.each<[string, ChangeField[]]>([
    ["self fields", ["first_name"]],
    ["nothing", []],
  ])("a client on another user is refused, %s included, naming no field", (_what, sent) => {
    const error = thrown(() => authorizeWrite(callerOf(bjensen), tdurden, access, sent));
    expect(error).toBeInstanceOf(Forbidden);
    expect(error).toMatchObject({ permission: "UPDATE", callerName: "bjensen", targetName: "tdurden", fields: [] });
  });
});

describe("authorizeAdministration", () => {
  it("an administrator may create and delete users", () => {
    expect(() => authorizeAdministration(callerOf(admin))).not.toThrow();
    expect(() => authorizeAdministration(callerOf(admin), bjensen)).not.toThrow();
  });

  it.each([
    ["another user", tdurden, "tdurden"],
    ["itself", bjensen, "bjensen"],
    ["no user yet", undefined, ""],
  ])("a client may not, on %s: Forbidden UPDATE", (_what, target, targetName) => {
    const error = thrown(() => authorizeAdministration(callerOf(bjensen), target));
    expect(error).toBeInstanceOf(Forbidden);
    expect(error).toMatchObject({ permission: "UPDATE", callerName: "bjensen", targetName, fields: [] });
  });
});

describe("demotesAdministrator", () => {
  it.each([
    ["made a client", { role: "client" }],
    ["locked", { status: "locked" }],
    ["disabled", { status: "disabled" }],
    ["made a client and locked", { role: "client", status: "locked" }],
  ])("an active administrator %s is demoted", (_what, columns) => {
    expect(demotesAdministrator(admin, columns)).toBe(true);
  });

  it.each<[string, User, Record<string, unknown>]>([
    ["an active administrator renamed", admin, { first_name: "Ada" }],
    ["an active administrator kept admin and active", admin, { role: "admin", status: "active" }],
    ["a locked administrator made a client", user("root", "admin", "locked"), { role: "client" }],
    ["a disabled administrator disabled again", user("root", "admin", "disabled"), { status: "disabled" }],
    ["a locked administrator reactivated", user("root", "admin", "locked"), { status: "active" }],
    ["a client made an administrator", bjensen, { role: "admin" }],
    ["a client locked", bjensen, { status: "locked" }],
  ])("%s is not demoted", (_what, target, columns) => {
    expect(demotesAdministrator(target, columns)).toBe(false);
  });
});

describe("keepsAnAdministrator", () => {
  it.each([
    ["another active administrator remains", [admin.id, "id-root"]],
    ["the target is not among the active administrators", ["id-root"]],
  ])("lets a demotion through when %s", (_what, activeAdminIds) => {
    expect(() => keepsAnAdministrator(activeAdminIds, admin)).not.toThrow();
  });

  it.each([
    ["the target is the last active administrator", [admin.id]],
    ["there is no active administrator", []],
  ])("refuses a demotion when %s: LastAdministrator", (_what, activeAdminIds) => {
    expect(() => keepsAnAdministrator(activeAdminIds, admin)).toThrow(LastAdministrator);
  });
});
