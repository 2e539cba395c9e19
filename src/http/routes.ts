// One GET and one PUT handler, shared by the four contracts: thin steps from the request to the pipeline.
import { Router, type Request, type RequestHandler, type Response } from "express";
import type { Knex } from "knex";
import type { Config } from "../config.ts";
import { accessTable, readChanges, wireNames, type Contract, type WireBody } from "../contracts/contract.ts";
import { authorizeRead, requireActiveCaller } from "../directory/policy.ts";
import { updateUser } from "../directory/update.ts";
import { findCallerAndUser } from "../directory/users.ts";
import { fieldsInvalid, notFound } from "../errors.ts";
import { formatEtag } from "./etag.ts";

export function contractRouter(contract: Contract, db: Knex, config: Config, authenticate: RequestHandler): Router {
  const access = accessTable(contract);
  const names = wireNames(contract);

  async function get(req: Request, res: Response) {
    const param = req.params[contract.param] as string;
    const { caller, user } = await findCallerAndUser(db, req.callerRef!, contract.resolve(param, req.callerRef!), contract.relations);
    requireActiveCaller(caller);
    if (!user) throw notFound(param);
    authorizeRead(caller, user);
    res.set("ETag", formatEtag(user.version)).json(contract.render(user));
  }

  async function put(req: Request, res: Response) {
    const param = req.params[contract.param] as string;
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
      wireNames: names,
      changes,
      ifMatch: req.get("if-match"),
      requireIfMatch: config.requireIfMatch,
      readOnly: config.readOnly,
      relations: contract.relations,
      checkAgainst: contract.checkAgainst && ((current) => contract.checkAgainst!(body, current)),
    });
    res.set("ETag", formatEtag(user.version));
    if (contract.success === 204) res.status(204).end();
    else res.json(contract.render(user));
  }

  return Router().get(contract.route, authenticate, get).put(contract.route, authenticate, put);
}
