// The SCIM discovery documents, written once in openapi.yaml as the examples of their operations' responses: served
// from there, and read here for the User schema's attributes that a patch is checked and coerced against.
import type { components } from "../../generated/api.ts";
import { spec } from "../spec.ts";

export type ScimAttribute = components["schemas"]["ScimAttribute"];
type SchemaList = components["schemas"]["ScimSchemaList"];

export const SCIM_MEDIA_TYPE = "application/scim+json";
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
export const LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

interface ExampleResponses {
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
}

/** The example of a discovery operation's 200 response: the document it serves. */
export function discoveryDocument(path: string): unknown {
  const operation = spec.paths[path]?.get as ExampleResponses | undefined;
  const example = operation?.responses["200"]?.content?.[SCIM_MEDIA_TYPE]?.example;
  if (example === undefined) throw new Error(`openapi.yaml has no ${SCIM_MEDIA_TYPE} example for GET ${path}`);
  return example;
}

const userSchema = (discoveryDocument("/scim/v2/Schemas") as SchemaList).Resources.find((r) => r.id === USER_SCHEMA);
if (!userSchema) throw new Error(`openapi.yaml's /scim/v2/Schemas example does not describe ${USER_SCHEMA}`);

/** Attribute names are case-insensitive (RFC 7643 §2.1): definitions by lower-cased name. */
export type Attributes = ReadonlyMap<string, ScimAttribute>;

export const byLowerName = (attributes: ScimAttribute[] = []): Attributes =>
  new Map(attributes.map((attribute) => [attribute.name.toLowerCase(), attribute]));

export const userAttributes = byLowerName(userSchema.attributes);
