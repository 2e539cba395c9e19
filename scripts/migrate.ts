// npm run migrate: applies pending migrations to the configured database (DATABASE_URL, else the embedded one).
import { loadConfig } from "../src/config.ts";
import { describeTarget, openDatabase } from "../src/db/knex.ts";
import { migrate } from "../src/db/migrate.ts";
import { databaseTarget } from "../src/db/setup.ts";
import { runScript } from "./run-script.ts";

runScript(async () => {
  const target = databaseTarget(loadConfig());
  const db = openDatabase(target);
  try {
    const applied = await migrate(db);
    console.log(
      `${describeTarget(target)}: ${applied.length ? `applied ${applied.join(", ")}` : "already up to date"}`,
    );
  } finally {
    await db.destroy();
  }
});
