// Hot statements compiled once per shape, prepared once per connection, and sent on the connection Knex's pool hands
// out.
//
// Knex builds a statement with named placeholders the first time its shape (which columns change, how the user is
// addressed, ...) is seen; later calls bind their values by name to the SQL text it produced instead of rebuilding
// it (docs/performance.md, step 1). Each distinct text is a named prepared statement, so PostgreSQL parses and plans
// it once per connection (the read and write took 1.9 ms on PGlite unprepared and 0.9 ms prepared). The compiled
// text is sent by the driver on a connection of Knex's pool (or the transaction's), not through Knex's runner, which
// re-scans the text for placeholders on every call (docs/performance.md, round 3); the query events Knex would emit
// are emitted here, so metrics and traces see these statements as they see Knex's.
import { randomUUID } from "node:crypto";
import type { Knex } from "knex";

/** Builds the statement of a shape; `param(name)` stands for the value given under that name at run time. */
export type StatementBuilder = (param: (name: string) => string) => Knex.QueryBuilder | Knex.Raw;

interface Compiled {
  /** With numbered placeholders ($1), as the driver takes it. */
  sql: string;
  names: string[];
}

/** The driver's connection, as Knex's pool hands it out (node-postgres's Client, or PGlite's adapter of it). */
interface Connection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

export interface StatementCacheOptions {
  /** Name (prepare) each statement; off behind a pooler that cannot keep prepared statements. */
  prepare: boolean;
  /**
   * Rebuild the statement on every call and fail when it differs from the cached text: a shape key that misses
   * something the statement depends on (tests run with this on).
   */
  verify?: boolean;
}

// Clients choose which columns change, so the shapes are many but bounded; past this many, statements are compiled
// on every call and run unprepared (each prepared statement holds memory in every server connection).
const MAX_SHAPES = 200;
const PLACEHOLDER = "\u0000statement-value:";

// One name per text for the whole process: a connection keeps what it prepared under a name, whichever cache (and
// Knex instance) named it.
const statementNames = new Map<string, string>();

function nameFor(sql: string): string | undefined {
  const known = statementNames.get(sql);
  if (known || statementNames.size >= MAX_SHAPES) return known;
  const name = `users_api_${statementNames.size + 1}`;
  statementNames.set(sql, name);
  return name;
}

export class StatementCache {
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly options: StatementCacheOptions) {}

  async run<Row>(db: Knex, shape: string, values: Record<string, unknown>, build: StatementBuilder): Promise<Row[]> {
    let statement = this.compiled.get(shape);
    if (!statement) {
      statement = compile(shape, build);
      if (this.compiled.size < MAX_SHAPES) this.compiled.set(shape, statement);
    } else if (this.options.verify) {
      const fresh = compile(shape, build);
      if (fresh.sql !== statement.sql || fresh.names.join() !== statement.names.join())
        throw new Error(`statement shape '${shape}' does not determine its text:\n${statement.sql}\n${fresh.sql}`);
    }
    const bindings = statement.names.map((name) => {
      const value = values[name];
      if (value === undefined) throw new Error(`statement shape '${shape}': no value named '${name}'`);
      return value;
    });
    const name = this.options.prepare ? nameFor(statement.sql) : undefined;
    return send<Row>(db.client as Knex.Client, statement.sql, bindings, name);
  }
}

/** Sends a statement on a connection of the client's pool (a transaction's client hands out its own connection). */
async function send<Row>(
  client: Knex.Client,
  sql: string,
  values: unknown[],
  name: string | undefined,
): Promise<Row[]> {
  const connection = (await client.acquireConnection()) as Connection;
  const event = { __knexQueryUid: randomUUID(), method: "raw", sql, bindings: values };
  client.emit("query", event);
  try {
    const result = await connection.query({ ...(name && { name }), text: sql, values });
    client.emit("query-response", result, event);
    return result.rows as Row[];
  } catch (error) {
    client.emit("query-error", error, event);
    throw error;
  } finally {
    await client.releaseConnection(connection);
  }
}

function compile(shape: string, build: StatementBuilder): Compiled {
  const { sql, bindings } = build((name) => PLACEHOLDER + name)
    .toSQL()
    .toNative();
  const names = bindings.map((binding) => {
    if (typeof binding !== "string" || !binding.startsWith(PLACEHOLDER))
      throw new Error(`statement shape '${shape}': a value was not given by name`);
    return binding.slice(PLACEHOLDER.length);
  });
  return { sql, names };
}
