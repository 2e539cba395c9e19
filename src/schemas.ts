// One Ajv instance that knows the spec's component schemas, for the validation the HTTP validator does not do.
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { spec } from "./spec.ts";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema({ $id: "spec", components: spec.components }, "spec");

/** Compiles a JSON schema that may $ref the spec's components as `spec#/components/schemas/Name`. */
export function compileSchema(schema: object): ValidateFunction {
  return ajv.compile(schema);
}
