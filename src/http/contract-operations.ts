// The handlers every contract's operations share (read, replace or merge, patch, create, delete): thin steps from
// the request to the directory's use cases, bound once to each contract.
import type { Request, Response } from "express";
import { accessTable, readChanges, type Contract, type RenderContext, type WireBody } from "../contracts/contract.ts";
import type { Directory } from "../directory/directory.ts";
import type { User } from "../directory/model.ts";
import type { DeriveChange } from "../directory/update.ts";
import { operationParam } from "../spec.ts";
import { fieldsInvalid } from "../wire/api-error.ts";
import { formatEtag, parseIfMatch } from "../wire/etag.ts";
import type { Authenticate, OperationHandler } from "../wire/operation.ts";
import { pathParam } from "./documented-route.ts";

/** The contract's operations, by operationId; `contextOf` gives what a representation needs of the request. */
export function contractOperations(
  contract: Contract,
  directory: Directory,
  authenticate: Authenticate,
  contextOf: (req: Request) => RenderContext,
): Record<string, OperationHandler> {
  const { operations } = contract;
  const users = directory.forContract({
    contract: contract.tag,
    access: accessTable(contract),
    relations: contract.relations,
  });
  const mediaType = contract.mediaType ?? "application/json";
  const param = (req: Request, operationId: string) => pathParam(req, operationParam(operationId));

  function checked(body: WireBody, identifier: string | undefined): WireBody {
    const problems = contract.checkRequest?.(body, identifier ?? "") ?? [];
    if (problems.length > 0) throw fieldsInvalid(problems);
    return body;
  }

  /** The user as the contract shows it, with its version and, where the contract gives one, its URI. */
  function send(req: Request, res: Response, user: User, status: 200 | 201 | 204): void {
    const context = contextOf(req);
    const uri = contract.location?.(user, context);
    res.set("ETag", formatEtag(user.version));
    if (uri) res.set(status === 201 ? { Location: uri, "Content-Location": uri } : { "Content-Location": uri });
    if (status === 204) {
      res.status(204).end();
      return;
    }
    const representation = contract.render(user, context);
    const body = contract.shape ? contract.shape(representation, req.query) : representation;
    res.status(status).type(mediaType).json(body);
  }

  async function read(req: Request, res: Response) {
    const caller = await authenticate(req);
    const target = contract.resolve(param(req, operations.read), caller);
    send(req, res, await users.read({ caller, target }), 200);
  }

  async function update(req: Request, res: Response) {
    const caller = await authenticate(req);
    const identifier = param(req, operations.update);
    const body = checked(req.body as WireBody, identifier);
    const user = await users.update({
      caller,
      target: contract.resolve(identifier, caller),
      change: readChanges(contract, body),
      expected: parseIfMatch(req.get("if-match")),
      checkAgainst: contract.checkAgainst && ((current) => contract.checkAgainst!(body, current)),
    });
    send(req, res, user, contract.success);
  }

  /** A patch is applied to the stored user's representation, and the result replaces it (a relative change). */
  async function patch(req: Request, res: Response) {
    const caller = await authenticate(req);
    const identifier = param(req, operations.patch!);
    const context = contextOf(req);
    const replace: DeriveChange = (current) =>
      readChanges(contract, checked(contract.patch!(req.body as never, contract.render(current, context)), identifier));
    const user = await users.update({
      caller,
      target: contract.resolve(identifier, caller),
      change: replace,
      expected: parseIfMatch(req.get("if-match")),
    });
    send(req, res, user, 200);
  }

  async function create(req: Request, res: Response) {
    const caller = await authenticate(req);
    const body = checked(req.body as WireBody, undefined);
    const { changes, sent } = readChanges(contract, body);
    // What a creation leaves out keeps the directory's default, rather than the cleared value of a replacement.
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== null));
    send(req, res, await users.create({ caller, change: { changes: given, sent } }), 201);
  }

  async function remove(req: Request, res: Response) {
    const caller = await authenticate(req);
    const identifier = param(req, operations.remove!);
    await users.remove({
      caller,
      target: contract.resolve(identifier, caller),
      expected: parseIfMatch(req.get("if-match")),
    });
    res.status(204).end();
  }

  return {
    [operations.read]: read,
    [operations.update]: update,
    ...(operations.patch && { [operations.patch]: patch }),
    ...(operations.create && { [operations.create]: create }),
    ...(operations.remove && { [operations.remove]: remove }),
  };
}
