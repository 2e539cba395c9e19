// Temporary directories for suites of real processes: made when the suite starts, removed when it ends, so that a
// suite skipped on this database (or left out by a filter) leaves nothing behind in the temporary directory.
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/** The path of a directory that exists while the enclosing suite (or file) runs. */
export function scratchDirectory(prefix: string): string {
  const path = join(tmpdir(), `${prefix}${randomUUID()}`);
  beforeAll(() => void mkdirSync(path, { mode: 0o700 }));
  afterAll(() => rmSync(path, { recursive: true, force: true }));
  return path;
}
