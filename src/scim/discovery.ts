// GET /scim/v2/ServiceProviderConfig, /ResourceTypes and /Schemas (RFC 7644 §4): static documents, public like the spec.
import { Router } from "express";
import { discoveryDocument, SCIM_MEDIA_TYPE } from "./schema.ts";

const PATHS = ["/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes", "/scim/v2/Schemas"];

export function scimDiscovery(): Router {
  const router = Router();
  for (const path of PATHS) {
    const document = discoveryDocument(path);
    router.get(path, (_req, res) => {
      res.type(SCIM_MEDIA_TYPE).json(document);
    });
  }
  return router;
}
