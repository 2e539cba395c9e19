// Hot statements are compiled once per shape and prepared once per connection (src/db/statement-cache.ts), on both
// databases; a shape that misses what its text depends on, and a value missing by name, are errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StatementCache } from "../src/db/statement-cache.ts";
import { findUser } from "../src/directory/sql/read.ts";
import { testDatabase, type TestDatabase } from "./support/harness.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.drop());

const preparedCount = async (trx: TestDatabase["db"], like: string) =>
  (
    await trx.raw(
      "select name, generic_plans + custom_plans as executions from pg_prepared_statements where statement like ?",
      [like],
    )
  ).rows as { name: string; executions: string }[];

describe("prepared statements", () => {
  it("a statement run twice on one connection is prepared once and executed from that preparation", async () => {
    const statements = new StatementCache({ prepare: true, verify: true });
    await database.db.transaction(async (trx) => {
      // A transaction holds one connection; usernames differ, the statement text does not.
      const store = { conn: trx, statements };
      expect(await findUser(store, { by: "username", value: "tdurden" }, false)).toMatchObject({ username: "tdurden" });
      expect(await findUser(store, { by: "username", value: "JONNY1" }, false)).toMatchObject({ username: "jonny1" });
      const rows = await preparedCount(trx, "%lower(u.username) = lower($1)%");
      expect(rows).toHaveLength(1);
      expect(rows[0].name).toMatch(/^users_api_\d+$/);
      expect(Number(rows[0].executions)).toBeGreaterThanOrEqual(2);
    });
  });

  it("with prepare off (DB_PREPARED_STATEMENTS=false, for a pooler that cannot keep them) nothing is prepared", async () => {
    const statements = new StatementCache({ prepare: false });
    await database.db.transaction(async (trx) => {
      const store = { conn: trx, statements };
      expect(await findUser(store, { by: "email", value: "T.Durden@fightclub.com" }, false)).toMatchObject({
        username: "tdurden",
      });
      expect(await preparedCount(trx, "%lower(u.email) = lower($1)%")).toHaveLength(0);
    });
  });
});

describe("shapes and named values", () => {
  const users = (db: TestDatabase["db"], column: string) => (param: (name: string) => string) =>
    db("users")
      .select("id")
      .whereRaw(`${column} = ?`, [param("value")]);

  it("binds later calls' values by name to the text compiled the first time", async () => {
    const statements = new StatementCache({ prepare: false, verify: true });
    const run = (username: string) =>
      statements.run<{ id: string }>(database.db, "by-username", { value: username }, users(database.db, "username"));
    expect(await run("tdurden")).toEqual([{ id: "4b262379-5bbe-421e-a429-f6e2ab5a849b" }]);
    expect(await run("jonny1")).toEqual([{ id: "c7b3f0d2-8a4e-4f61-9b2d-5e1a7c9d3f42" }]);
  });

  it("refuses a shape whose text depends on something the shape does not name (verify on)", async () => {
    const statements = new StatementCache({ prepare: false, verify: true });
    await statements.run(database.db, "by-something", { value: "tdurden" }, users(database.db, "username"));
    await expect(
      statements.run(database.db, "by-something", { value: "x@example.com" }, users(database.db, "email")),
    ).rejects.toThrow(/statement shape 'by-something' does not determine its text/);
  });

  it("refuses a call that gives no value for a name the statement binds, rather than binding null", async () => {
    const statements = new StatementCache({ prepare: false });
    await expect(statements.run(database.db, "by-username", {}, users(database.db, "username"))).rejects.toThrow(
      /no value named 'value'/,
    );
  });

  it("refuses a statement built with a value that is not a named placeholder", async () => {
    const statements = new StatementCache({ prepare: false });
    await expect(
      statements.run(database.db, "literal", {}, () => database.db("users").select("id").where("username", "admin")),
    ).rejects.toThrow(/a value was not given by name/);
  });
});
