// One GET and one PUT handler, shared by the four contracts: thin steps from the request to the directory's use cases.
import { Router, type Request, type RequestHandler, type Response } from "express";
import type { Knex } from "knex";
import type { Config } from "../config.ts";
import { accessTable, readChanges, type Contract, type WireBody } from "../contracts/contract.ts";
import { readUser } from "../directory/read.ts";
import { updateUser } from "../directory/update.ts";
import { fieldsInvalid } from "./api-error.ts";
import { operationRoute } from "../spec.ts";
import { formatEtag, parseIfMatch } from "./etag.ts";

export function contractRouter(contract: Contract, db: Knex, config: Config, authenticate: RequestHandler): Router {
  const access = accessTable(contract);
  const read = operationRoute(contract.operations.read);
  const update = operationRoute(contract.operations.update);

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
    res.set("ETag", formatEtag(user.version)).json(contract.render(user));
  }

  async function put(req: Request, res: Response) {
    const param = req.params[update.param] as string;
    const body = req.body as WireBody;
    const problems = contract.checkRequest?.(body, param) ?? [];
    if (problems.length > 0) throw fieldsInvalid(problems);
    const { changes, sent } = readChanges(contract, body);
    const user = await updateUser({
      db,
      contract: contract.tag,
      callerRef: req.callerRef!,
      ref: contract.resolve(param, req.callerRef!),
      identifier: param,
      access,
      sent,
      changes,
      expected: parseIfMatch(req.get("if-match")),
      versionRequired: config.requireIfMatch,
      readOnly: config.readOnly,
      relations: contract.relations,
      checkAgainst: contract.checkAgainst && ((current) => contract.checkAgainst!(body, current)),
    });
    res.set("ETag", formatEtag(user.version));
    if (contract.success === 204) res.status(204).end();
    else res.json(contract.render(user));
  }

  return Router().get(read.path, authenticate, get).put(update.path, authenticate, put);
}
