// OWASP API1/API3: every writable field of every contract × {self, another user, administrator, locked caller}.
// Exactly the allowed cells succeed; every other is 403 (or 401) and changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { contracts } from "../src/contracts/index.ts";
import { demoId, send, startServer, type TestServer } from "./support/harness.ts";

// The target is tdurden (a client, number 2); "another user" is jonny1; "locked" is dhclient, locked first.
const TARGET = demoId("tdurden");

interface Case {
  path: string;
  /** A full body for replacement contracts, else just the field. */
  body: (field: string, value: unknown) => Record<string, unknown>;
  values: Record<string, unknown>;
}

const contensisBase = {
  username: "tdurden",
  email: "t.durden@fightclub.com",
  firstname: "Tyler",
  lastname: "Durden",
  timezone: "America/New_York",
  language: "en-US",
  custom: { department: "Soap sales" },
};
const camundaBase = { firstName: "Tyler", lastName: "Durden", email: "t.durden@fightclub.com" };
const scimBase = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  userName: "tdurden",
  name: { givenName: "Tyler", familyName: "Durden" },
  emails: [{ value: "t.durden@fightclub.com", type: "work", primary: true }],
  timezone: "America/New_York",
  preferredLanguage: "en-US",
};

/** A copy of `base` with `value` at a field's dotted path (SCIM's `name.givenName`). */
function withValue(base: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const body = structuredClone(base);
  const keys = field.split(".");
  let at = body;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return body;
}

const cases: Record<string, Case> = {
  contensis: {
    path: `/api/management/security/users/${TARGET}`,
    body: (field, value) => ({ ...contensisBase, [field]: value }),
    values: {
      username: "tyler",
      email: "tyler@example.com",
      firstname: "T",
      lastname: "D",
      timezone: "Europe/Paris",
      language: "fr-FR",
      custom: { x: 1 },
    },
  },
  camunda: {
    path: "/user/tdurden/profile",
    body: (field, value) => ({ ...camundaBase, [field]: value }),
    values: { firstName: "T", lastName: "D", email: "tyler@example.com" },
  },
  devicehive: {
    path: "/user/2",
    body: (field, value) => ({ [field]: value }),
    values: { login: "tyler", role: 0, status: 1, data: { x: 1 }, password: "another-password", introReviewed: true },
  },
  strapi: {
    path: `/users/${TARGET}`,
    body: (field, value) => ({ [field]: value }),
    values: {
      username: "tyler",
      email: "tyler@example.com",
      password: "another-password",
      provider: "github",
      resetPasswordToken: "r-token",
      confirmationToken: "c-token",
      confirmed: false,
      blocked: true,
      role: "admin",
      reports: ["maia-c6cbaa76ba8f"],
    },
  },
  scim: {
    path: `/scim/v2/Users/${TARGET}`,
    body: (field, value) => withValue(scimBase, field, value),
    values: {
      userName: "tyler",
      externalId: "tyler-1",
      "name.givenName": "T",
      "name.familyName": "D",
      "name.formatted": "Tyler D.",
      displayName: "Ty",
      emails: [{ value: "tyler@example.com", primary: true }],
      active: false,
      locale: "fr_FR",
      preferredLanguage: "fr-FR",
      timezone: "Europe/Paris",
      password: "another-password",
    },
  },
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.reset();
  await server
    .db("users")
    .where({ id: demoId("dhclient") })
    .update({ status: "locked" });
});

const snapshot = async () => ({
  user: await server.db("users").where({ id: TARGET }).first(),
  reports: await server.db("reports").orderBy("uuid"),
  audit: await server.db("audit").count({ n: "*" }),
});

describe.each(contracts.map((c) => [c.tag, c] as const))("contract %s", (tag, contract) => {
  const testCase = cases[tag];

  it("covers every writable field of the contract", () => {
    expect(Object.keys(testCase.values).sort()).toEqual(Object.keys(contract.fields).sort());
  });

  const cells = Object.entries(contract.fields).flatMap(([field, rule]) =>
    (["self", "other", "admin", "locked"] as const).map((actor) => {
      const expected =
        actor === "locked"
          ? 401
          : actor === "admin" || (actor === "self" && rule.access === "self")
            ? contract.success
            : 403;
      return [field, actor, expected] as const;
    }),
  );

  it.each(cells)("%s by %s → %i", async (field, actor, expected) => {
    const as = { self: "tdurden", other: "jonny1", admin: "admin", locked: "dhclient" }[actor];
    const before = await snapshot();
    const response = await send(server, "PUT", testCase.path, {
      as,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(testCase.body(field, testCase.values[field])),
    });
    expect(response.status, response.text).toBe(expected);
    if (expected >= 400) expect(await snapshot()).toEqual(before);
    else expect((await snapshot()).audit).not.toEqual(before.audit);
  });
});
