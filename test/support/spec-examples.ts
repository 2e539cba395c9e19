// A named example of openapi.yaml as runners read it: inline, or a `$ref` to one of components.examples.
import { spec } from "../../src/spec.ts";

export interface NamedExample {
  value?: unknown;
  $ref?: string;
}

const shared = (spec.components as { examples?: Record<string, NamedExample> }).examples ?? {};

export const exampleValue = (example: NamedExample): unknown =>
  example.$ref ? shared[example.$ref.replace("#/components/examples/", "")]?.value : example.value;
