// Creating a user: an administrator's, with the directory's defaults for what the request leaves out; one statement
// writes the user and its audit row.
import { randomUUID } from "node:crypto";
import { newUserColumns, prepareChanges, withoutShownValues, type Change } from "./changes.ts";
import type { UseCaseContext } from "./context.ts";
import { ReadOnly } from "./errors.ts";
import type { User, UserRef } from "./model.ts";
import { authorizeAdministration, requireActiveCaller } from "./policy.ts";
import { findCaller } from "./sql/read.ts";
import { insertUserRow } from "./sql/write.ts";

export interface CreateRequest {
  /** The token's subject. */
  caller: UserRef;
  /** The new user's fields (a username at least). */
  change: Change;
}

export async function createUser({ store, settings, binding }: UseCaseContext, request: CreateRequest): Promise<User> {
  const caller = await findCaller(store, request.caller);
  requireActiveCaller(caller);
  if (settings.readOnly) throw new ReadOnly();
  authorizeAdministration(caller);
  const prepared = await prepareChanges(store, {
    role: settings.provisionedRole,
    status: "active",
    ...withoutShownValues(request.change.changes),
  });
  const { columns, audit } = newUserColumns(prepared);
  return insertUserRow(
    store,
    { id: randomUUID(), ...columns, created_by: caller.id, updated_by: caller.id },
    { actorId: caller.id, contract: binding.contract, changes: audit },
    binding.relations,
  );
}
