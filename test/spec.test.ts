// The contract itself: every example in openapi.yaml is true of its schema, and generated/ matches it.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { decodeXml } from "../src/http/decode.ts";
import { compileSchema } from "../src/schemas.ts";
import { resolveSchema, spec, type JsonSchema } from "../src/spec.ts";
import { exampleValue, type NamedExample } from "./support/spec-examples.ts";

interface Example {
  where: string;
  schema: object;
  value: unknown;
}

/** Collects every example next to a schema: media types, parameters and headers, in paths and components. */
function collectExamples(node: unknown, where: string, found: Example[] = []): Example[] {
  if (node === null || typeof node !== "object") return found;
  const record = node as Record<string, unknown>;
  if (record.schema && typeof record.schema === "object") {
    // An XML example is the document itself: what a client sends, checked as the server decodes it.
    const value = where.endsWith(".application/xml")
      ? decodeXml(record.example as string, resolveSchema(record.schema as JsonSchema))
      : record.example;
    if ("example" in record) found.push({ where, schema: record.schema, value });
    for (const [name, example] of Object.entries((record.examples as Record<string, NamedExample>) ?? {})) {
      found.push({ where: `${where}.examples.${name}`, schema: record.schema, value: exampleValue(example) });
    }
  }
  for (const [key, child] of Object.entries(record)) {
    if (key !== "schema" && key !== "examples" && key !== "example") collectExamples(child, `${where}.${key}`, found);
  }
  return found;
}

/** Points the spec's local $refs at the Ajv instance's copy of the components. */
const rebased = (schema: object) =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"spec#/components/'));

describe("openapi.yaml", () => {
  const examples = collectExamples(spec, "spec");

  it("has examples for every documented status of the five contracts", () => {
    expect(examples.length).toBeGreaterThan(60);
  });

  it.each(examples.map((e) => [e.where, e] as const))("example %s validates against its schema", (_where, example) => {
    const validate = compileSchema(rebased(example.schema));
    const valid = validate(example.value);
    expect(validate.errors ?? [], JSON.stringify(example.value)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("bounds every string, array, object and integer it declares", () => {
    const unbounded: string[] = [];
    const checkSchema = (schema: Record<string, any>, where: string) => {
      if (schema.$ref) return;
      const bounded =
        (schema.type === "string" && ("maxLength" in schema || "enum" in schema)) ||
        (schema.type === "array" && "maxItems" in schema) ||
        (schema.type === "object" && ("maxProperties" in schema || schema.additionalProperties === false)) ||
        ((schema.type === "integer" || schema.type === "number") &&
          (("minimum" in schema && "maximum" in schema) || "enum" in schema)) ||
        schema.type === "boolean" ||
        // Any of several types (a SCIM patch value): bounded when each alternative is.
        (schema.type === undefined && Array.isArray(schema.anyOf));
      if (!bounded) unbounded.push(where);
      (schema.anyOf ?? []).forEach((alternative: object, index: number) =>
        checkSchema(alternative, `${where}|${index}`),
      );
      for (const [name, child] of Object.entries(schema.properties ?? {}))
        checkSchema(child as object, `${where}.${name}`);
      if (schema.items) checkSchema(schema.items, `${where}[]`);
    };
    const findSchemas = (node: unknown, where: string) => {
      if (node === null || typeof node !== "object") return;
      for (const [key, child] of Object.entries(node)) {
        if (key === "schema") checkSchema(child as object, where);
        else if (key !== "example" && key !== "examples") findSchemas(child, `${where}.${key}`);
      }
    };
    findSchemas(spec.paths, "paths");
    findSchemas(spec.components.parameters ?? {}, "parameters");
    findSchemas(spec.components.headers ?? {}, "headers");
    for (const [name, schema] of Object.entries(spec.components.schemas)) checkSchema(schema, name);
    expect(unbounded).toEqual([]);
  });

  it("gives every operation an operationId", () => {
    const methods = ["get", "put", "post", "delete", "patch"];
    const operations = Object.values(spec.paths).flatMap((item) => methods.flatMap((m) => (item[m] ? [item[m]] : [])));
    // The four contracts' 8, SCIM's 7 on users and 5 of discovery, the change history's 3, the service's 6.
    expect(operations.length).toBe(29);
    const ids = operations.map((operation) => (operation as { operationId?: string }).operationId);
    expect(ids).toEqual(
      expect.arrayContaining([
        "listScimUsers",
        "createScimUser",
        "searchScimUsers",
        "getScimUser",
        "replaceScimUser",
        "patchScimUser",
        "deleteScimUser",
        "getScimResourceType",
        "getScimSchema",
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      operations.filter((operation) => typeof (operation as { operationId?: string }).operationId !== "string"),
    ).toEqual([]);
  });

  it("matches the committed generated types", () => {
    expect(() =>
      execFileSync(process.execPath, ["--import", "tsx", "scripts/generate.ts", "--check"], { stdio: "pipe" }),
    ).not.toThrow();
  });
});
