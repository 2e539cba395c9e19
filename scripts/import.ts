// npm run import -- <file.json>: upserts users and reports into the configured database, all or nothing.
import { readFile } from "node:fs/promises";
import { loadConfig } from "../src/config.ts";
import { describeTarget, openDatabase } from "../src/db/knex.ts";
import { migrate } from "../src/db/migrate.ts";
import { databaseTarget } from "../src/db/setup.ts";
import { checkImportFile, importDirectory, ImportError } from "../src/directory/import.ts";
import { runScript, UsageError } from "./run-script.ts";

runScript(async () => {
  const file = process.argv[2];
  if (!file) throw new UsageError("usage: npm run import -- <file.json>   (format: README.md, 'Importing users')");
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ImportError(`${file}: ${(error as Error).message}`);
  }
  const checked = checkImportFile(data);
  const target = databaseTarget(loadConfig());
  const db = openDatabase(target);
  try {
    await migrate(db);
    const started = Date.now();
    const counts = await importDirectory(db, checked, {
      onProgress: (done, total) => process.stderr.write(`\rimporting: ${done}/${total} entries`),
    }).catch((error: { code?: string; detail?: string; message: string }) => {
      throw error.code === "23505" || error.code === "23503" ? new ImportError(`\nnothing imported: ${error.detail ?? error.message}`) : error;
    });
    process.stderr.write("\n");
    console.log(`imported ${counts.users} users and ${counts.reports} reports into ${describeTarget(target)} in ${Date.now() - started} ms`);
  } finally {
    await db.destroy();
  }
});
