// npm run build, and npm start before it starts the server: compiles src/ and generated/ into dist/ with
// `tsc -b`, and puts the spec beside them, as written and parsed. When no input is newer than the last successful
// build, tsc is not even loaded: its own up-to-date check costs ~0.3 s of a warm start (docs/performance.md). Run
// by Node.js itself (types stripped), so that it needs nothing else.
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const INPUTS = ["src", "generated", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];
const SPEC = "openapi.yaml";
// Written only after tsc succeeded: a failed build is tried again next time. src/spec.ts reads the parsed spec.
const BUILT = join("dist", ".built");
const PARSED_SPEC = join("dist", "openapi.parsed.json");

const modified = (path: string) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

if (Math.max(...INPUTS.map(newestChange)) >= modified(BUILT)) {
  rmSync(BUILT, { force: true });
  execFileSync(join("node_modules", ".bin", "tsc"), ["-b", "tsconfig.build.json"], { stdio: "inherit" });
  writeFileSync(BUILT, "");
}
if (modified(SPEC) >= Math.min(modified(join("dist", SPEC)), modified(PARSED_SPEC))) {
  const { parse } = await import("yaml");
  copyFileSync(SPEC, join("dist", SPEC));
  writeFileSync(PARSED_SPEC, JSON.stringify(parse(readFileSync(SPEC, "utf8"))));
}
