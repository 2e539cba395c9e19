// Back to the demo directory between tests, quicker than a new database.
import type { Knex } from "knex";
import { DEMO_ADMIN_ID, demoDirectory } from "../../src/db/demo.ts";
import { fromFile, importDirectory } from "../../src/directory/import.ts";

export async function loadDemo(db: Knex): Promise<void> {
  await importDirectory(db, fromFile(demoDirectory), { actorId: DEMO_ADMIN_ID });
}

export async function resetDirectory(db: Knex): Promise<void> {
  await db.raw("truncate audit, reports, users restart identity cascade");
  await loadDemo(db);
}
