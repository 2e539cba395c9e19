// Bearer authentication: the token must verify; the caller it names is loaded with the target user by the
// handler (one round trip), and refused there when it no longer exists or is not active.
import type { NextFunction, Request, Response } from "express";
import { unauthorized } from "../errors.ts";
import { verifyToken, type TokenKeys } from "../tokens.ts";

declare module "express-serve-static-core" {
  interface Request {
    callerId?: string;
  }
}

export function authenticate(keys: TokenKeys) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(req.get("authorization") ?? "");
    if (!match) throw unauthorized("A bearer token is required.", false);
    try {
      req.callerId = verifyToken(keys, match[1]);
    } catch (error) {
      throw unauthorized(`The bearer token is not valid: ${(error as Error).message}.`);
    }
    next();
  };
}
