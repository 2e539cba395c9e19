// One GET, one PUT and one PATCH handler, shared by the contracts: thin steps from the request to the directory's
// use cases, bound once to each contract.
import type { Request, Response } from "express";
import { accessTable, readChanges, type Contract, type WireBody } from "../contracts/contract.ts";
import type { Directory } from "../directory/directory.ts";
import type { User } from "../directory/model.ts";
import type { DeriveChange } from "../directory/update.ts";
import { operationParam } from "../spec.ts";
import { fieldsInvalid } from "../wire/api-error.ts";
import { formatEtag, parseIfMatch } from "../wire/etag.ts";
import type { OperationHandler } from "../wire/operation.ts";
import type { Authenticate } from "./authenticate.ts";
import { pathParam } from "./documented-route.ts";

/** The contract's operations, by operationId. */
export function contractOperations(
  contract: Contract,
  directory: Directory,
  authenticate: Authenticate,
): Record<string, OperationHandler> {
  const { operations } = contract;
  const users = directory.forContract({
    contract: contract.tag,
    access: accessTable(contract),
    relations: contract.relations,
  });
  const mediaType = contract.mediaType ?? "application/json";
  const readParam = operationParam(operations.read);
  const updateParam = operationParam(operations.update);
  const patchParam = operations.patch && operationParam(operations.patch);

  function checked(body: WireBody, param: string): WireBody {
    const problems = contract.checkRequest?.(body, param) ?? [];
    if (problems.length > 0) throw fieldsInvalid(problems);
    return body;
  }

  function respond(res: Response, user: User): void {
    res.set("ETag", formatEtag(user.version));
    if (contract.success === 204) res.status(204).end();
    else res.type(mediaType).json(contract.render(user));
  }

  async function get(req: Request, res: Response) {
    const caller = await authenticate(req);
    const target = contract.resolve(pathParam(req, readParam), caller);
    const user = await users.read({ caller, target });
    res.set("ETag", formatEtag(user.version)).type(mediaType).json(contract.render(user));
  }

  async function put(req: Request, res: Response) {
    const caller = await authenticate(req);
    const param = pathParam(req, updateParam);
    const body = checked(req.body as WireBody, param);
    const user = await users.update({
      caller,
      target: contract.resolve(param, caller),
      change: readChanges(contract, body),
      expected: parseIfMatch(req.get("if-match")),
      checkAgainst: contract.checkAgainst && ((current) => contract.checkAgainst!(body, current)),
    });
    respond(res, user);
  }

  /** A patch is applied to the stored user's representation, and the result replaces it (a relative change). */
  async function patch(req: Request, res: Response) {
    const caller = await authenticate(req);
    const param = pathParam(req, patchParam!);
    const replace: DeriveChange = (current) =>
      readChanges(contract, checked(contract.patch!(req.body as never, contract.render(current)), param));
    const user = await users.update({
      caller,
      target: contract.resolve(param, caller),
      change: replace,
      expected: parseIfMatch(req.get("if-match")),
    });
    respond(res, user);
  }

  return {
    [operations.read]: get,
    [operations.update]: put,
    ...(operations.patch && { [operations.patch]: patch }),
  };
}
