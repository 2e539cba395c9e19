// openapi.yaml, read once: the object the validator and decoders use, and the routes it documents.
import { existsSync, readFileSync } from "node:fs";

export const specText = readFileSync(new URL("../openapi.yaml", import.meta.url), "utf8");

/** Beside the compiled server, the build leaves openapi.yaml already parsed (scripts/build.ts writes it). */
const PARSED_SPEC = "openapi.parsed.json";

// The spec is the source of truth; only the parts read here are typed.
export interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; parameters?: object; headers?: object };
  [key: string]: unknown;
}
export interface OpenApiOperation {
  operationId?: string;
  tags?: string[];
  responses?: Record<string, unknown>;
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
}
export interface JsonSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  [key: string]: unknown;
}

// Parsing the YAML costs a start ~0.15 s; the build's JSON ~1 ms. From the sources (tsx, tests) there is none.
const parsed = new URL(`../${PARSED_SPEC}`, import.meta.url);
export const spec = (
  existsSync(parsed) ? JSON.parse(readFileSync(parsed, "utf8")) : (await import("yaml")).parse(specText)
) as OpenApiSpec;

export function resolveSchema(schema: JsonSchema): JsonSchema {
  const name = schema.$ref?.replace("#/components/schemas/", "");
  return name ? resolveSchema(spec.components.schemas[name]) : schema;
}

export interface DocumentedRoute {
  template: string;
  /** Matches the path; its groups are the parameters, in the order of `params`, still percent-encoded. */
  pattern: RegExp;
  params: string[];
  tag: string | undefined;
  operations: Record<string, OpenApiOperation>;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export const documentedRoutes: DocumentedRoute[] = Object.entries(spec.paths).map(([template, item]) => {
  const operations = Object.fromEntries(Object.entries(item).filter(([method]) => METHODS.includes(method)));
  const pattern = new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "([^/]+)")}$`);
  const params = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  return { template, pattern, params, tag: Object.values(operations)[0]?.tags?.[0], operations };
});

export function findRoute(path: string): DocumentedRoute | undefined {
  return documentedRoutes.find((route) => route.pattern.test(path));
}

// SCIM clients are lenient about the case of endpoint names (`/scim/v2/users`) and a trailing slash, as the
// identity providers' own reference servers are; SCIM's attribute names are case-insensitive too.
const LENIENT_PREFIX = "/scim/v2/";
const lenientRoutes = documentedRoutes
  .filter((route) => route.template.startsWith(LENIENT_PREFIX))
  .map((route) => ({ route, pattern: new RegExp(route.pattern.source.replace(/\$$/, "/?$"), "i") }));

/** The documented path a SCIM request's path stands for, when it differs only by case or a trailing slash. */
export function lenientPath(path: string): string | undefined {
  if (!path.toLowerCase().startsWith(LENIENT_PREFIX)) return undefined;
  for (const { route, pattern } of lenientRoutes) {
    const match = pattern.exec(path);
    if (!match) continue;
    let param = 0;
    return route.template.replace(/\{[^}]+\}/g, () => match[++param]);
  }
  return undefined;
}

/** Every operationId the spec documents. */
export const documentedOperationIds = documentedRoutes.flatMap((route) =>
  Object.values(route.operations).flatMap((operation) => operation.operationId ?? []),
);

/** The one path parameter of an operation, as the spec names it. */
export function operationParam(operationId: string): string {
  const route = documentedRoutes.find((r) => Object.values(r.operations).some((o) => o.operationId === operationId));
  if (!route || route.params.length !== 1)
    throw new Error(`openapi.yaml has no operation ${operationId} on a path with one parameter`);
  return route.params[0];
}

/** Walks every object of the spec, wherever it is (paths, components), depth first. */
function* objectsOf(value: unknown): Generator<Record<string, unknown>> {
  if (value === null || typeof value !== "object") return;
  if (!Array.isArray(value)) yield value as Record<string, unknown>;
  for (const item of Object.values(value)) yield* objectsOf(item);
}

const responseHeaders = new Set<string>();
const requestHeaders = new Set<string>();
for (const object of objectsOf({ paths: spec.paths, components: spec.components })) {
  if (typeof object.description === "string" && object.headers && typeof object.headers === "object")
    for (const name of Object.keys(object.headers)) responseHeaders.add(name);
  if (object.in === "header" && typeof object.name === "string") requestHeaders.add(object.name);
}

/** The headers the spec documents: those its responses carry, and those its operations read as parameters. */
export const documentedHeaders = { response: [...responseHeaders], request: [...requestHeaders] };
