// Updating a user, as every contract's PUT and PATCH does: an optimistic attempt, and when a concurrent writer got
// in first or an administrator may be demoted, a second attempt holding the row locks.
import { changedColumns, mayDemote, prepareChanges, type Change, type PreparedChanges } from "./changes.ts";
import type { UseCaseContext } from "./context.ts";
import { Invalid, ReadOnly, StaleVersion, UserNotFound, VersionRequired, type FieldProblem } from "./errors.ts";
import type { Caller, User, UserRef } from "./model.ts";
import {
  authorizeWrite,
  demotesAdministrator,
  keepsAnAdministrator,
  requireActiveCaller,
  type AccessTable,
} from "./policy.ts";
import { findCaller, findCallerAndUser, findUser, lockActiveAdmins } from "./sql/read.ts";
import { inTransaction, type Store } from "./sql/store.ts";
import { updateUserRow } from "./sql/write.ts";

/** The versions a change may be based on: any, or one of a list (If-Match); undefined when it names none. */
export type ExpectedVersion = "any" | number[];

/**
 * A change worked out from the stored user (a patch is relative to what it patches): derived when the user is read,
 * and derived again from the locked row if a concurrent writer got in first.
 */
export type DeriveChange = (current: User) => Change;

export interface UpdateRequest {
  /** The token's subject. */
  caller: UserRef;
  target: UserRef;
  change: Change | DeriveChange;
  expected: ExpectedVersion | undefined;
  /** Checks that need the stored user (contract A's read-only echo). */
  checkAgainst?: (current: User) => FieldProblem[];
}

type Attempt =
  | { outcome: "written"; user: User }
  | { outcome: "unchanged"; user: User }
  /** A concurrent writer changed the row since it was read. */
  | { outcome: "versionMoved"; prepared: PreparedChanges }
  /** The change takes the user out of the active administrators: only under the administrators' row locks. */
  | { outcome: "needsAdminLock"; prepared: PreparedChanges };

/** Applies the request; returns the user as stored afterwards (as it was when nothing differed). */
export async function updateUser(context: UseCaseContext, request: UpdateRequest): Promise<User> {
  const first = await attempt(context, context.store, request);
  if (first.outcome === "written" || first.outcome === "unchanged") return first.user;
  if (first.outcome === "versionMoved" && request.expected !== undefined) throw await stale(context.store, request);
  const { prepared } = first;
  const relative = typeof request.change === "function";
  // Again under the user's row lock. A change that may demote an administrator takes the administrators' lock first
  // (lockActiveAdmins), so that two demotions can neither deadlock nor both win; a relative change may demote once
  // derived again, so it takes it too.
  return inTransaction(context.store, async (trx) => {
    const activeAdmins = relative || mayDemote(prepared.changes) ? await lockActiveAdmins(trx) : undefined;
    const locked = await attempt(context, trx, request, {
      activeAdmins,
      prepared: relative ? undefined : prepared,
    });
    if (locked.outcome !== "written" && locked.outcome !== "unchanged")
      throw new Error(`an update under row locks could not be applied (${locked.outcome})`);
    return locked.user;
  });
}

/**
 * Read, decide, write. Optimistic without `locked`; with it, the target's row is read FOR UPDATE (the caller's
 * transaction holds it), `activeAdmins` are the active administrators, under their lock, and `prepared` what an
 * absolute change already prepared.
 */
async function attempt(
  { binding, settings }: UseCaseContext,
  store: Store,
  request: UpdateRequest,
  locked?: { activeAdmins: string[] | undefined; prepared: PreparedChanges | undefined },
): Promise<Attempt> {
  // Deciding needs the stored reports only to compare a change of them; the write returns the representation itself
  // (its statement renders the relations), so the read stays light, and only an update that changes nothing reads
  // the relations afterwards (measured: reading them every time cost ~0.2 ms of server CPU per PUT, contract D).
  const comparesReports = needsStoredReports(request.change, binding.access);
  const { caller, user } = locked
    ? {
        caller: await findCaller(store, request.caller),
        user: await findUser(store, request.target, comparesReports, true),
      }
    : await findCallerAndUser(store, request.caller, request.target, comparesReports);
  requireActiveCaller(caller);
  if (settings.readOnly) throw new ReadOnly();
  if (!user) throw new UserNotFound(request.target);
  const change = authorizedChange(binding.access, caller, user, request.change);
  checkVersion(request.expected, settings.versionRequired, user.version);
  const problems = request.checkAgainst?.(user) ?? [];
  if (problems.length > 0) throw new Invalid(problems);
  const prepared = locked?.prepared ?? (await prepareChanges(store, change.changes));
  const { columns, audit } = changedColumns(user, prepared);
  if (Object.keys(audit).length === 0) {
    const shown = binding.relations && !comparesReports ? await findUser(store, request.target, true) : user;
    return { outcome: "unchanged", user: shown ?? user };
  }
  if (demotesAdministrator(user, columns)) {
    if (!locked?.activeAdmins) return { outcome: "needsAdminLock", prepared };
    keepsAnAdministrator(locked.activeAdmins, user);
  }
  const written = await updateUserRow(store, {
    target: user,
    columns,
    reports: "reports" in audit ? prepared.changes.reports : undefined,
    audit: { actorId: caller.id, contract: binding.contract, changes: audit },
    relations: binding.relations,
  });
  return written ? { outcome: "written", user: written } : { outcome: "versionMoved", prepared };
}

const needsStoredReports = (change: UpdateRequest["change"], access: AccessTable) =>
  typeof change === "function" ? access.reports !== undefined : change.changes.reports !== undefined;

/** The change (derived, if relative), once the caller may make it to this user. */
function authorizedChange(access: AccessTable, caller: Caller, current: User, change: UpdateRequest["change"]): Change {
  if (typeof change === "function") {
    // Whether the caller may change this user at all, before its patch is read.
    authorizeWrite(caller, current, access, []);
    change = change(current);
  }
  authorizeWrite(caller, current, access, change.sent);
  return change;
}

export function checkVersion(expected: ExpectedVersion | undefined, required: boolean, version: number): void {
  if (expected === undefined) {
    if (required) throw new VersionRequired();
    return;
  }
  if (expected !== "any" && !expected.includes(version)) throw new StaleVersion(version);
}

async function stale(store: Store, request: UpdateRequest): Promise<Error> {
  const current = await findUser(store, request.target, false);
  return current ? new StaleVersion(current.version) : new UserNotFound(request.target);
}
