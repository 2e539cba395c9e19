// The one Knex factory: `pg` with a pool when a PostgreSQL URL is given, else an embedded PGlite.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import knex, { type Knex } from "knex";
import ClientPgLite from "knex-pglite";
import pg from "pg";

// bigint (int8) columns arrive as strings from `pg`; contract C's user number fits in a double (bounded in the spec).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolMax: number }
  | { kind: "embedded"; dataDir: string }
  | { kind: "pglite"; instance: PGlite };

export function openDatabase(target: DatabaseTarget): Knex {
  switch (target.kind) {
    case "postgres":
      return knex({
        client: "pg",
        connection: target.url,
        pool: { min: 0, max: target.poolMax },
        acquireConnectionTimeout: 5_000,
      });
    case "embedded": {
      mkdirSync(target.dataDir, { recursive: true });
      return knex({ client: ClientPgLite, dialect: "postgres", connection: { filename: join(target.dataDir, "pgdata") } });
    }
    case "pglite":
      // knex-pglite takes an existing instance through a connection function its types do not declare.
      return knex({ client: ClientPgLite, dialect: "postgres", connection: (() => ({ pglite: target.instance })) as never });
  }
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") return `PostgreSQL at ${new URL(target.url).host}${new URL(target.url).pathname}`;
  if (target.kind === "embedded") return `embedded PostgreSQL (PGlite) in ${join(target.dataDir, "pgdata")}`;
  return "embedded PostgreSQL (PGlite) in memory";
}
