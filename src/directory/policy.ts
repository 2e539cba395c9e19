// Who may change what: one mechanism, driven by each contract's table of fields and who may write them.
import { ApiError, unauthorized } from "../errors.ts";
import type { Caller, User } from "./model.ts";

/** `self`: the user itself or an administrator; `admin`: administrators only. */
export type Access = "self" | "admin";

const isAdmin = (caller: Caller) => caller.role === "admin";

/** A token stops working the moment its user is deleted, locked or disabled. */
export function requireActiveCaller(caller: Caller | undefined): asserts caller is Caller {
  if (!caller) throw unauthorized("The bearer token's user is not in this directory.");
  if (caller.status !== "active") throw unauthorized(`The bearer token's user is ${caller.status}.`);
}

function notYours(caller: Caller, target: User, permission: "READ" | "UPDATE"): ApiError {
  return new ApiError(
    "forbidden",
    "Only the user itself or an administrator can do this.",
    [],
    { callerName: caller.username, identifier: target.username, permission },
  );
}

export function authorizeRead(caller: Caller, target: User): void {
  if (!isAdmin(caller) && caller.id !== target.id) throw notYours(caller, target, "READ");
}

/** Refuses (403, naming the fields) any sent field the caller may not write on this target. */
export function authorizeWrite(caller: Caller, target: User, access: Record<string, Access>, sent: string[]): void {
  if (isAdmin(caller)) return;
  if (caller.id !== target.id) throw notYours(caller, target, "UPDATE");
  const denied = sent.filter((field) => access[field] !== "self");
  if (denied.length > 0) {
    throw new ApiError(
      "forbidden",
      `Only an administrator may change: ${denied.join(", ")}`,
      denied.map((field) => ({ field, message: "only an administrator may change this" })),
      { callerName: caller.username, identifier: target.username, permission: "UPDATE" },
    );
  }
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
    throw new ApiError("conflict", "This is the last active administrator: it cannot be demoted, locked or disabled.");
  }
}
