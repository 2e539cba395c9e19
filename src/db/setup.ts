// From configuration to a ready database: which one, migrated, and (when asked or empty embedded) the demo.
import type { Knex } from "knex";
import type { Config } from "../config.ts";
import { DEMO_ADMIN_ID, demoDirectory } from "./demo.ts";
import type { DatabaseTarget } from "./knex.ts";
import { migrate } from "./migrate.ts";

export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl, poolMax: config.dbPoolMax }
    : { kind: "embedded", dataDir: config.dataDir };
}

export interface Prepared {
  migrations: string[];
  demoLoaded: boolean;
}

/** DEMO=1 loads the demo on any database, DEMO=0 never; unset, an empty embedded database gets it. */
export async function prepareDatabase(db: Knex, config: Config): Promise<Prepared> {
  const migrations = await migrate(db);
  const wantsDemo = config.demo ?? (!config.databaseUrl && (await isEmpty(db)));
  if (wantsDemo) {
    // Loaded only to load the demo: the import's schemas (and their compiling) are not needed to serve requests.
    const { fromFile, importDirectory } = await import("../directory/import.ts");
    await importDirectory(db, fromFile(demoDirectory), { actorId: DEMO_ADMIN_ID });
  }
  return { migrations, demoLoaded: wantsDemo };
}

async function isEmpty(db: Knex): Promise<boolean> {
  return (await db("users").select("id").first()) === undefined;
}
