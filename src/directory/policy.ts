// Who may change what: one mechanism, driven by each contract's table of fields and who may write them.
import { CallerNotActive, Forbidden, LastAdministrator } from "./errors.ts";
import type { Caller, ChangeField, User } from "./model.ts";

/** `self`: the user itself or an administrator; `admin`: administrators only. */
export type Access = "self" | "admin";

/** Who may write each canonical field a contract maps. */
export type AccessTable = Partial<Record<ChangeField, Access>>;

const isAdmin = (caller: Caller) => caller.role === "admin";

/** A token stops working the moment its user is deleted, locked or disabled. */
export function requireActiveCaller(caller: Caller | undefined): asserts caller is Caller {
  if (!caller) throw new CallerNotActive("The bearer token's user is not in this directory.");
  if (caller.status !== "active") throw new CallerNotActive(`The bearer token's user is ${caller.status}.`);
}

const notYours = (caller: Caller, target: User, permission: "READ" | "UPDATE") =>
  new Forbidden(permission, caller.username, target.username);

export function authorizeRead(caller: Caller, target: User): void {
  if (!isAdmin(caller) && caller.id !== target.id) throw notYours(caller, target, "READ");
}

/** Creating and deleting users are for administrators. */
export function authorizeAdministration(caller: Caller, target?: User): void {
  if (!isAdmin(caller)) throw new Forbidden("UPDATE", caller.username, target?.username ?? "");
}

/** Refuses (naming the fields) any field sent that the caller may not write on this target. */
export function authorizeWrite(caller: Caller, target: User, access: AccessTable, sent: ChangeField[]): void {
  if (isAdmin(caller)) return;
  if (caller.id !== target.id) throw notYours(caller, target, "UPDATE");
  const denied = sent.filter((field) => access[field] !== "self");
  if (denied.length > 0) throw new Forbidden("UPDATE", caller.username, target.username, denied);
}

/** Whether a change takes the target out of the active administrators. */
export function demotesAdministrator(target: User, columns: Record<string, unknown>): boolean {
  const wasActiveAdmin = target.role === "admin" && target.status === "active";
  const role = columns.role ?? target.role;
  const status = columns.status ?? target.status;
  return wasActiveAdmin && (role !== "admin" || status !== "active");
}

export function keepsAnAdministrator(activeAdminIds: string[], target: User): void {
  if (!activeAdminIds.some((id) => id !== target.id)) {
    throw new LastAdministrator();
  }
}
