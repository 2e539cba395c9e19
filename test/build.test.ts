// scripts/build.ts (npm run build, and npm start before the server): tsc runs when an input is newer than the last
// successful build, not otherwise; a failed build is tried again; the spec is put beside the build, also parsed.
// Run in a scratch project whose `tsc` only records that it ran.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";

const BUILD = join(import.meta.dirname, "..", "scripts", "build.ts");
let project: string;

// Fails when FAIL exists; otherwise emits dist/src/main.js; counts its runs either way.
const FAKE_TSC = `#!/bin/sh
echo run >> runs
[ -e FAIL ] && exit 1
mkdir -p dist/src && echo "// built" > dist/src/main.js
`;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), "users-api-build-"));
  for (const dir of ["src", "generated", "node_modules/.bin"]) mkdirSync(join(project, dir), { recursive: true });
  for (const file of ["src/main.ts", "generated/api.ts", "tsconfig.json", "tsconfig.build.json", "package-lock.json"])
    writeFileSync(join(project, file), "{}");
  writeFileSync(join(project, "openapi.yaml"), "openapi: 3.0.3\n");
  writeFileSync(join(project, "node_modules/.bin/tsc"), FAKE_TSC);
  chmodSync(join(project, "node_modules/.bin/tsc"), 0o755);
  // Inputs a little in the past, as after a checkout, so that a build right after is newer than all of them.
  const past = new Date(Date.now() - 60_000);
  for (const file of ["src", "src/main.ts", "generated", "generated/api.ts", "tsconfig.json", "package-lock.json"])
    utimesSync(join(project, file), past, past);
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

const build = () => execFileSync(process.execPath, [BUILD], { cwd: project, stdio: "pipe" });
const tscRuns = () =>
  existsSync(join(project, "runs")) ? readFileSync(join(project, "runs"), "utf8").split("\n").length - 1 : 0;

it("compiles on the first build, not when nothing changed, and again when a source changed", () => {
  build();
  expect(tscRuns()).toBe(1);
  expect(readFileSync(join(project, "dist/openapi.yaml"), "utf8")).toBe("openapi: 3.0.3\n");
  build();
  expect(tscRuns()).toBe(1);
  writeFileSync(join(project, "src/main.ts"), "export {};");
  build();
  expect(tscRuns()).toBe(2);
});

it("a failed build is tried again on the next one", () => {
  writeFileSync(join(project, "FAIL"), "");
  expect(build).toThrow();
  expect(build).toThrow();
  expect(tscRuns()).toBe(2);
  rmSync(join(project, "FAIL"));
  build();
  build();
  expect(tscRuns()).toBe(3);
});

it("puts the spec beside the build, as written and parsed, whenever it changed, also when nothing is compiled", () => {
  build();
  writeFileSync(join(project, "openapi.yaml"), "openapi: 3.0.3\ninfo: { title: changed }\n");
  build();
  expect(tscRuns()).toBe(1);
  expect(readFileSync(join(project, "dist/openapi.yaml"), "utf8")).toContain("changed");
  expect(JSON.parse(readFileSync(join(project, "dist/openapi.parsed.json"), "utf8"))).toEqual({
    openapi: "3.0.3",
    info: { title: "changed" },
  });
});
