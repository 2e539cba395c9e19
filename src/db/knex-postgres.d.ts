// Knex's own PostgreSQL dialect client, which the package does not type; extended by prepared-statements.ts.
declare module "knex/lib/dialects/postgres/index.js" {
  import { Knex } from "knex";

  class PostgresClient extends Knex.Client {
    _query(connection: unknown, query: { sql: string; options?: Record<string, unknown> }): Promise<unknown>;
  }
  export default PostgresClient;
}
