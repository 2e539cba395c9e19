// Where a server's CPU went, by layer: reads a V8 CPU profile (`npm run bench -- --profile` writes the project
// server's) and gives each sample to the layer of the innermost frame that belongs to a known package or to the
// project's own code; Node.js's own frames and native code count for the JavaScript that called them. Start-up
// (module loading) and idle samples are left out. Socket writes are a bucket of their own: a profile samples wall
// time, and a write to a loopback socket often lets the receiving process run before it returns, so that bucket
// overstates their CPU (the bench's CPU meter counts the server's kernel time as a whole).
// Standalone: `tsx scripts/bench/profile-layers.ts <file.cpuprofile>`.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const LAYERS: Record<string, string[]> = {
  "pg driver": ["pg", "pg-protocol", "pg-types", "pg-pool", "postgres-date", "postgres-array", "postgres-interval"],
  "Knex and its pool (tarn)": ["knex", "tarn", "lodash"],
  "express-openapi-validator and Ajv": [
    "express-openapi-validator",
    "ajv",
    "ajv-formats",
    "lodash.clonedeep",
    "lodash.get",
    "media-typer",
    "content-type",
    "fast-uri",
    "fast-deep-equal",
    "json-schema-traverse",
  ],
  "Express (routing, request, response)": [
    "express",
    "router",
    "finalhandler",
    "parseurl",
    "on-finished",
    "type-is",
    "mime-types",
    "mime-db",
    "vary",
    "accepts",
    "negotiator",
    "fresh",
    "proxy-addr",
    "statuses",
    "http-errors",
    "etag",
    "encodeurl",
    "escape-html",
    "send",
    "serve-static",
  ],
  "body parsing": ["body-parser", "raw-body", "iconv-lite", "bytes", "fast-xml-parser"],
  jsonwebtoken: ["jsonwebtoken", "jws", "jwa", "buffer-equal-constant-time", "ecdsa-sig-formatter", "jose"],
  "request log (pino)": ["pino", "@pinojs/redact", "sonic-boom", "pino-std-serializers", "quick-format-unescaped"],
  "metrics (prom-client)": ["prom-client", "tdigest", "bintrees"],
  helmet: ["helmet"],
  "PGlite (PostgreSQL in WebAssembly, embedded)": ["@electric-sql/pglite"],
};
const LAYER_OF_PACKAGE = new Map(
  Object.entries(LAYERS).flatMap(([layer, packages]) => packages.map((name) => [name, layer])),
);
const SOCKET_WRITES = new Set(["writev", "writeUtf8String", "writeBuffer", "writeLatin1String", "writeAsciiString"]);
const OWN_CODE = "the project's code (src/)";
const NODE = "Node.js core (HTTP parser, streams, timers, promises)";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The layer a frame's script belongs to; undefined for Node.js's own and native code, and unknown packages. */
function layerOfUrl(url: string): string | undefined {
  if (url.startsWith("wasm://")) return LAYER_OF_PACKAGE.get("@electric-sql/pglite");
  const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url)?.[1];
  if (name) return LAYER_OF_PACKAGE.get(name);
  return /\/(dist\/)?src\//.test(url) ? OWN_CODE : undefined;
}

export interface LayerShare {
  layer: string;
  /** Share of the samples counted (start-up and idle left out), in per cent. */
  percent: number;
}

export function profileLayers(file: string): LayerShare[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const stack = (id: number) => {
    const frames: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) frames.push(nodes.get(at)!);
    return frames;
  };
  const time = new Map<number, number>();
  profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const byLayer = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of time) {
    const frames = stack(id);
    const { functionName } = frames[0].callFrame;
    if (functionName === "(idle)" || frames.some((f) => /node:internal\/modules\//.test(f.callFrame.url))) continue;
    let layer: string;
    if (functionName === "(garbage collector)" || functionName === "(program)") layer = functionName;
    else if (SOCKET_WRITES.has(functionName) && !frames[0].callFrame.url) layer = "socket writes (wall time)";
    else layer = frames.map((f) => layerOfUrl(f.callFrame.url)).find(Boolean) ?? NODE;
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + micros);
    total += micros;
  }
  return [...byLayer]
    .map(([layer, micros]) => ({ layer, percent: Math.round((micros / total) * 1000) / 10 }))
    .sort((a, b) => b.percent - a.percent);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of process.argv.slice(2)) {
    console.log(file);
    for (const { layer, percent } of profileLayers(file)) console.log(`${percent.toFixed(1).padStart(6)} %  ${layer}`);
  }
}
