// GET /directory/users/{id}/history: a user's changes through every contract, newest first, paged by `before`; who
// made each (id and current name), through which contract, each field's old and new value, secrets only as
// `{"changed": true}`; who may read it; a deleted user's history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoId, send, startServer, type TestServer } from "../support/harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const ADMIN = demoId("admin");
const TDURDEN = demoId("tdurden");
const JLOPEZ = demoId("jlopez");
const DHCLIENT = demoId("dhclient");
const BJENSEN = demoId("bjensen");
const JONNY = demoId("jonny1");
const RSMITH = demoId("rsmith");
const SCIM = { "content-type": "application/scim+json" };
const USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

const history = (id: string, as = "admin", query = "") =>
  send(server, "GET", `/directory/users/${encodeURIComponent(id)}/history${query}`, { as });
const etag = (answer: { headers: Headers }) => Number(answer.headers.get("etag")?.replace(/"/g, ""));
const put = (path: string, body: unknown, as = "admin", headers: Record<string, string> = {}) =>
  send(server, "PUT", path, {
    as,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const scim = (method: string, path: string, body?: unknown, as = "admin") =>
  send(server, method, path, { as, headers: SCIM, body: body === undefined ? undefined : JSON.stringify(body) });
const patch = (id: string, operations: unknown[]) =>
  scim("PATCH", `/scim/v2/Users/${id}`, { schemas: [PATCH_URN], Operations: operations });

describe("a user's history", () => {
  it("lists every change, newest first: when, who, which contract, each field's old and new value", async () => {
    const started = Date.now();
    const versions: number[] = [];
    const a = await put(`/api/management/security/users/${TDURDEN}`, {
      username: "tdurden",
      email: "tyler@fightclub.com",
      firstname: "Tyler",
      lastname: "Durden",
      timezone: "America/New_York",
      language: "en-US",
      custom: { department: "Soap sales" },
    });
    expect(a.status).toBe(200);
    versions.push(etag(a));
    const b = await put("/user/tdurden/profile", { firstName: "Ty", lastName: "Durden", email: "tyler@fightclub.com" });
    expect(b.status).toBe(204);
    versions.push(etag(b));
    const c = await put("/user/2", { data: { department: "Paper" } });
    expect(c.status).toBe(204);
    versions.push(etag(c));
    const d = await put(`/users/${TDURDEN}`, { confirmed: false });
    expect(d.status).toBe(200);
    versions.push(etag(d));
    const e = await patch(TDURDEN, [{ op: "replace", path: "timezone", value: "Europe/Paris" }]);
    expect(e.status).toBe(200);
    versions.push(etag(e));
    expect(versions).toEqual([2, 3, 4, 5, 6]);

    const { status, json } = await history(TDURDEN);
    expect(status).toBe(200);
    expect(json.next).toBeUndefined();
    const admin = { id: ADMIN, name: "admin" };
    expect(json.changes.map((c: any) => [c.contract, c.kind, c.version, c.actor])).toEqual([
      ["scim", "updated", 6, admin],
      ["strapi", "updated", 5, admin],
      ["devicehive", "updated", 4, admin],
      ["camunda", "updated", 3, admin],
      ["contensis", "updated", 2, admin],
    ]);
    expect(json.changes.map((c: any) => c.changes)).toEqual([
      { timezone: { old: "America/New_York", new: "Europe/Paris" } },
      { confirmed: { old: true, new: false } },
      { attributes: { old: { department: "Soap sales" }, new: { department: "Paper" } } },
      { first_name: { old: "Tyler", new: "Ty" } },
      { email: { old: "t.durden@fightclub.com", new: "tyler@fightclub.com" } },
    ]);
    const times = json.changes.map((c: any) => Date.parse(c.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    for (const time of times) expect(time).toBeGreaterThanOrEqual(started - 1000);
    expect(new Set(json.changes.map((c: any) => c.id)).size).toBe(5);
  });

  it("shows a secret only as {changed: true}, never its value or hash", async () => {
    const password = "Sup3r-s3cret-passw0rd";
    const token = "reset-token-6a9f0c2e-1b7d";
    expect((await put("/user/5", { password, data: { theme: "light" } }, "dhclient")).status).toBe(204);
    expect(
      (await put(`/users/${JLOPEZ}`, { resetPasswordToken: token, confirmationToken: token, password })).status,
    ).toBe(200);
    const replaced = await scim("PUT", `/scim/v2/Users/${BJENSEN}`, {
      schemas: [USER_URN],
      userName: "bjensen",
      password,
    });
    expect(replaced.status).toBe(200);

    const dh = await history(DHCLIENT);
    expect(dh.json.changes[0].changes).toEqual({
      password: { changed: true },
      attributes: { old: { theme: "dark" }, new: { theme: "light" } },
    });
    expect(dh.json.changes[0].actor).toEqual({ id: DHCLIENT, name: "dhclient" });
    const strapi = await history(JLOPEZ);
    expect(strapi.json.changes[0].changes).toEqual({
      password: { changed: true },
      reset_password_token: { changed: true },
      confirmation_token: { changed: true },
    });
    const bj = await history(BJENSEN);
    expect(bj.json.changes[0].changes.password).toEqual({ changed: true });
    const hashes = await server.db("users").whereIn("id", [DHCLIENT, JLOPEZ, BJENSEN]).select("*");
    for (const text of [dh.text, strapi.text, bj.text]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(token);
      for (const row of hashes)
        for (const column of ["password_hash", "reset_password_token", "confirmation_token"])
          if (row[column]) expect(text).not.toContain(row[column]);
    }
  });

  it("pages with before: only older changes, newest first", async () => {
    for (let i = 1; i <= 7; i++) expect((await put("/user/3", { data: { step: i } })).status, `change ${i}`).toBe(204);
    const all = (await history(JONNY, "admin", "?limit=1000")).json;
    expect(all.next).toBeUndefined();
    expect(all.changes.map((c: any) => c.changes.attributes.new.step)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(all.changes.map((c: any) => c.version)).toEqual([8, 7, 6, 5, 4, 3, 2]);
    const older = await history(JONNY, "admin", `?before=${all.changes[2].id}&limit=100`);
    expect(older.status).toBe(200);
    expect(older.json).toEqual({ changes: all.changes.slice(3) });
    expect((await history(JONNY, "admin", `?before=${all.changes[6].id}`)).json).toEqual({ changes: [] });
  });

  it("pages with limit and next: each change once, newest first, the last page without next", async () => {
    for (let i = 1; i <= 7; i++) expect((await put("/user/8", { data: { step: i } })).status, `change ${i}`).toBe(204);
    const seen: any[] = [];
    let query = "?limit=3";
    for (let page = 0; page < 10; page++) {
      const { status, json } = await history(RSMITH, "admin", query);
      expect(status).toBe(200);
      expect(json.changes.length).toBeLessThanOrEqual(3);
      seen.push(...json.changes);
      if (json.next === undefined) break;
      expect(json.next).toBe(json.changes[json.changes.length - 1].id);
      query = `?limit=3&before=${json.next}`;
    }
    expect(seen.map((c) => c.changes.attributes.new.step)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(new Set(seen.map((c) => c.id)).size).toBe(7);
    // Seven changes in pages of 3, 3 and 1: the last page is short and has no next.
    expect((await history(RSMITH, "admin", `?limit=3&before=${seen[5].id}`)).json).toEqual({ changes: [seen[6]] });
  });

  it("a write that is refused (412, 409, 400) or changes nothing adds no change", async () => {
    const before = (await history(JONNY)).json.changes;
    expect((await put("/user/jonny1/profile", { email: "x@example.com" }, "admin", { "If-Match": '"1"' })).status).toBe(
      412,
    );
    expect((await put(`/users/${JONNY}`, { username: "admin" })).status).toBe(409);
    expect((await put("/user/jonny1/profile", { email: "not an email" })).status).toBe(400);
    const current = (await send(server, "GET", `/users/${JONNY}`, { as: "admin" })).json;
    expect((await put(`/users/${JONNY}`, { username: current.username, email: current.email })).status).toBe(200);
    expect((await history(JONNY)).json.changes).toEqual(before);
  });
});

describe("who may read a history", () => {
  it("an administrator reads anyone's; a user its own, not another's (403)", async () => {
    expect((await put("/user/5", { data: { who: 1 } }, "dhclient")).status).toBe(204);
    expect((await history(DHCLIENT, "admin")).status).toBe(200);
    expect((await history(DHCLIENT, "dhclient")).status).toBe(200);
    const other = await history(DHCLIENT, "tdurden");
    expect(other.status).toBe(403);
    expect(other.text).not.toContain("who");
    // An id that exists nowhere is 403 too for a user: it may not learn which ids were seen.
    expect((await history("00000000-0000-4000-8000-000000000000", "tdurden")).status).toBe(403);
    expect((await send(server, "GET", `/directory/users/${DHCLIENT}/history`)).status).toBe(401);
  });

  it("404 for an id never seen; 400 for a malformed before or limit", async () => {
    const missing = await history("00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect((await history(DHCLIENT, "admin", "?before=abc")).status).toBe(400);
    expect((await history(DHCLIENT, "admin", "?limit=0")).status).toBe(400);
    expect((await history(DHCLIENT, "admin", "?limit=1001")).status).toBe(400);
  });

  // The demo's users were loaded by the import, which writes no history.
  it("an existing user that was never changed has an empty history, not 404", async () => {
    expect((await send(server, "GET", "/users/12345", { as: "admin" })).status).toBe(200);
    const { status, json } = await history("12345");
    expect(status).toBe(200);
    expect(json).toEqual({ changes: [] });
  });
});

describe("the actor, and a deleted user", () => {
  it("names each change's actor by its current name, and none once the actor is deleted", async () => {
    const created = await scim("POST", "/scim/v2/Users", {
      schemas: [USER_URN],
      userName: "deputy",
      password: "Dep-uty-passw0rd!",
    });
    expect(created.status).toBe(201);
    const deputy = created.json.id as string;
    expect((await put(`/users/${deputy}`, { role: "admin" })).status).toBe(200);
    const token = { Authorization: `Bearer ${server.token(deputy)}` };
    const changed = await send(server, "PUT", "/user/7", {
      headers: { ...token, "content-type": "application/json" },
      body: JSON.stringify({ data: { by: "deputy" } }),
    });
    expect(changed.status).toBe(204);
    expect((await history(BJENSEN)).json.changes[0].actor).toEqual({ id: deputy, name: "deputy" });
    const byDeputy = async () => (await history(BJENSEN)).json.changes.find((c: any) => c.changes.attributes).actor;
    // Renamed: its changes show its name now; bjensen, whose last updater it is, gets a change of its own for that.
    expect((await put(`/users/${deputy}`, { username: "deputy2" })).status).toBe(200);
    expect(await byDeputy()).toEqual({ id: deputy, name: "deputy2" });
    const renamed = (await history(BJENSEN)).json.changes[0];
    expect(renamed).toMatchObject({ actor: { id: ADMIN, name: "admin" }, contract: "strapi", kind: "updated" });
    expect(renamed.changes).toEqual({ actorName: { old: "deputy", new: "deputy2" } });
    expect((await scim("DELETE", `/scim/v2/Users/${deputy}`)).status).toBe(204);
    expect(await byDeputy()).toEqual({ id: deputy, name: null });
  });

  it("a deleted user's history stays readable by an administrator, its deletion first", async () => {
    const created = await scim("POST", "/scim/v2/Users", {
      schemas: [USER_URN],
      userName: "leaver",
      name: { givenName: "Lee", familyName: "Ver" },
      emails: [{ value: "leaver@example.com", primary: true }],
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect((await patch(id, [{ op: "replace", path: "name.givenName", value: "Leah" }])).status).toBe(200);
    expect((await scim("DELETE", `/scim/v2/Users/${id}`)).status).toBe(204);
    expect((await send(server, "GET", `/users/${id}`, { as: "admin" })).status).toBe(404);

    const { status, json } = await history(id);
    expect(status).toBe(200);
    expect(json.changes.map((c: any) => [c.kind, c.version, c.contract])).toEqual([
      ["deleted", 2, "scim"],
      ["updated", 2, "scim"],
      ["created", 1, "scim"],
    ]);
    expect(json.changes[0].changes.username).toEqual({ old: "leaver", new: null });
    expect(json.changes[1].changes).toEqual({ first_name: { old: "Lee", new: "Leah" } });
    expect(json.changes[2].changes.username).toEqual({ old: null, new: "leaver" });
    expect((await history(id, "tdurden")).status).toBe(403);
  });
});
