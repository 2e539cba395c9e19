// GET /directory/events: every change through the five contracts once, as a CloudEvent 1.0 (never a secret's value),
// read with after/next (and `latest`), waited for with `wait`; refused and rolled-back writes publish nothing;
// administrators only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDirectory } from "../../src/app.ts";
import { accessTable } from "../../src/contracts/contract.ts";
import { contracts } from "../../src/contracts/index.ts";
import { adminConnection } from "../support/postgres.ts";
import {
  demoId,
  jsonBody,
  send,
  startServer,
  testDatabase,
  type TestDatabase,
  type TestServer,
} from "../support/harness.ts";

let database: TestDatabase;
let server: TestServer;
/** The same directory, without recording statuses: for what answers an undocumented 500 on purpose. */
let quiet: TestServer;
beforeAll(async () => {
  database = await testDatabase();
  server = await startServer({}, { database });
  quiet = await startServer({}, { database, recordStatuses: false });
});
afterAll(async () => {
  await server?.close();
  await quiet?.close();
  await database?.drop();
});

const ADMIN = demoId("admin");
const TDURDEN = demoId("tdurden");
const JONNY = demoId("jonny1");
const DHCLIENT = demoId("dhclient");
const JLOPEZ = demoId("jlopez");
const BJENSEN = demoId("bjensen");
const USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const SCIM = { "content-type": "application/scim+json" };

const feed = (query = "", as = "admin") => send(server, "GET", `/directory/events${query}`, { as });
const version = (answer: { headers: Headers }) => Number(/\d+/.exec(answer.headers.get("etag") ?? "")?.[0]);
const put = (path: string, body: unknown, headers: Record<string, string> = {}, as = "admin") =>
  send(server, "PUT", path, {
    as,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const scim = (method: string, path: string, body?: unknown) =>
  send(server, method, path, {
    as: "admin",
    headers: SCIM,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const eventCount = async () => Number((await server.db("events").count({ n: "*" }))[0].n);

/**
 * Every event after `after`, following `next` in pages of `limit`, until it has `expected` and then nothing more is
 * readable. It waits for those a transaction still running holds back (any in the PostgreSQL cluster does, for a
 * moment), so that an empty answer is not taken for the end too early.
 */
async function readAll(after: string | undefined, expected: number, limit = 100) {
  const events: any[] = [];
  let position = after;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const wait = events.length < expected ? "&wait=1" : "";
    const { status, json } = await feed(`?limit=${limit}${wait}${position ? `&after=${position}` : ""}`);
    expect(status).toBe(200);
    events.push(...json.events);
    position = json.next ?? position;
    if (json.events.length === 0 && events.length >= expected) return { events, next: position };
    if (Date.now() > deadline) throw new Error(`read ${events.length} events of ${expected} in 20 s`);
  }
}

/** The position after every event written so far (after a first change, when there was none). */
async function latest(): Promise<string> {
  if ((await eventCount()) === 0) expect((await put("/user/4", { data: { first: true } })).status).toBe(204);
  return (await readAll(undefined, await eventCount(), 1000)).next!;
}

describe("the feed", () => {
  it("is empty until anything changed; after=latest gives the position now all the same", async () => {
    expect((await feed()).json).toEqual({ events: [] });
    const now = (await feed("?after=latest")).json;
    expect(now).toEqual({ events: [], next: expect.stringMatching(/^\d+-0$/) });
  });

  it("gives every change through the five contracts once, as a CloudEvent 1.0", async () => {
    const from = Date.now();
    const writes = [
      await put(`/api/management/security/users/${TDURDEN}`, { username: "tdurden", email: "tyler@fightclub.com" }),
      await put("/user/jonny1/profile", { firstName: "Johnny", lastName: "Doe", email: "jonny1@example.com" }),
      await put("/user/5", { data: { theme: "light" } }),
      await put(`/users/${JLOPEZ}`, { email: "jl@mydomain.com" }),
    ];
    const created = await scim("POST", "/scim/v2/Users", {
      schemas: [USER_URN],
      userName: "eve",
      name: { givenName: "Eve" },
    });
    const id = created.json.id as string;
    const replaced = await scim("PUT", `/scim/v2/Users/${id}`, {
      schemas: [USER_URN],
      userName: "eve",
      displayName: "E",
    });
    const patched = await scim("PATCH", `/scim/v2/Users/${id}`, {
      schemas: [PATCH_URN],
      Operations: [{ op: "replace", path: "active", value: false }],
    });
    const deleted = await scim("DELETE", `/scim/v2/Users/${id}`);
    expect([...writes, created, replaced, patched, deleted].map((a) => a.status)).toEqual([
      200, 204, 204, 200, 201, 200, 200, 204,
    ]);

    const { events } = await readAll(undefined, 8);
    const expected = [
      [
        "updated",
        TDURDEN,
        version(writes[0]),
        "contensis",
        ["attributes", "email", "first_name", "language", "last_name", "timezone"],
      ],
      ["updated", JONNY, version(writes[1]), "camunda", ["first_name"]],
      ["updated", DHCLIENT, version(writes[2]), "devicehive", ["attributes"]],
      ["updated", JLOPEZ, version(writes[3]), "strapi", ["email"]],
      ["created", id, version(created), "scim", ["first_name", "role", "status", "username"]],
      ["updated", id, version(replaced), "scim", ["display_name", "first_name"]],
      ["updated", id, version(patched), "scim", ["status"]],
      ["deleted", id, null, "scim", expect.arrayContaining(["username", "status"])],
    ];
    expect(
      events.map((e) => [
        e.type.replace("users-api.user.", ""),
        e.subject,
        e.data.version,
        e.data.contract,
        e.data.changed,
      ]),
    ).toEqual(expected);
    expect(events.map((e) => e.data.version).slice(0, 7)).toEqual([2, 2, 2, 2, 1, 2, 3]);
    for (const event of events) {
      expect(Object.keys(event).sort()).toEqual([
        "data",
        "datacontenttype",
        "id",
        "source",
        "specversion",
        "subject",
        "time",
        "type",
      ]);
      expect(event).toMatchObject({ specversion: "1.0", source: "urn:users-api", datacontenttype: "application/json" });
      expect(event.type).toMatch(/^users-api\.user\.(created|updated|deleted)$/);
      expect(event.data.actor).toBe(ADMIN);
      expect(event.id).toMatch(/^\d+$/);
      expect(new Date(event.time).toISOString()).toBe(event.time);
      expect(Date.parse(event.time)).toBeGreaterThanOrEqual(from - 1000);
      expect(Date.parse(event.time)).toBeLessThanOrEqual(Date.now() + 1000);
      expect([...event.data.changed].sort()).toEqual(event.data.changed);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // Once and only once in the table too (no event the feed would hide).
    expect(Number((await server.db("events").count({ n: "*" }))[0].n)).toBe(8);
  });

  it("names secrets among the changed fields, never their values or hashes", async () => {
    const from = await latest();
    const secret = "Sup3r-s3cret-passw0rd";
    const token = "reset-token-0c2e-1b7d-6a9f";
    expect((await put("/user/5", { password: secret }, {}, "dhclient")).status).toBe(204);
    expect(
      (await put(`/users/${JLOPEZ}`, { resetPasswordToken: token, confirmationToken: token, password: secret })).status,
    ).toBe(200);
    expect(
      (await scim("PUT", `/scim/v2/Users/${BJENSEN}`, { schemas: [USER_URN], userName: "bjensen", password: secret }))
        .status,
    ).toBe(200);
    const { events } = await readAll(from, 3);
    expect(events.map((e) => [e.subject, e.data.changed.filter((f: string) => /password|token/.test(f))])).toEqual([
      [DHCLIENT, ["password"]],
      [JLOPEZ, ["confirmation_token", "password", "reset_password_token"]],
      [BJENSEN, ["password"]],
    ]);
    const text = JSON.stringify(events);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(token);
    for (const row of await server.db("users").whereIn("id", [DHCLIENT, JLOPEZ, BJENSEN]))
      for (const column of ["password_hash", "reset_password_token", "confirmation_token"])
        if (row[column]) expect(text).not.toContain(row[column]);
  });
});

describe("reading the feed", () => {
  it("after/next pages see each event exactly once, in the same order whatever the page size", async () => {
    for (let i = 0; i < 7; i++) expect((await put("/user/3", { data: { page: i } })).status).toBe(204);
    const whole = await readAll(undefined, await eventCount(), 1000);
    for (const limit of [1, 2, 3]) {
      const paged = await readAll(undefined, whole.events.length, limit);
      expect(paged.events).toEqual(whole.events);
      expect(paged.next).toBe(whole.next);
    }
    // An answer with nothing new gives back the position it was asked from.
    expect((await feed(`?after=${whole.next}`)).json).toEqual({ events: [], next: whole.next });
  });

  it("after=latest gives no event and the position now; read from it, only what changes afterwards", async () => {
    const caughtUp = await latest();
    const now = await feed("?after=latest");
    expect(now.json.events).toEqual([]);
    // Nothing between the last event read and the position now.
    expect((await feed(`?after=${caughtUp}`)).json.events).toEqual([]);
    expect(now.json.next).toMatch(/^\d+-\d+$/);
    expect((await put("/user/3", { data: { latest: true } })).status).toBe(204);
    const after = await readAll(now.json.next, 1);
    expect(after.events.map((e) => [e.subject, e.data.changed])).toEqual([[JONNY, ["attributes"]]]);
  });

  it("with wait, answers as soon as an event arrives, and after the wait when none does", async () => {
    const from = await latest();
    let started = Date.now();
    const empty = await feed(`?after=${from}&wait=1`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(empty.json).toEqual({ events: [], next: from });

    started = Date.now();
    const polling = feed(`?after=${from}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const wrote = Date.now();
    expect((await put("/user/3", { data: { waited: true } })).status).toBe(204);
    const answered = await polling;
    const elapsed = Date.now() - started;
    expect(answered.json.events.map((e: any) => e.subject)).toEqual([JONNY]);
    expect(elapsed).toBeGreaterThanOrEqual(wrote - started);
    expect(elapsed).toBeLessThan(3_000);
  });

  it("is for administrators only; a malformed position or wait is 400", async () => {
    expect((await feed("", "tdurden")).status).toBe(403);
    expect((await send(server, "GET", "/directory/events")).status).toBe(401);
    expect((await send(server, "GET", "/directory/deliveries/dead", { as: "dhclient" })).status).toBe(403);
    expect((await send(server, "GET", "/directory/deliveries/dead", { as: "admin" })).json).toEqual({ deliveries: [] });
    for (const query of ["?after=x", "?after=12", "?after=1-2-3", "?wait=31", "?wait=-1", "?limit=0", "?limit=1001"])
      expect((await feed(query)).status, query).toBe(400);
  });
});

describe("what publishes no event", () => {
  it("a write refused with 409, 412, 400, 403 or 404, and one that changes nothing", async () => {
    const from = await latest();
    const count = await eventCount();
    expect((await put(`/users/${JONNY}`, { username: "tdurden" })).status).toBe(409);
    // A username that is another user's email: refused by a trigger after the statement wrote its audit row.
    expect((await put(`/users/${JONNY}`, { username: "admin@example.com" })).status).toBe(409);
    expect((await put("/user/jonny1/profile", { email: "j@example.com" }, { "If-Match": '"1"' })).status).toBe(412);
    expect((await put("/user/jonny1/profile", { email: "not-an-email" })).status).toBe(400);
    expect((await put(`/users/${JONNY}`, { role: "admin" }, {}, "jonny1")).status).toBe(403);
    expect((await put("/user/ghost/profile", { email: "g@example.com" })).status).toBe(404);
    const same = (await send(server, "GET", "/user/jonny1/profile", { as: "admin" })).json;
    expect((await put("/user/jonny1/profile", same)).status).toBe(204);
    expect((await readAll(from, 0)).events).toEqual([]);
    expect(await eventCount()).toBe(count);
  });

  it("a write whose transaction rolls back, through the directory's own write path", async () => {
    const from = await latest();
    const count = await eventCount();
    const contensis = contracts.find((c) => c.tag === "contensis")!;
    const binding = { contract: "contensis", access: accessTable(contensis), relations: contensis.relations };
    const rolledBack = new Error("rolled back on purpose");
    await expect(
      server.db.transaction(async (trx) => {
        const directory = openDirectory(trx, server.config).forContract(binding);
        const user = await directory.update({
          caller: { by: "id", value: ADMIN },
          target: { by: "id", value: JONNY },
          change: { changes: { first_name: "Never" }, sent: ["first_name"] },
          expected: undefined,
        });
        expect(user.first_name).toBe("Never");
        expect(Number((await trx("events").where({ user_id: JONNY }).count({ n: "*" }))[0].n)).toBeGreaterThan(0);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect((await readAll(from, 0)).events).toEqual([]);
    expect(await eventCount()).toBe(count);
    expect((await send(server, "GET", "/user/jonny1/profile", { as: "admin" })).json.firstName).not.toBe("Never");
  });

  it("a write that fails in the database after its statement began (500)", async () => {
    await server.db.raw(`create function refuse_boom() returns trigger language plpgsql as
      $$ begin if new.first_name = 'boom' then raise exception 'boom'; end if; return new; end $$`);
    await server.db.raw(
      "create trigger refuse_boom before update on users for each row execute function refuse_boom()",
    );
    try {
      const from = await latest();
      const count = await eventCount();
      const failed = await send(quiet, "PUT", "/user/jonny1/profile", {
        as: "admin",
        ...jsonBody({ firstName: "boom" }),
      });
      expect(failed.status).toBe(500);
      expect((await readAll(from, 0)).events).toEqual([]);
      expect(await eventCount()).toBe(count);
      expect(await server.db("audit").where({ user_id: JONNY }).whereRaw("changes::text like '%boom%'")).toEqual([]);
    } finally {
      await server.db.raw("drop trigger refuse_boom on users");
      await server.db.raw("drop function refuse_boom()");
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("a transaction that commits late (PostgreSQL)", () => {
  it("hides the events committed after it began until it ends, so that a reader passes none", async () => {
    const from = await latest();
    const camunda = contracts.find((c) => c.tag === "camunda")!;
    const binding = { contract: "camunda", access: accessTable(camunda), relations: camunda.relations };
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wroteLate = new Promise<void>((resolve) => (written = resolve));
    const late = server.db.transaction(async (trx) => {
      await openDirectory(trx, server.config)
        .forContract(binding)
        .update({
          caller: { by: "id", value: ADMIN },
          target: { by: "id", value: TDURDEN },
          change: { changes: { first_name: "Late" }, sent: ["first_name"] },
          expected: undefined,
        });
      written();
      await released;
    });
    try {
      await wroteLate;
      expect((await put("/user/3", { data: { early: true } })).status).toBe(204);
      // The early commit's event is not given while the older transaction runs: it would be passed otherwise.
      const during = await feed(`?after=${from}`);
      expect(during.json.events).toEqual([]);
      const polling = feed(`?after=${from}&wait=10`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await late;
      const after = await polling;
      const all = [...after.json.events, ...(await readAll(after.json.next, 2 - after.json.events.length)).events];
      expect(all.map((e: any) => e.subject)).toEqual([TDURDEN, JONNY]);
    } finally {
      release();
      await late.catch(() => undefined);
    }
  });

  // The feed takes only events of transactions older than every running one, and transaction ids are the whole
  // server's: a write transaction left open in another database of the same PostgreSQL server holds newer events
  // back until it ends (docs/events.md). None is lost: it comes once that transaction ends.
  it("gives an event held back by a transaction open in another database once that transaction ends", async () => {
    const from = await latest();
    const other = adminConnection(process.env.TEST_DATABASE_URL!);
    const trx = await other.transaction();
    try {
      await trx.raw("select pg_current_xact_id()");
      expect((await put("/user/3", { data: { otherDatabase: true } })).status).toBe(204);
      expect((await feed(`?after=${from}&wait=1`)).json.events).toEqual([]);
    } finally {
      await trx.rollback();
      await other.destroy();
    }
    const answer = await feed(`?after=${from}&wait=5`);
    expect(answer.json.events.map((e: any) => e.subject)).toEqual([JONNY]);
  });
});
