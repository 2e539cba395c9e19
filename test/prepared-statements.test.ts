// Data statements are prepared once per connection and reused (src/db/prepared-statements.ts), on both databases.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../src/db/knex.ts";
import { findUser } from "../src/directory/users.ts";
import { testDatabase, type TestDatabase } from "./support/harness.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.drop());

it("a statement run twice on one connection is prepared once and executed from that preparation", async () => {
  await database.db.transaction(async (trx) => {
    // A transaction holds one connection; usernames differ, the statement text does not.
    expect(await findUser(trx, { by: "username", value: "tdurden" }, false)).toMatchObject({ username: "tdurden" });
    expect(await findUser(trx, { by: "username", value: "JONNY1" }, false)).toMatchObject({ username: "jonny1" });
    const { rows } = await trx.raw(
      "select name, generic_plans + custom_plans as executions from pg_prepared_statements where statement like ?",
      ["%lower(u.username) = $1%"],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].name).toMatch(/^users_api_\d+$/);
    expect(Number(rows[0].executions)).toBeGreaterThanOrEqual(2);
  });
});

it.runIf(!!process.env.TEST_DATABASE_URL)(
  "DB_PREPARED_STATEMENTS=false (for a pooler that cannot keep them) prepares nothing",
  async () => {
    const db = openDatabase({ kind: "postgres", url: database.url!, poolMax: 1, preparedStatements: false });
    try {
      await db.transaction(async (trx) => {
        expect(await findUser(trx, { by: "username", value: "tdurden" }, false)).toMatchObject({ username: "tdurden" });
        const { rows } = await trx.raw("select count(*)::int as prepared from pg_prepared_statements");
        expect(rows[0].prepared).toBe(0);
      });
    } finally {
      await db.destroy();
    }
  },
);
