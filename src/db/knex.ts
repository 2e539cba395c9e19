// The one Knex factory: knex's PostgreSQL client, over a `pg` pool when a PostgreSQL URL is given, else over an
// embedded PGlite through PGlite's node-postgres adapter (same driver, same code path).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import knex, { type Knex } from "knex";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import PostgresClient from "knex/lib/dialects/postgres/index.js";

// bigint (int8) columns arrive as strings from `pg`; contract C's user number fits in a double (bounded in the spec).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolMax: number }
  | { kind: "embedded"; dataDir: string }
  /** An open PGlite (tests): the Knex instance takes it over and closes it on destroy. */
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
      const unlock = lockDataDir(target.dataDir);
      return onPglite(new PGlite(join(target.dataDir, "pgdata"), embeddedOptions()), unlock);
    }
    case "pglite":
      return onPglite(target.instance);
  }
}

/**
 * The embedded server's memory (measured with `npm run bench -- --only embedded`; docs/performance.md): PGlite
 * runs PostgreSQL inside this process, where initdb's 128 MB of shared buffers is sized for a server, not for a
 * directory like this one; and V8 recompiling PGlite's 9 MB WebAssembly module with its optimising tier, while
 * requests arrive, peaks at about 500 MB more (and in a 40 s run its compiling cost more CPU than its faster code
 * saved). The baseline tier's code is kept instead. V8 reads these flags when it compiles a WebAssembly module, so
 * they are set before PGlite compiles its own; only WebAssembly code is affected.
 */
function embeddedOptions() {
  setFlagsFromString("--no-wasm-tier-up");
  setFlagsFromString("--no-wasm-dynamic-tiering");
  return { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] };
}

/**
 * PGlite is a single session: one connection for the life of the Knex instance, which closes PGlite with it (and
 * then releases the data directory's lock).
 */
function onPglite(pglite: PGlite, unlock?: () => void): Knex {
  class PgliteClient extends PostgresClient {
    override async destroy(callback?: () => void): Promise<void> {
      await super.destroy(undefined);
      if (!pglite.closed) await pglite.close();
      unlock?.();
      callback?.();
    }
  }
  return knex({
    client: PgliteClient,
    connection: createPgConfig(pglite) as Knex.PgConnectionConfig,
    pool: { min: 1, max: 1 },
  });
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") return `PostgreSQL at ${new URL(target.url).host}${new URL(target.url).pathname}`;
  if (target.kind === "embedded") return `embedded PostgreSQL (PGlite) in ${join(target.dataDir, "pgdata")}`;
  return "embedded PostgreSQL (PGlite) in memory";
}
