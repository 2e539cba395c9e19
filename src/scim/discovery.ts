// GET /scim/v2/ServiceProviderConfig, /ResourceTypes and /Schemas (RFC 7644 §4), and each resource of the last two
// at its own URI: static documents, public like the spec, whose `meta.location` is this server's URL for them.
import type { Request } from "express";
import { ApiError } from "../wire/api-error.ts";
import type { OperationHandler } from "../wire/operation.ts";
import { discoveryDocument, SCIM_MEDIA_TYPE } from "./schema.ts";

type Resource = { id?: string; meta?: { location?: string } };
type Document = Resource & { Resources?: Resource[] };

const PATH = "/scim/v2/";

/** A document with its (and its resources') `meta.location` under `baseUrl` instead of the spec's server. */
function located<T extends Document>(document: T, baseUrl: string): T {
  const relocate = (resource: Resource): Resource =>
    resource.meta?.location
      ? {
          ...resource,
          meta: {
            ...resource.meta,
            location: baseUrl + resource.meta.location.slice(resource.meta.location.indexOf(PATH)),
          },
        }
      : resource;
  return { ...relocate(document), ...(document.Resources && { Resources: document.Resources.map(relocate) }) } as T;
}

const notServed = (id: string) => new ApiError("notFound", `No resource type or schema '${id}' is served here.`);

/** The discovery operations, by operationId. */
export function scimDiscoveryOperations(baseUrlOf: (req: Request) => string): Record<string, OperationHandler> {
  const serve = (path: string): OperationHandler => {
    const document = discoveryDocument(path) as Document;
    return (req, res) => {
      res.type(SCIM_MEDIA_TYPE).json(located(document, baseUrlOf(req)));
    };
  };
  /** One resource of a list document, by the id in the path (resource type and schema ids compare case-insensitively). */
  const serveOne = (path: string): OperationHandler => {
    const { Resources = [] } = discoveryDocument(path) as Document;
    return (req, res) => {
      const id = decodeURIComponent(req.path.slice(path.length + 1));
      const resource = Resources.find((r) => r.id?.toLowerCase() === id.toLowerCase());
      if (!resource) throw notServed(id);
      res.type(SCIM_MEDIA_TYPE).json(located(resource, baseUrlOf(req)));
    };
  };
  return {
    getScimServiceProviderConfig: serve("/scim/v2/ServiceProviderConfig"),
    getScimResourceTypes: serve("/scim/v2/ResourceTypes"),
    getScimSchemas: serve("/scim/v2/Schemas"),
    getScimResourceType: serveOne("/scim/v2/ResourceTypes"),
    getScimSchema: serveOne("/scim/v2/Schemas"),
  };
}
