// npm run test:portman: Portman turns openapi.yaml and test/portman/portman-config.yaml into a Postman collection
// of contract and variation tests; newman runs it against a fresh demo server started here (embedded PostgreSQL
// in a temporary DATA_DIR, REQUIRE_IF_MATCH=true). Fails on any failed assertion, read from newman's JSON report:
// Portman itself exits 0 whatever the assertions say.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import newman from "newman";
import { loadConfig } from "../src/config.ts";
import { demoDirectory } from "../src/db/demo.ts";
import { resolveTokenKeys, signToken } from "../src/tokens.ts";
import { runScript } from "./run-script.ts";
import { startServerProcess, stopServerProcess, type ServerProcess } from "./server-process.ts";

const root = resolve(import.meta.dirname, "..");
const config = (file: string) => join(root, "test/portman", file);
const portmanBin = join(
  dirname(createRequire(import.meta.url).resolve("@apideck/portman/package.json")),
  "bin",
  "portman",
);

interface NewmanReport {
  run: {
    stats: Record<"requests" | "assertions", { total: number; failed: number }>;
    failures: { source?: { name?: string }; error: { test?: string; message: string } }[];
  };
}

function demoToken(secret: string, username: string): string {
  const id = demoDirectory.users!.find((user) => user.username === username)!.id!;
  return signToken(resolveTokenKeys(loadConfig({ JWT_SECRET: secret })), id, "1h");
}

/** Portman writes its working files under its current directory: it runs in `work`. */
async function generateCollection(work: string, baseUrl: string, env: Record<string, string>): Promise<string> {
  const output = join(work, "collection.json");
  const args = [
    "-l",
    join(root, "openapi.yaml"),
    "-c",
    config("portman-config.yaml"),
    "-s",
    config("postman-config.json"),
    "-b",
    baseUrl,
    "-o",
    output,
    "--runNewman",
    "false",
  ];
  const child = spawn(process.execPath, [portmanBin, ...args], {
    cwd: work,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  if (code !== 0) throw new Error(`portman exited with ${code}`);
  return output;
}

/** newman with the options an integrator passes to Portman (test/portman/newman-options.json), the report in `work`. */
async function runCollection(collection: string, work: string): Promise<NewmanReport> {
  const options = JSON.parse(readFileSync(config("newman-options.json"), "utf8")) as newman.NewmanRunOptions;
  const reportFile = join(work, "newman-report.json");
  await promisify<newman.NewmanRunOptions, newman.NewmanRunSummary>(newman.run)({
    ...options,
    collection: JSON.parse(readFileSync(collection, "utf8")) as newman.NewmanRunOptions["collection"],
    // Failures are listed once, below, from the report.
    reporter: { cli: { noFailures: true, noConsole: true }, json: { export: reportFile } },
  });
  return JSON.parse(readFileSync(reportFile, "utf8")) as NewmanReport;
}

runScript(async () => {
  const work = mkdtempSync(join(tmpdir(), "users-api-portman-"));
  const secret = randomBytes(48).toString("base64url");
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess(["--import", "tsx", join(root, "src/main.ts")], {
      DATA_DIR: join(work, "data"),
      DATABASE_URL: "",
      JWT_PUBLIC_KEY: "",
      JWT_SECRET: secret,
      DEMO: "true",
      REQUIRE_IF_MATCH: "true",
      READ_ONLY: "false",
      LOG_LEVEL: "warn",
    });
    const tokens = {
      PORTMAN_ADMIN_TOKEN: demoToken(secret, "admin"),
      PORTMAN_CLIENT_TOKEN: demoToken(secret, "user12345"),
    };
    const collection = await generateCollection(work, server.url, tokens);
    const { run } = await runCollection(collection, work);
    const { requests, assertions } = run.stats;
    for (const failure of run.failures)
      console.error(`FAILED ${failure.source?.name ?? "?"}: ${failure.error.test ?? ""} ${failure.error.message}`);
    console.log(`newman sent ${requests.total} requests and checked ${assertions.total} assertions`);
    console.log(`portman: ${assertions.total - assertions.failed} passed, ${assertions.failed} failed`);
    if (assertions.total === 0) throw new Error("newman ran no assertion");
    if (run.failures.length > 0 || assertions.failed > 0) process.exitCode = 1;
  } finally {
    if (server) await stopServerProcess(server);
    rmSync(work, { recursive: true, force: true });
  }
});
