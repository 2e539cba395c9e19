// The read use case every contract's GET goes through: load caller and user in one round trip, then authorize.
import type { Knex } from "knex";
import { UserNotFound } from "./errors.ts";
import type { User, UserRef } from "./model.ts";
import { authorizeRead, requireActiveCaller } from "./policy.ts";
import { findCallerAndUser } from "./users.ts";

export interface ReadRequest {
  db: Knex;
  callerRef: UserRef;
  ref: UserRef;
  /** The identifier as the client wrote it, for messages. */
  identifier: string;
  /** Whether the representation needs the role object, reports and actor names. */
  relations: boolean;
}

export async function readUser({ db, callerRef, ref, identifier, relations }: ReadRequest): Promise<User> {
  const { caller, user } = await findCallerAndUser(db, callerRef, ref, relations);
  requireActiveCaller(caller);
  if (!user) throw new UserNotFound(identifier);
  authorizeRead(caller, user);
  return user;
}
