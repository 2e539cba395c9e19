// npm run import -- <file.json>: streams users and reports into the configured database, all or nothing,
// with a progress line. The file is read twice (users, then reports), never held whole in memory.
import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import Pick from "stream-json/filters/Pick.js";
import Parser from "stream-json/Parser.js";
import StreamArray from "stream-json/streamers/StreamArray.js";
import { loadConfig } from "../src/config.ts";
import { describeTarget, openDatabase } from "../src/db/knex.ts";
import { migrate } from "../src/db/migrate.ts";
import { databaseTarget } from "../src/db/setup.ts";
import { importDirectory, ImportError } from "../src/directory/import.ts";
import { runScript, UsageError } from "./run-script.ts";

/** The elements of the top-level array `key`, one at a time; a JSON syntax error ends them with ImportError. */
async function* entries(
  file: string,
  key: "users" | "reports",
  onRead: (bytes: number) => void,
): AsyncGenerator<unknown> {
  const source = createReadStream(file);
  // Values as whole tokens, not streamed in chunks: half the parser's work (the import's largest cost after PostgreSQL).
  const parser = Parser.parser({ streamValues: false });
  const stages: Readable[] = [source, parser, Pick.pick({ filter: key }), StreamArray.streamArray()];
  for (let i = 0; i < stages.length - 1; i++) stages[i].pipe(stages[i + 1] as never);
  const last = stages[stages.length - 1];
  for (const stage of stages.slice(0, -1)) stage.on("error", (error) => last.destroy(error));
  try {
    for await (const { value } of last as AsyncIterable<{ value: unknown }>) {
      onRead(source.bytesRead);
      yield value;
    }
  } catch (error) {
    throw new ImportError(`nothing imported: ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

runScript(async () => {
  const file = process.argv[2];
  if (!file) throw new UsageError("usage: npm run import -- <file.json>   (format: README.md, 'Importing users')");
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new ImportError(`${file}: ${(error as Error).message}`);
  }
  const target = databaseTarget(loadConfig());
  const db = openDatabase(target);
  let read = 0;
  let pass = 1;
  const progress = (counts: { users: number; reports: number }) =>
    process.stderr.write(
      `\rimporting: pass ${pass}/2, ${Math.round((read / Math.max(size, 1)) * 100)}% of the file, ${counts.users} users, ${counts.reports} reports`,
    );
  try {
    await migrate(db);
    const started = Date.now();
    const counts = await importDirectory(
      db,
      {
        users: entries(file, "users", (bytes) => (read = bytes)),
        reports: () => {
          pass = 2;
          return entries(file, "reports", (bytes) => (read = bytes));
        },
      },
      { onProgress: progress },
    ).catch((error: Error & { code?: string; detail?: string }) => {
      throw error.code === "23505" || error.code === "23503"
        ? new ImportError(`nothing imported: ${error.detail ?? error.message}`)
        : error;
    });
    console.log(
      `\nimported ${counts.users} users and ${counts.reports} reports into ${describeTarget(target)} in ${Date.now() - started} ms`,
    );
  } finally {
    process.stderr.write("\n");
    await db.destroy();
  }
});
