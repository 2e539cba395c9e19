// Knex's own PostgreSQL dialect client, which the package does not type; extended by knex.ts to close PGlite with it.
declare module "knex/lib/dialects/postgres/index.js" {
  import { Knex } from "knex";

  class PostgresClient extends Knex.Client {}
  export default PostgresClient;
}
