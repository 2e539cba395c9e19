// GET /scim/v2/ServiceProviderConfig, /ResourceTypes and /Schemas (RFC 7644 §4): static documents, public like the spec.
import type { OperationHandler } from "../wire/operation.ts";
import { discoveryDocument, SCIM_MEDIA_TYPE } from "./schema.ts";

const OPERATIONS: Record<string, string> = {
  getScimServiceProviderConfig: "/scim/v2/ServiceProviderConfig",
  getScimResourceTypes: "/scim/v2/ResourceTypes",
  getScimSchemas: "/scim/v2/Schemas",
};

/** The discovery operations, by operationId. */
export function scimDiscoveryOperations(): Record<string, OperationHandler> {
  return Object.fromEntries(
    Object.entries(OPERATIONS).map(([operationId, path]) => {
      const document = discoveryDocument(path);
      const handler: OperationHandler = (_req, res) => {
        res.type(SCIM_MEDIA_TYPE).json(document);
      };
      return [operationId, handler];
    }),
  );
}
