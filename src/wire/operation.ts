// What serves one documented operation (by operationId): whoever owns it gives one, src/http/ dispatches to it;
// and how a handler learns who is calling.
import type { Request, Response } from "express";
import type { UserRef } from "../directory/model.ts";

export type OperationHandler = (req: Request, res: Response) => Promise<void> | void;

/** Who the request's bearer token says is calling; refuses the request when it cannot say (src/http/authenticate.ts). */
export type Authenticate = (req: Request) => Promise<UserRef>;
