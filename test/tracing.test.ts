// OpenTelemetry traces from the real server process (`node --import tsx src/main.ts`): with the standard OTEL_*
// variables set, a PUT produces a server span named by its operationId with the database statements as child
// spans, sent over OTLP/HTTP (JSON) to a receiver in this test; with none set, no module of the SDK is loaded.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { spawnGroup } from "../scripts/server-process.ts";
import { DEMO_ADMIN_ID } from "../src/db/demo.ts";
import { signToken } from "../src/tokens.ts";
import { TEST_KEYS, TEST_SECRET, testDatabase, type TestDatabase } from "./support/harness.ts";
import { scratchDirectory } from "./support/scratch-directory.ts";

const authorization = `Bearer ${signToken(TEST_KEYS, DEMO_ADMIN_ID)}`;

interface Attribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Attribute[];
}
interface OtlpExport {
  resourceSpans: { resource: { attributes: Attribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

const attribute = (attributes: Attribute[], key: string) => {
  const value = attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

/** An OTLP/HTTP receiver: keeps every JSON export sent to /v1/traces. */
async function otlpReceiver(): Promise<{ server: Server; url: string; exports: OtlpExport[] }> {
  const exports: OtlpExport[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req
      .on("data", (chunk) => (body += chunk))
      .on("end", () => {
        if (req.url === "/v1/traces" && req.headers["content-type"]?.startsWith("application/json"))
          exports.push(JSON.parse(body));
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, exports };
}

interface ServerProcess {
  child: ChildProcess;
  url: string;
  lines: string[];
  modulesFile: string;
}

// A first start on an empty embedded directory migrates it and loads the demo: slow on a busy machine.
const STARTUP_TIMEOUT = 120_000;
const running: ServerProcess[] = [];
const scratch = scratchDirectory("users-api-tracing-");

/** `npm start`'s server (from source), JSON logs on stdout, recording which modules it loads. */
async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const modulesFile = join(scratch, `modules-${running.length}.txt`);
  const child = spawnGroup(
    process.execPath,
    ["--import", "tsx", "--import", "./test/support/record-modules.ts", "src/main.ts"],
    {
      env: {
        ...process.env,
        ...env,
        PORT: "0",
        HOST: "127.0.0.1",
        JWT_SECRET: TEST_SECRET,
        LOG_FORMAT: "json",
        RECORD_MODULES_TO: modulesFile,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const server: ServerProcess = { child, url: "", lines: [], modulesFile };
  running.push(server);
  let pending = "";
  child.stdout!.on("data", (chunk) => {
    pending += chunk;
    const complete = pending.split("\n");
    pending = complete.pop()!;
    server.lines.push(...complete);
  });
  const listening = await waitFor(
    () => server.lines.map((l) => /listening on (http:\/\/[\d.:]+)/.exec(l)?.[1]).find(Boolean),
    STARTUP_TIMEOUT,
  );
  server.url = listening;
  return server;
}

async function stop(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
}

async function waitFor<T>(probe: () => T | undefined, ms = 10_000): Promise<T> {
  for (
    const deadline = Date.now() + ms;
    Date.now() < deadline;
    await new Promise((resolve) => setTimeout(resolve, 50))
  ) {
    const value = probe();
    if (value !== undefined) return value;
  }
  throw new Error("timed out");
}

let database: TestDatabase | undefined;
let databaseEnv: Record<string, string>;
beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    database = await testDatabase();
    databaseEnv = { DATABASE_URL: database.url! };
  } else {
    databaseEnv = { DATABASE_URL: "", DATA_DIR: join(scratch, "data") };
  }
});
afterEach(async () => {
  await Promise.all(running.splice(0).map(stop));
});
afterAll(async () => {
  await database?.drop();
});

/** The JSON log records among the lines (start-up also prints the demo token for people). */
const logRecords = (server: ServerProcess) => server.lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
const loadedModules = (server: ServerProcess) => readFileSync(server.modulesFile, "utf8").split("\n");

describe("with OTEL_EXPORTER_OTLP_ENDPOINT", () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  beforeAll(async () => {
    receiver = await otlpReceiver();
  });
  afterAll(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));

  it(
    "a PUT is a server span named by its operationId, with the statements as child spans; its log line has the trace id",
    async () => {
      const server = await startServer({
        ...databaseEnv,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_SERVICE_NAME: "users-api-under-test",
        OTEL_BSP_SCHEDULE_DELAY: "100",
      });
      const response = await fetch(`${server.url}/user/5`, {
        method: "PUT",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ data: { note: "bound-value-never-exported" } }),
      });
      expect(response.status).toBe(204);
      const requestId = response.headers.get("x-request-id")!;

      const spans = () =>
        receiver.exports.flatMap((e) => e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
      const serverSpan = await waitFor(() =>
        spans().find((s) => attribute(s.attributes, "users_api.request_id") === requestId),
      );
      expect(serverSpan).toMatchObject({ name: "updateDeviceHiveUser", kind: 2 });
      expect(attribute(serverSpan.attributes, "http.route")).toBe("/user/{id}");
      expect(attribute(serverSpan.attributes, "http.response.status_code")).toBe(204);

      // The caller and target are read, then written in one statement: both reach the receiver as children.
      const children = await waitFor(() => {
        const found = spans().filter((s) => s.parentSpanId === serverSpan.spanId);
        return found.some((s) => s.name === "with") ? found : undefined;
      });
      expect(children.map((s) => s.name)).toEqual(expect.arrayContaining(["select", "with"]));
      for (const child of children) {
        expect(child).toMatchObject({ traceId: serverSpan.traceId, kind: 3 });
        expect(attribute(child.attributes, "db.system.name")).toBe("postgresql");
      }
      expect(JSON.stringify(receiver.exports)).not.toContain("bound-value-never-exported");

      const resource = receiver.exports[0].resourceSpans[0].resource;
      expect(attribute(resource.attributes, "service.name")).toBe("users-api-under-test");

      const logLine = logRecords(server).find((l) => l.req?.id === requestId);
      expect(logLine.traceId).toBe(serverSpan.traceId);

      await stop(server);
      expect(loadedModules(server).some((url) => url.includes("/@opentelemetry/sdk-node/"))).toBe(true);
    },
    STARTUP_TIMEOUT,
  );
});

describe("with no OTEL_* variable", () => {
  it(
    "loads no module of OpenTelemetry; METRICS_PORT serves /metrics off the public listener",
    async () => {
      const server = await startServer({ ...databaseEnv, METRICS_PORT: "0" });
      const metricsUrl = await waitFor(() =>
        server.lines.map((l) => /metrics on (http:\/\/[\d.:]+\/metrics)/.exec(l)?.[1]).find(Boolean),
      );
      expect((await fetch(`${server.url}/user/5`, { headers: { authorization } })).status).toBe(200);
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
      const metrics = await fetch(metricsUrl);
      expect(await metrics.text()).toMatch(
        /^http_server_request_duration_seconds_count\{.*operation_id="getDeviceHiveUser".*\} 1$/m,
      );
      expect(logRecords(server).find((l) => l.req)?.traceId).toBeUndefined();

      await stop(server);
      const modules = loadedModules(server);
      // The recording itself works: the process's other libraries are in it.
      expect(modules.some((url) => url.includes("/prom-client/"))).toBe(true);
      expect(modules.filter((url) => url.includes("/@opentelemetry/"))).toEqual([]);
    },
    STARTUP_TIMEOUT,
  );
});
