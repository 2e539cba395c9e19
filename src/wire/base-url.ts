// The URL clients reach this service by, for the URIs it gives (SCIM's `Location` and `meta.location`): the
// configured PUBLIC_BASE_URL, else the request's own scheme and Host.
import type { Request } from "express";

// A Host header that is not a host name or address (with a port) is not echoed into a URI or a response header.
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function baseUrlOf(req: Request, configured: string | undefined): string {
  if (configured) return configured;
  const host = req.get("host");
  return `${req.protocol}://${host && HOST.test(host) ? host : "localhost"}`;
}
