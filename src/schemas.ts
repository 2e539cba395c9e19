// One Ajv instance that knows the spec's component schemas, for the validation the HTTP validator does not do.
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { FieldProblem } from "./directory/errors.ts";
import { spec } from "./spec.ts";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema({ $id: "spec", components: spec.components }, "spec");

/** Compiles a JSON schema that may $ref the spec's components as `spec#/components/schemas/Name`. */
export function compileSchema(schema: object): ValidateFunction {
  return ajv.compile(schema);
}

/** A schema error as Ajv (`instancePath`) or express-openapi-validator (`path`, location removed) reports it. */
interface SchemaError {
  instancePath?: string;
  path?: string;
  message?: string;
}

/**
 * Schema errors as the fields they concern, named as error bodies name them: the JSON pointer `/emails/0/value`
 * as `emails.0.value`; `whole` for an error about the document itself.
 */
export function fieldProblems(errors: readonly SchemaError[] | null | undefined, whole: string): FieldProblem[] {
  return (errors ?? []).map((error) => ({
    field: (error.instancePath ?? error.path ?? "").replace(/^[./]/, "").replace(/\//g, ".") || whole,
    message: error.message ?? "is not valid",
  }));
}
