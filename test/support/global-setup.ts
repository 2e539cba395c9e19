// Once per run: a migrated demo directory that every test file copies (a PGlite dump, or a PostgreSQL template),
// and the directory where test servers record the statuses they answer (reported and checked at the end).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/knex.ts";
import { migrate } from "../../src/db/migrate.ts";
import { adminConnection, createDatabaseFrom, dropDatabase } from "./postgres.ts";
import { loadDemo } from "./reset.ts";
import { reportStatusCoverage } from "./status-coverage.ts";

declare module "vitest" {
  export interface ProvidedContext {
    template: { kind: "pglite"; dumpFile: string } | { kind: "postgres"; url: string; database: string };
    statusDir: string;
  }
}

export default async function setup(project: TestProject) {
  const statusDir = mkdtempSync(join(tmpdir(), "users-api-statuses-"));
  project.provide("statusDir", statusDir);
  const template = await provideTemplate(project);
  return async () => {
    try {
      reportStatusCoverage(statusDir);
    } catch (error) {
      process.exitCode = 1; // vitest only logs a teardown's error; this fails the run
      throw error;
    } finally {
      rmSync(statusDir, { recursive: true, force: true });
      await template.drop();
    }
  };
}

async function provideTemplate(project: TestProject): Promise<{ drop(): Promise<void> | void }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const database = `users_api_template_${process.pid}`;
    const admin = adminConnection(url);
    await dropDatabase(admin, database);
    await createDatabaseFrom(admin, database);
    const db = openDatabase({ kind: "postgres", url: withDatabase(url, database), poolMax: 2 });
    await migrate(db);
    await loadDemo(db);
    await db.destroy();
    project.provide("template", { kind: "postgres", url, database });
    return {
      async drop() {
        await dropDatabase(admin, database);
        await admin.destroy();
      },
    };
  }
  const pglite = new PGlite();
  const db = openDatabase({ kind: "pglite", instance: pglite });
  await migrate(db);
  await loadDemo(db);
  const dir = mkdtempSync(join(tmpdir(), "users-api-test-"));
  const dumpFile = join(dir, "template.tar");
  writeFileSync(dumpFile, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await db.destroy();
  project.provide("template", { kind: "pglite", dumpFile });
  return { drop: () => rmSync(dir, { recursive: true, force: true }) };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
