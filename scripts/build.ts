// npm run build, and npm start before it starts the server: compiles src/ and generated/ into dist/ with
// `tsc -b`, and copies the spec beside them. When no input is newer than the last successful build, tsc is not
// even loaded: its own up-to-date check costs ~0.3 s of a warm start (docs/performance.md). Run by Node.js itself
// (types stripped), so that it needs nothing else.
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const INPUTS = ["src", "generated", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];
// Written only after tsc succeeded: a failed build is tried again next time.
const BUILT = join("dist", ".built");

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

const built = statSync(BUILT, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (Math.max(...INPUTS.map(newestChange)) >= built) {
  rmSync(BUILT, { force: true });
  execFileSync(join("node_modules", ".bin", "tsc"), ["-b", "tsconfig.build.json"], { stdio: "inherit" });
  writeFileSync(BUILT, "");
}
copyFileSync("openapi.yaml", join("dist", "openapi.yaml"));
