// SCIM (contract E): If-Match, one directory behind five contracts, who may read and change, refused requests,
// server modes. (Uniqueness is in replace.test.ts; creation and deletion in provisioning.test.ts.)
import { describe, expect, it } from "vitest";
import { send, startServer } from "../support/harness.ts";
import {
  server,
  BJENSEN,
  TDURDEN,
  ADMIN,
  UNKNOWN,
  PATCH_OP_URN,
  SCIM_JSON,
  putExample,
  patchExamples,
  location,
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

describe("If-Match", () => {
  it("PATCH with a stale If-Match is 412 and changes nothing; with the current one it succeeds", async () => {
    const before = await row();
    const stale = scimError(
      await patch([{ op: "replace", path: "name.givenName", value: "Stale" }], { headers: { "if-match": '"7"' } }),
      412,
    );
    expect(stale.scimType).toBeUndefined();
    expect(await row()).toEqual(before);
    const fresh = await patch([{ op: "replace", path: "name.givenName", value: "Fresh" }], {
      headers: { "if-match": '"1"' },
    });
    expect(resource(fresh).meta.version).toBe('"2"');
  });

  it("PUT with a stale If-Match is 412 and changes nothing; with meta.version it succeeds", async () => {
    const user = resource(await get());
    await patch([{ op: "replace", path: "timezone", value: "UTC" }]);
    const before = await row();
    scimError(await put(user, { headers: { "if-match": user.meta.version as string } }), 412);
    expect(await row()).toEqual(before);
    const current = resource(await get());
    expect(resource(await put(current, { headers: { "if-match": current.meta.version as string } })).timezone).toBe(
      "UTC",
    );
  });

  it("an ETag read through another contract guards a SCIM change", async () => {
    const etag = (await send(server, "GET", `/users/${BJENSEN}`, { as: "admin" })).headers.get("etag")!;
    expect(etag).toBe(resource(await get()).meta.version);
    await send(server, "PUT", `/users/${BJENSEN}`, {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "babs@example.com" }),
    });
    scimError(await patch([{ op: "replace", path: "timezone", value: "UTC" }], { headers: { "if-match": etag } }), 412);
  });

  it("of many PATCHes with the same If-Match, exactly one wins", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        patch([{ op: "replace", path: "name.givenName", value: `Writer ${i}` }], { headers: { "if-match": '"1"' } }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(7);
    expect(await audit()).toHaveLength(1);
  });

  it("concurrent PATCHes of different attributes all land: each applies to the user as stored", async () => {
    const operations = [
      { op: "replace", path: "name.givenName", value: "Babs" },
      { op: "replace", path: "name.familyName", value: "Jensen-Smith" },
      { op: "replace", path: "timezone", value: "UTC" },
      { op: "replace", path: "locale", value: "da-DK" },
      { op: "replace", path: "preferredLanguage", value: "da" },
      { op: "replace", path: "externalId", value: "ext-2" },
    ];
    const answers = await Promise.all(operations.map((operation) => patch([operation])));
    for (const answer of answers) resource(answer);
    const user = resource(await get());
    expect(user).toMatchObject({
      name: { givenName: "Babs", familyName: "Jensen-Smith" },
      timezone: "UTC",
      locale: "da-DK",
      preferredLanguage: "da",
      externalId: "ext-2",
    });
    expect(user.meta.version).toBe('"7"');
  });

  it("a meta.version inside a PUT body is no precondition", async () => {
    const user = resource(await put({ ...putExample, timezone: "UTC", meta: { version: '"42"' } }));
    expect(user.meta.version).toBe('"2"');
  });
});

describe("one directory behind the contracts", () => {
  /** The ETag of a user through each of the five contracts; they must agree. */
  async function etags(id: string) {
    const user = await row(id);
    const paths = [
      `/api/management/security/users/${id}`,
      `/user/${encodeURIComponent(user.username as string)}/profile`,
      `/user/${user.num}`,
      `/users/${id}`,
      location(id),
    ];
    const answers = await Promise.all(paths.map((path) => send(server, "GET", path, { as: "admin" })));
    const values = answers.map((a) => a.headers.get("etag"));
    expect(new Set(values).size, `one ETag for ${id}: ${values.join(" ")}`).toBe(1);
    return values[0];
  }

  it("a SCIM change shows through Contensis and Strapi, under one ETag", async () => {
    const user = resource(
      await patch([
        ...(patchExamples.update.value as { Operations: unknown[] }).Operations,
        { op: "replace", path: "userName", value: "barbara" },
        { op: "replace", value: { preferredLanguage: "da", timezone: "Europe/Copenhagen" } },
      ]),
    );
    const contensis = await send(server, "GET", `/api/management/security/users/${BJENSEN}`, { as: "admin" });
    expect(contensis.json).toMatchObject({
      username: "barbara",
      email: "barbara.jensen@example.com",
      firstname: "Barbara",
      lastname: "Jensen-Smith",
      language: "da",
      timezone: "Europe/Copenhagen",
      sys: { status: "active" },
    });
    const strapi = await send(server, "GET", `/users/${BJENSEN}`, { as: "admin" });
    expect(strapi.json).toMatchObject({
      username: "barbara",
      email: "barbara.jensen@example.com",
      blocked: false,
      updated_by: "admin",
    });
    expect(await etags(BJENSEN)).toBe(user.meta.version);
  });

  it("a SCIM deactivation shows as disabled through Contensis and blocked through Strapi", async () => {
    resource(await patch([{ op: "replace", value: { active: false } }]));
    const contensis = await send(server, "GET", `/api/management/security/users/${BJENSEN}`, { as: "admin" });
    expect(contensis.json.sys.status).toBe("disabled");
    const strapi = await send(server, "GET", `/users/${BJENSEN}`, { as: "admin" });
    expect(strapi.json.blocked).toBe(true);
  });

  it("a Contensis replacement shows through SCIM and moves meta.version; externalId and locale are kept", async () => {
    const contensis = await send(server, "PUT", `/api/management/security/users/${BJENSEN}`, {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        username: "bjensen",
        email: "babs@example.com",
        firstname: "Babs",
        lastname: "Jensen",
        timezone: "Europe/Copenhagen",
        language: "da",
      }),
    });
    expect(contensis.status, contensis.text).toBe(200);
    const user = resource(await get());
    expect(user).toEqual(
      bjensenWith({
        name: { formatted: "Babs Jensen", givenName: "Babs", familyName: "Jensen" },
        displayName: "Babs Jensen",
        emails: [{ value: "babs@example.com", type: "work", primary: true }],
        timezone: "Europe/Copenhagen",
        preferredLanguage: "da",
      }),
    );
    expect(user.meta.version).toBe(contensis.headers.get("etag"));
  });

  it("a Strapi block shows as active false", async () => {
    await send(server, "PUT", `/users/${BJENSEN}`, {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ blocked: true }),
    });
    expect(resource(await get()).active).toBe(false);
  });

  it("administrators change any user, other administrators and themselves included", async () => {
    expect(resource(await patch([{ op: "replace", path: "timezone", value: "UTC" }], { id: TDURDEN })).timezone).toBe(
      "UTC",
    );
    expect(
      resource(await patch([{ op: "replace", path: "name.givenName", value: "Adah" }], { id: ADMIN })).name,
    ).toEqual({ formatted: "Adah Admin", givenName: "Adah", familyName: "Admin" });
  });

  it("records who changed what through the SCIM contract", async () => {
    resource(await write("PATCH", patchExamples.update.value));
    const [entry] = await audit();
    expect(entry).toMatchObject({
      actor_id: ADMIN,
      contract: "scim",
      changes: {
        email: { old: "bjensen@example.com", new: "barbara.jensen@example.com" },
        last_name: { old: "Jensen", new: "Jensen-Smith" },
      },
    });
  });
});

describe("who may read and change", () => {
  it("a user reads itself", async () => {
    expect(resource(await get({ as: "bjensen" })).userName).toBe("bjensen");
  });

  it("a user cannot read another user: 403", async () => {
    const error = scimError(await get({ id: TDURDEN, as: "bjensen" }), 403);
    expect(error.detail).toBe("Only the user itself or an administrator can do this.");
  });

  it.each([
    ["itself", "bjensen", BJENSEN],
    ["another user", "tdurden", BJENSEN],
    ["an administrator", "bjensen", ADMIN],
  ])("a non-administrator cannot change %s: 403 for PUT and PATCH, nothing changed", async (_whom, as, id) => {
    const before = await row(id);
    const current = resource(await get({ id }));
    scimError(await put({ ...current, timezone: "UTC" }, { id, as }), 403);
    scimError(await patch([{ op: "replace", path: "timezone", value: "UTC" }], { id, as }), 403);
    expect(await row(id)).toEqual(before);
  });

  it.each(["GET", "PUT", "PATCH"])(
    "%s without a token is 401 with WWW-Authenticate, in SCIM's error body",
    async (method) => {
      const body =
        method === "GET" ? undefined : JSON.stringify(method === "PUT" ? putExample : patchExamples.update.value);
      const answer = await send(server, method, location(BJENSEN), { headers: { "content-type": SCIM_JSON }, body });
      const error = scimError(answer, 401);
      expect(error.detail).toBe("A bearer token is required.");
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    },
  );

  it("a token that does not verify is 401", async () => {
    const answer = await send(server, "GET", location(BJENSEN), { headers: { authorization: "Bearer not.a.token" } });
    scimError(answer, 401);
  });

  it("a disabled user's token stops working at once", async () => {
    resource(await patch([{ op: "replace", value: { active: false } }]));
    scimError(await get({ as: "bjensen" }), 401);
  });
});

describe("requests the service refuses", () => {
  it.each(["GET", "PUT", "PATCH"])("%s of an unknown id is 404", async (method) => {
    const body =
      method === "GET" ? undefined : JSON.stringify(method === "PUT" ? putExample : patchExamples.update.value);
    const answer = await send(server, method, location(UNKNOWN), {
      as: "admin",
      headers: { "content-type": SCIM_JSON },
      body,
    });
    const error = scimError(answer, 404);
    expect(error.detail).toBe(`User '${UNKNOWN}' was not found.`);
  });

  it.each([
    ["PUT", putExample],
    ["PATCH", patchExamples.update.value],
  ])("%s in application/json is accepted as well", async (method, body) => {
    const answer = await send(server, method, location(BJENSEN), {
      as: "admin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    resource(answer);
  });

  it.each(["PUT", "PATCH"])("%s in text/plain is 415, nothing changed", async (method) => {
    const before = await row();
    const answer = await send(server, method, location(BJENSEN), {
      as: "admin",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(putExample),
    });
    scimError(answer, 415);
    expect(await row()).toEqual(before);
  });

  it.each(["PUT", "PATCH"])("%s with a body that is not JSON is 400 invalidSyntax", async (method) => {
    scimError(await write(method as "PUT" | "PATCH", "{not json"), 400, "invalidSyntax");
  });

  it.each(["PUT", "PATCH"])("%s with a body over 1 MiB is 413", async (method) => {
    const big =
      method === "PUT"
        ? { ...putExample, nickName: "x".repeat(1_200_000) }
        : { schemas: [PATCH_OP_URN], Operations: [{ op: "add", path: "nickName", value: "x".repeat(1_200_000) }] };
    scimError(await write(method as "PUT" | "PATCH", big), 413);
  });

  it("an unknown query parameter is 400 in SCIM's error body", async () => {
    const answer = await send(server, "GET", `${location(BJENSEN)}?x=1`, { as: "admin" });
    scimError(answer, 400);
  });
});

describe("server modes", () => {
  it("REQUIRE_IF_MATCH=true: PUT and PATCH without If-Match are 428; with it they succeed", async () => {
    const strict = await startServer({ requireIfMatch: true });
    try {
      const options = { body: JSON.stringify(putExample), headers: { "content-type": SCIM_JSON }, as: "admin" };
      scimError(await send(strict, "PUT", location(BJENSEN), options), 428);
      const patchBody = JSON.stringify(patchExamples.deactivate.value);
      scimError(await send(strict, "PATCH", location(BJENSEN), { ...options, body: patchBody }), 428);
      const withEtag = { ...options, body: patchBody, headers: { ...options.headers, "if-match": '"1"' } };
      expect(resource(await send(strict, "PATCH", location(BJENSEN), withEtag), strict.baseUrl).active).toBe(false);
    } finally {
      await strict.close();
    }
  });

  it("READ_ONLY=true: PUT and PATCH are 403, GET works", async () => {
    const readOnly = await startServer({ readOnly: true });
    try {
      const options = { body: JSON.stringify(putExample), headers: { "content-type": SCIM_JSON }, as: "admin" };
      scimError(await send(readOnly, "PUT", location(BJENSEN), options), 403);
      const patchBody = JSON.stringify(patchExamples.deactivate.value);
      scimError(await send(readOnly, "PATCH", location(BJENSEN), { ...options, body: patchBody }), 403);
      resource(await send(readOnly, "GET", location(BJENSEN), { as: "admin" }), readOnly.baseUrl);
    } finally {
      await readOnly.close();
    }
  });
});
