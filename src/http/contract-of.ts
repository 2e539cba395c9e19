// Which contract a request is for: the one whose spec tag its documented route has, else the one that owns the
// path prefix it is under (an undocumented path below /scim/v2/ is still SCIM's). Its errors render in that
// contract's body; an undocumented path under a contract's prefix is refused there, after authentication.
import type { Request, RequestHandler } from "express";
import type { Contract } from "../contracts/contract.ts";
import { ApiError } from "../wire/api-error.ts";
import type { Authenticate } from "../wire/operation.ts";

export function contractFinder(contracts: Contract[]): (req: Request) => Contract | undefined {
  const byTag = new Map(contracts.map((contract) => [contract.tag, contract]));
  const prefixed = contracts.filter((contract) => contract.pathPrefix);
  return (req) => {
    const tag = req.documented?.route.tag;
    if (tag !== undefined) return byTag.get(tag);
    const path = req.path.toLowerCase();
    return prefixed.find((contract) => path.startsWith(contract.pathPrefix!.toLowerCase()));
  };
}

/**
 * An undocumented path under a contract's prefix is 404 in that contract's body, once the caller is authenticated:
 * without a valid token, it is 401 like any of the contract's operations (and tells nothing of what exists).
 */
export function undocumentedPaths(contracts: Contract[], authenticate: Authenticate): RequestHandler {
  const contractOf = contractFinder(contracts);
  return (req, _res, next) => {
    if (req.documented || !contractOf(req)) return next();
    authenticate(req).then(() => next(new ApiError("notFound", "No such path.")), next);
  };
}
