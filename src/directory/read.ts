// Reading a user: load caller and user in one round trip, then authorize.
import type { UseCaseContext } from "./context.ts";
import { UserNotFound } from "./errors.ts";
import type { User, UserRef } from "./model.ts";
import { authorizeRead, requireActiveCaller } from "./policy.ts";
import { findCallerAndUser } from "./sql/read.ts";

export interface ReadRequest {
  /** The token's subject. */
  caller: UserRef;
  target: UserRef;
}

export async function readUser({ store, binding }: UseCaseContext, request: ReadRequest): Promise<User> {
  const { caller, user } = await findCallerAndUser(store, request.caller, request.target, binding.relations);
  requireActiveCaller(caller);
  if (!user) throw new UserNotFound(request.target);
  authorizeRead(caller, user);
  return user;
}
