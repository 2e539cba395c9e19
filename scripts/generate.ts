// Writes generated/api.ts from openapi.yaml; with --check, fails when the committed file differs.
import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";

const specUrl = new URL("../openapi.yaml", import.meta.url);
const outUrl = new URL("../generated/api.ts", import.meta.url);
const header = "// Generated from openapi.yaml by `npm run generate`. Do not edit.\n\n";

const ast = await openapiTS(specUrl, { alphabetize: false, exportType: true });
const generated = header + astToString(ast);

if (process.argv.includes("--check")) {
  const committed = await readFile(outUrl, "utf8").catch(() => "");
  if (committed !== generated) {
    console.error("generated/api.ts is out of date with openapi.yaml: run `npm run generate` and commit it.");
    process.exit(1);
  }
  console.log("generated/api.ts matches openapi.yaml");
} else {
  await writeFile(outUrl, generated);
  console.log("wrote generated/api.ts");
}
