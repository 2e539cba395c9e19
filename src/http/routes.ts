// One GET, one PUT and one PATCH handler, shared by the contracts: thin steps from the request to the directory's
// use cases.
import type { Request, Response } from "express";
import type { Knex } from "knex";
import type { Config } from "../config.ts";
import { accessTable, readChanges, type Contract, type WireBody } from "../contracts/contract.ts";
import { readUser } from "../directory/read.ts";
import type { FieldProblem } from "../directory/errors.ts";
import type { User, UserRef } from "../directory/model.ts";
import { updateUser, type UpdateRequest } from "../directory/update.ts";
import { fieldsInvalid } from "./api-error.ts";
import type { Authenticate } from "./authenticate.ts";
import type { OperationHandler } from "./operations.ts";
import { pathParam } from "./route.ts";
import { operationParam } from "../spec.ts";
import { formatEtag, parseIfMatch } from "./etag.ts";

/** The contract's operations, by operationId. */
export function contractOperations(
  contract: Contract,
  db: Knex,
  config: Config,
  authenticate: Authenticate,
): Record<string, OperationHandler> {
  const { operations } = contract;
  const access = accessTable(contract);
  const mediaType = contract.mediaType ?? "application/json";
  const readParam = operationParam(operations.read);
  const updateParam = operationParam(operations.update);
  const patchParam = operations.patch && operationParam(operations.patch);

  async function get(req: Request, res: Response) {
    const callerRef = await authenticate(req);
    const param = pathParam(req, readParam);
    const ref = contract.resolve(param, callerRef);
    const user = await readUser({
      db,
      callerRef,
      ref,
      identifier: param,
      relations: contract.relations,
    });
    res.set("ETag", formatEtag(user.version)).type(mediaType).json(contract.render(user));
  }

  async function put(req: Request, res: Response) {
    const callerRef = await authenticate(req);
    const body = req.body as WireBody;
    const param = pathParam(req, updateParam);
    const problems = contract.checkRequest?.(body, param) ?? [];
    if (problems.length > 0) throw fieldsInvalid(problems);
    const checkAgainst = contract.checkAgainst && ((current: User) => contract.checkAgainst!(body, current));
    await change(req, res, callerRef, param, readChanges(contract, body), checkAgainst);
  }

  /** A patch is applied to the stored user's representation, inside the update, and the result replaces it. */
  async function patch(req: Request, res: Response) {
    const callerRef = await authenticate(req);
    const param = pathParam(req, patchParam!);
    await change(req, res, callerRef, param, (current) => {
      const replacement = contract.patch!(req.body as never, contract.render(current));
      const problems = contract.checkRequest?.(replacement, param) ?? [];
      if (problems.length > 0) throw fieldsInvalid(problems);
      return readChanges(contract, replacement);
    });
  }

  async function change(
    req: Request,
    res: Response,
    callerRef: UserRef,
    param: string,
    requested: UpdateRequest["change"],
    checkAgainst?: (current: User) => FieldProblem[],
  ) {
    const user = await updateUser({
      db,
      contract: contract.tag,
      callerRef,
      ref: contract.resolve(param, callerRef),
      identifier: param,
      access,
      change: requested,
      expected: parseIfMatch(req.get("if-match")),
      versionRequired: config.requireIfMatch,
      readOnly: config.readOnly,
      relations: contract.relations,
      checkAgainst,
    });
    res.set("ETag", formatEtag(user.version));
    if (contract.success === 204) res.status(204).end();
    else res.type(mediaType).json(contract.render(user));
  }

  return {
    [operations.read]: get,
    [operations.update]: put,
    ...(operations.patch && { [operations.patch]: patch }),
  };
}
