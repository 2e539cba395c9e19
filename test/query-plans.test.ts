// Every lookup an identity provider makes, and every statement of a PUT, can use an index: each statement is
// captured as the directory runs it, then explained with sequential scans priced out (a directory of 7 users would
// otherwise be scanned whatever its indexes), and its plan must name the index that keeps it fast at a million users.
import type { Knex } from "knex";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StatementCache } from "../src/db/statement-cache.ts";
import { fromFile, importDirectory } from "../src/directory/import.ts";
import { findCallerAndUser } from "../src/directory/sql/read.ts";
import { claim, fanOut, registerSubscriptions } from "../src/events/deliveries.ts";
import { searchUsers } from "../src/directory/sql/search.ts";
import type { Store } from "../src/directory/sql/store.ts";
import type { Page, UserFilter } from "../src/directory/user-filter.ts";
import { testDatabase, type TestDatabase } from "./support/harness.ts";

let database: TestDatabase;
let store: Store;
beforeAll(async () => {
  database = await testDatabase();
  store = { conn: database.db, statements: new StatementCache({ prepare: false }) };
});
afterAll(() => database.drop());

interface Captured {
  sql: string;
  bindings: unknown[];
}

/** The statements `work` runs. */
async function statementsOf(work: () => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = [];
  // Knex reports the statement as sent, numbered ($1); run again through Knex, it takes positional placeholders.
  const listener = (query: { sql: string; bindings?: unknown[] }) =>
    captured.push({ sql: query.sql.replace(/\$\d+/g, "?"), bindings: query.bindings ?? [] });
  database.db.on("query", listener);
  try {
    await work();
  } finally {
    database.db.off("query", listener);
  }
  return captured;
}

/** A statement's plan when sequential scans are priced out: the indexes it uses and the tables it still scans. */
async function planOf({ sql, bindings }: Captured): Promise<{ indexes: string[]; scanned: string[] }> {
  return database.db.transaction(async (trx: Knex.Transaction) => {
    await trx.raw("set local enable_seqscan = off");
    const { rows } = await trx.raw(`explain (format json) ${sql}`, bindings as Knex.RawBinding[]);
    const plan = { indexes: [] as string[], scanned: [] as string[] };
    const visit = (node: Record<string, unknown>) => {
      if (typeof node["Index Name"] === "string") plan.indexes.push(node["Index Name"]);
      if (node["Node Type"] === "Seq Scan") plan.scanned.push(node["Relation Name"] as string);
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) visit(child);
    };
    visit((rows[0]["QUERY PLAN"] as { Plan: Record<string, unknown> }[])[0].Plan);
    return plan;
  });
}

/** The indexes a statement's plan uses when sequential scans are priced out. */
const indexesOf = async (statement: Captured) => (await planOf(statement)).indexes;

const search =
  (filter: UserFilter, page: Page = { kind: "offset", offset: 0, count: 100 }) =>
  () =>
    searchUsers(store, { filter, order: undefined, page, total: false });

describe("the lookups identity providers make", () => {
  it.each<[string, UserFilter, string]>([
    [
      "userName eq",
      { kind: "compare", field: "username", op: "eq", value: "BJensen", caseExact: false },
      "users_username_key",
    ],
    [
      "externalId eq",
      { kind: "compare", field: "external_id", op: "eq", value: "701984", caseExact: true },
      "users_external_id_key",
    ],
    [
      'emails[type eq "work"].value eq',
      {
        kind: "address",
        filter: {
          kind: "and",
          left: { kind: "compare", field: "type", op: "eq", value: "work", caseExact: false },
          right: { kind: "compare", field: "value", op: "eq", value: "bjensen@example.com", caseExact: false },
        },
      },
      "users_email_values_idx",
    ],
    ["id eq", { kind: "compare", field: "id", op: "eq", value: "12345", caseExact: true }, "users_pkey"],
    [
      "meta.lastModified gt (what changed since)",
      { kind: "compare", field: "updated_at", op: "gt", value: new Date("2020-01-01T00:00:00Z"), caseExact: true },
      "users_updated_at_idx",
    ],
  ])("%s uses its index", async (_name, filter, index) => {
    const [statement] = await statementsOf(search(filter));
    expect(await indexesOf(statement)).toContain(index);
  });

  it("a cursor page starts at its position through the users' numbers, the same on every page", async () => {
    const page = { kind: "after" as const, after: { key: null, num: 5 }, count: 100 };
    const [statement] = await statementsOf(search({ kind: "all" }, page));
    expect(await indexesOf(statement)).toContain("users_num_unique");
  });
});

describe("the statements of a PUT", () => {
  it.each<[string, "id" | "username" | "email" | "login", string, string[]]>([
    ["by id", "id", "2819c223-7f76-453a-919d-413861904646", ["users_pkey"]],
    ["by username", "username", "BJENSEN", ["users_username_key"]],
    ["by username or email (contract A)", "login", "bjensen@example.com", ["users_username_key", "users_email_key"]],
  ])("the caller and the user %s are found through their indexes", async (_how, by, value, indexes) => {
    const statements = await statementsOf(() =>
      findCallerAndUser(store, { by: "id", value: "9d1e6a52-3b8f-4c1e-8a55-0c2f4b7d9e01" }, { by, value }, false),
    );
    const used = await indexesOf(statements[0]);
    for (const index of indexes) expect(used).toContain(index);
  });

  it("a rename finds the users shown with the renamed user's name through the actor indexes", async () => {
    // The condition src/directory/sql/write.ts gives those users by.
    const used = await indexesOf({
      sql: "select id from users where (created_by = ? or updated_by = ?) and id <> ?",
      bindings: ["x", "x", "x"],
    });
    expect(used).toEqual(expect.arrayContaining(["users_created_by_idx", "users_updated_by_idx"]));
  });
});

describe("the import's statements", () => {
  it("scan no table: new and known users, a rename, reports given to owners by username", async () => {
    const users = (suffix: string) =>
      [1, 2, 3].map((n) => ({
        id: `planned-${n}`,
        username: n === 1 ? `planned-${n}-${suffix}` : `planned-${n}`,
        email: `planned-${n}@example.com`,
        role: "client" as const,
        status: "active" as const,
      }));
    const reports = [{ uuid: "maia-planned00001", owner: "planned-2" }];
    await importDirectory(database.db, fromFile({ users: users("a"), reports }));
    const statements = await statementsOf(() =>
      importDirectory(database.db, fromFile({ users: users("b"), reports: [{ ...reports[0], owner: "planned-3" }] })),
    );
    const explained = statements.filter(({ sql }) => /^\s*(select|insert|update|delete|with)\b/i.test(sql));
    expect(explained.length).toBeGreaterThan(5);
    for (const statement of explained) expect((await planOf(statement)).scanned, statement.sql).toEqual([]);
  });
});

describe("the delivery queue's claim", () => {
  // The planner's statistics of a queue that was empty when last analyzed (a new deployment, a receiver down since)
  // must not turn "is this the user's first delivery" into a scan of the whole backlog per candidate.
  it("reads a few pages for a batch, not the backlog, with statistics taken while the queue was empty", async () => {
    await registerSubscriptions(database.db, ["planned"]);
    await database.db.raw("analyze event_deliveries");
    await database.db.raw(
      `insert into events (user_id, type, data)
        select 'planned-' || (i % 300), 'user.updated', '{}'::jsonb from generate_series(1, 3000) i`,
    );
    while ((await fanOut(database.db, ["planned"])) > 0);
    const [statement] = await statementsOf(() => claim(database.db, "planned", 50, 60_000));
    // Explained as it runs (it leases another batch, which nothing here minds): the pages its plan read.
    const { rows } = await database.db.raw(
      `explain (analyze, buffers, format json) ${statement.sql}`,
      statement.bindings as Knex.RawBinding[],
    );
    const hits = (rows[0]["QUERY PLAN"] as { Plan: Record<string, number> }[])[0].Plan["Shared Hit Blocks"];

    expect(hits).toBeLessThan(1_000);
  });
});
