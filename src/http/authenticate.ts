// Bearer authentication: verify the token, then load the caller from the directory on every request.
import type { NextFunction, Request, Response } from "express";
import type { Knex } from "knex";
import type { Caller } from "../directory/model.ts";
import { findCaller } from "../directory/users.ts";
import { ApiError } from "../errors.ts";
import { verifyToken, type TokenKeys } from "../tokens.ts";

declare module "express-serve-static-core" {
  interface Request {
    caller?: Caller;
  }
}

function unauthorized(message: string, error: "invalid_request" | "invalid_token"): ApiError {
  return new ApiError("unauthorized", message, [], {}, {
    "WWW-Authenticate": `Bearer realm="users-api", error="${error}"`,
  });
}

export function authenticate(keys: TokenKeys, db: Knex) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(req.get("authorization") ?? "");
    if (!match) {
      const error = unauthorized("A bearer token is required.", "invalid_request");
      error.headers["WWW-Authenticate"] = 'Bearer realm="users-api"';
      throw error;
    }
    let subject: string;
    try {
      subject = verifyToken(keys, match[1]);
    } catch (error) {
      throw unauthorized(`The bearer token is not valid: ${(error as Error).message}.`, "invalid_token");
    }
    const caller = await findCaller(db, subject);
    if (!caller) throw unauthorized("The bearer token's user does not exist.", "invalid_token");
    if (caller.status !== "active") throw unauthorized(`The bearer token's user is ${caller.status}.`, "invalid_token");
    req.caller = caller;
    next();
  };
}
