// One GET, one PUT and one PATCH handler, shared by the contracts: thin steps from the request to the directory's
// use cases.
import { Router, type Request, type RequestHandler, type Response } from "express";
import type { Knex } from "knex";
import type { Config } from "../config.ts";
import { accessTable, readChanges, type Contract, type WireBody } from "../contracts/contract.ts";
import { readUser } from "../directory/read.ts";
import type { FieldProblem } from "../directory/errors.ts";
import type { User } from "../directory/model.ts";
import { updateUser, type UpdateRequest } from "../directory/update.ts";
import { fieldsInvalid } from "./api-error.ts";
import { operationRoute } from "../spec.ts";
import { formatEtag, parseIfMatch } from "./etag.ts";

export function contractRouter(contract: Contract, db: Knex, config: Config, authenticate: RequestHandler): Router {
  const access = accessTable(contract);
  const read = operationRoute(contract.operations.read);
  const update = operationRoute(contract.operations.update);
  const patchable = contract.operations.patch ? operationRoute(contract.operations.patch) : undefined;
  const mediaType = contract.mediaType ?? "application/json";

  async function get(req: Request, res: Response) {
    const param = req.params[read.param] as string;
    const ref = contract.resolve(param, req.callerRef!);
    const user = await readUser({
      db,
      callerRef: req.callerRef!,
      ref,
      identifier: param,
      relations: contract.relations,
    });
    res.set("ETag", formatEtag(user.version)).type(mediaType).json(contract.render(user));
  }

  async function put(req: Request, res: Response) {
    const body = req.body as WireBody;
    const param = req.params[update.param] as string;
    const problems = contract.checkRequest?.(body, param) ?? [];
    if (problems.length > 0) throw fieldsInvalid(problems);
    const checkAgainst = contract.checkAgainst && ((current: User) => contract.checkAgainst!(body, current));
    await change(req, res, param, readChanges(contract, body), checkAgainst);
  }

  /** A patch is applied to the stored user's representation, inside the update, and the result replaces it. */
  async function patch(req: Request, res: Response) {
    const param = req.params[patchable!.param] as string;
    await change(req, res, param, (current) => {
      const replacement = contract.patch!(req.body as never, contract.render(current));
      const problems = contract.checkRequest?.(replacement, param) ?? [];
      if (problems.length > 0) throw fieldsInvalid(problems);
      return readChanges(contract, replacement);
    });
  }

  async function change(
    req: Request,
    res: Response,
    param: string,
    requested: UpdateRequest["change"],
    checkAgainst?: (current: User) => FieldProblem[],
  ) {
    const user = await updateUser({
      db,
      contract: contract.tag,
      callerRef: req.callerRef!,
      ref: contract.resolve(param, req.callerRef!),
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

  const router = Router().get(read.path, authenticate, get).put(update.path, authenticate, put);
  return patchable ? router.patch(patchable.path, authenticate, patch) : router;
}
