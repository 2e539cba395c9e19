// openapi.yaml, read once: the object the validator and decoders use, and the routes it documents.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export const specText = readFileSync(new URL("../openapi.yaml", import.meta.url), "utf8");

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

export const spec = parse(specText) as OpenApiSpec;

export function resolveSchema(schema: JsonSchema): JsonSchema {
  const name = schema.$ref?.replace("#/components/schemas/", "");
  return name ? resolveSchema(spec.components.schemas[name]) : schema;
}

export interface DocumentedRoute {
  template: string;
  pattern: RegExp;
  tag: string | undefined;
  operations: Record<string, OpenApiOperation>;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export const documentedRoutes: DocumentedRoute[] = Object.entries(spec.paths).map(([template, item]) => {
  const operations = Object.fromEntries(Object.entries(item).filter(([method]) => METHODS.includes(method)));
  const pattern = new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`);
  return { template, pattern, tag: Object.values(operations)[0]?.tags?.[0], operations };
});

export function findRoute(path: string): DocumentedRoute | undefined {
  return documentedRoutes.find((route) => route.pattern.test(path));
}

/** Where an operation is served, as the spec says: its path in Express's syntax and the path's one parameter. */
export function operationRoute(operationId: string): { path: string; param: string } {
  const route = documentedRoutes.find((r) => Object.values(r.operations).some((o) => o.operationId === operationId));
  const params = [...(route?.template.matchAll(/\{([^}]+)\}/g) ?? [])].map((match) => match[1]);
  if (!route || params.length !== 1)
    throw new Error(`openapi.yaml has no operation ${operationId} on a path with one parameter`);
  return { path: route.template.replace(/\{([^}]+)\}/g, ":$1"), param: params[0] };
}
