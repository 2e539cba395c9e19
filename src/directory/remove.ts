// Deleting a user: an administrator's, never the last active administrator; under the row locks, so that the check
// of If-Match and the last-administrator rule hold until the row is gone.
import type { UseCaseContext } from "./context.ts";
import { ConcurrentChange, ReadOnly, UserNotFound } from "./errors.ts";
import type { User, UserRef } from "./model.ts";
import { authorizeAdministration, keepsAnAdministrator, requireActiveCaller } from "./policy.ts";
import { findCaller, findUser, lockActiveAdmins } from "./sql/read.ts";
import { inTransaction } from "./sql/store.ts";
import { deleteUserRow } from "./sql/write.ts";
import { checkVersion, type ExpectedVersion } from "./update.ts";

export interface RemoveRequest {
  /** The token's subject. */
  caller: UserRef;
  target: UserRef;
  expected: ExpectedVersion | undefined;
}

const isActiveAdmin = (user: User) => user.role === "admin" && user.status === "active";

export async function removeUser({ store, settings, binding }: UseCaseContext, request: RemoveRequest): Promise<void> {
  const caller = await findCaller(store, request.caller);
  requireActiveCaller(caller);
  if (settings.readOnly) throw new ReadOnly();
  const seen = await findUser(store, request.target, false);
  if (!seen) throw new UserNotFound(request.target);
  authorizeAdministration(caller, seen);
  await inTransaction(store, async (trx) => {
    // The administrators' lock first, as an update that demotes one takes it.
    const activeAdmins = isActiveAdmin(seen) ? await lockActiveAdmins(trx) : undefined;
    const user = await findUser(trx, request.target, false, true);
    if (!user) throw new UserNotFound(request.target);
    checkVersion(request.expected, settings.versionRequired, user.version);
    if (isActiveAdmin(user)) {
      // It became an administrator after it was first read: its administrators' lock was not taken.
      if (!activeAdmins) throw new ConcurrentChange();
      keepsAnAdministrator(activeAdmins, user);
    }
    // Every field it had, as its audit row's old values.
    const audit = { actorId: caller.id, contract: binding.contract, changes: deletedFields(user) };
    if (!(await deleteUserRow(trx, user, audit))) throw new ConcurrentChange();
  });
}

/** What the user held, as its last audit row's changes: each field from its value to nothing (secrets are never read). */
function deletedFields(user: User): Record<string, unknown> {
  const { id: _id, num: _num, version: _version, last_login: _lastLogin, ...fields } = user;
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== null)
      .map(([field, value]) => [field, { old: value, new: null }]),
  );
}
