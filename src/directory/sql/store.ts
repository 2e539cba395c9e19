// What the directory's statements run on: a connection (the pool, or a transaction's) and the cache that compiles
// and prepares them (src/db/statement-cache.ts).
import type { Knex } from "knex";
import type { StatementBuilder, StatementCache } from "../../db/statement-cache.ts";

export interface Store {
  conn: Knex;
  statements: StatementCache;
}

/** Runs `work` in one transaction: its statements see each other's writes and commit together. */
export const inTransaction = <T>(store: Store, work: (trx: Store) => Promise<T>): Promise<T> =>
  store.conn.transaction((trx) => work({ conn: trx, statements: store.statements }));

/** Runs the statement of `shape` (built by `build` the first time) with `values` bound by name. */
export const run = <Row>(store: Store, shape: string, values: Record<string, unknown>, build: StatementBuilder) =>
  store.statements.run<Row>(store.conn, shape, values, build);
