// The one Knex factory: knex's PostgreSQL client with prepared statements, over a `pg` pool when a PostgreSQL URL
// is given, else over an embedded PGlite through PGlite's node-postgres adapter (same driver, same code path).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import knex, { type Knex } from "knex";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import { PreparedStatementsClient } from "./prepared-statements.ts";

// bigint (int8) columns arrive as strings from `pg`; contract C's user number fits in a double (bounded in the spec).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolMax: number; preparedStatements?: boolean }
  | { kind: "embedded"; dataDir: string }
  /** An open PGlite (tests): the Knex instance takes it over and closes it on destroy. */
  | { kind: "pglite"; instance: PGlite };

export function openDatabase(target: DatabaseTarget): Knex {
  switch (target.kind) {
    case "postgres":
      return knex({
        client: target.preparedStatements === false ? "pg" : PreparedStatementsClient,
        connection: target.url,
        pool: { min: 0, max: target.poolMax },
        acquireConnectionTimeout: 5_000,
      });
    case "embedded": {
      mkdirSync(target.dataDir, { recursive: true });
      const unlock = lockDataDir(target.dataDir);
      return onPglite(new PGlite(join(target.dataDir, "pgdata")), unlock);
    }
    case "pglite":
      return onPglite(target.instance);
  }
}

/**
 * PGlite is a single session: one connection for the life of the Knex instance, which closes PGlite with it (and
 * then releases the data directory's lock).
 */
function onPglite(pglite: PGlite, unlock?: () => void): Knex {
  class PgliteClient extends PreparedStatementsClient {
    override async destroy(callback?: () => void): Promise<void> {
      await super.destroy(undefined);
      if (!pglite.closed) await pglite.close();
      unlock?.();
      callback?.();
    }
  }
  return knex({ client: PgliteClient, connection: createPgConfig(pglite) as Knex.PgConnectionConfig, pool: { min: 1, max: 1 } });
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") return `PostgreSQL at ${new URL(target.url).host}${new URL(target.url).pathname}`;
  if (target.kind === "embedded") return `embedded PostgreSQL (PGlite) in ${join(target.dataDir, "pgdata")}`;
  return "embedded PostgreSQL (PGlite) in memory";
}
