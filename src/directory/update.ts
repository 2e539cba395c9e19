// The update pipeline every contract goes through: load caller and target, authorize, check If-Match, diff,
// then one conditional write with its audit row.
import { isDeepStrictEqual } from "node:util";
import type { Knex } from "knex";
import {
  Invalid,
  ReadOnly,
  StaleVersion,
  UserNotFound,
  ValueTaken,
  VersionRequired,
  type FieldProblem,
} from "./errors.ts";
import {
  SECRET_FIELDS,
  type Caller,
  type ChangeField,
  type Changes,
  type RoleType,
  type User,
  type UserRef,
  type UserWithRelations,
} from "./model.ts";
import {
  authorizeWrite,
  demotesAdministrator,
  keepsAnAdministrator,
  requireActiveCaller,
  type Access,
} from "./policy.ts";
import { hashPassword, hashToken } from "./secrets.ts";
import { findCaller, findCallerAndUser, findUser, lockActiveAdmins, unknownReports, writeUser } from "./users.ts";

export interface UpdateRequest {
  db: Knex;
  contract: string;
  /** The token's subject; the caller itself is loaded with the target. */
  callerRef: UserRef;
  ref: UserRef;
  /** The identifier as the client wrote it, for messages. */
  identifier: string;
  /** Who may write each field the contract maps. */
  access: Partial<Record<ChangeField, Access>>;
  /** What to change, or how to work it out from the stored user (a patch is relative to what it patches). */
  change: Change | ((current: User) => Change);
  /** The versions the change may be based on: any, or one of a list; undefined when the change names none. */
  expected: ExpectedVersion | undefined;
  /** Whether every change must name its version. */
  versionRequired: boolean;
  readOnly: boolean;
  relations: boolean;
  /** Checks that need the stored user (contract A's read-only echo). */
  checkAgainst?: (current: User) => FieldProblem[];
}

export type ExpectedVersion = "any" | number[];

/** The canonical changes, and the canonical fields the request writes (for authorization). */
export interface Change {
  changes: Changes;
  sent: ChangeField[];
}

const CONFLICT = Symbol("version moved");
const NEEDS_ADMIN_LOCK = Symbol("demotes an administrator");

interface Prepared {
  changes: Changes;
  passwordHash?: string;
}

/** Applies the request; returns the user as stored afterwards (unchanged when nothing differed). */
export async function updateUser(request: UpdateRequest): Promise<User> {
  const { change } = request;
  const relative = typeof change === "function";
  // The stored reports are needed before writing only to change them; otherwise the write renders relations.
  const relations = relative ? request.access.reports !== undefined : change.changes.reports !== undefined;
  const found = await findCallerAndUser(request.db, request.callerRef, request.ref, relations);
  const first = admit(request, found.caller, found.user);
  let prepared = await prepare(request.db, first.changes);
  const written = await write(request, prepared, request.db, found.caller!, first.current, undefined);
  if (written === first.current && request.relations && !relations)
    return (await findUser(request.db, request.ref, true)) ?? first.current;
  if (written !== CONFLICT && written !== NEEDS_ADMIN_LOCK) return written;
  if (written === CONFLICT && request.expected !== undefined) throw await stale(request);
  // A concurrent writer won, or an administrator is being demoted: redo it holding the row locks. Administrators'
  // rows are locked first, in id order, so that two demotions can neither deadlock nor both win.
  return request.db.transaction(async (trx) => {
    const adminIds = mayDemote(prepared.changes) ? await lockActiveAdmins(trx) : undefined;
    const caller = await findCaller(trx, request.callerRef);
    const locked = admit(request, caller, await findUser(trx, request.ref, request.relations || relations, true));
    // A relative change is worked out again from the row as it now is.
    if (relative) prepared = await prepare(trx, locked.changes);
    const result = await write(request, prepared, trx, caller!, locked.current, adminIds);
    if (result === CONFLICT || result === NEEDS_ADMIN_LOCK)
      throw new Error("an update under row locks could not be applied");
    return result;
  });
}

/**
 * Everything decided before writing: who is asking, may they change this user, is the If-Match current, what
 * changes, may they write those fields, is the echo intact.
 */
function admit(
  request: UpdateRequest,
  caller: Caller | undefined,
  current: User | undefined,
): Change & { current: User } {
  requireActiveCaller(caller);
  if (request.readOnly) throw new ReadOnly();
  if (!current) throw new UserNotFound(request.identifier);
  let change = request.change;
  if (typeof change === "function") {
    // Whether the caller may change this user at all, before its patch is read.
    authorizeWrite(caller, current, request.access, []);
    change = change(current);
  }
  authorizeWrite(caller, current, request.access, change.sent);
  checkPrecondition(request, current.version);
  const echoErrors = request.checkAgainst?.(current) ?? [];
  if (echoErrors.length > 0) throw new Invalid(echoErrors);
  return { ...change, current };
}

/** Work that does not depend on the stored row: resolving references and hashing secrets. */
async function prepare(db: Knex, changes: Changes): Promise<Prepared> {
  const errors: FieldProblem[] = [];
  const resolved: Changes = { ...changes };
  if (changes.role !== undefined) {
    const role = await db("roles")
      .select("type")
      .where("id", changes.role)
      .orWhere("type", changes.role)
      .orWhereRaw("lower(name) = lower(?)", [changes.role])
      .first<{ type: RoleType } | undefined>();
    if (role) resolved.role = role.type;
    else errors.push({ field: "role", message: `no role has the id, name or type '${changes.role}'` });
  }
  if (changes.reports !== undefined) {
    const unknown = await unknownReports(db, changes.reports);
    if (unknown.length > 0) errors.push({ field: "reports", message: `unknown reports: ${listed(unknown)}` });
  }
  if (errors.length > 0) throw new Invalid(errors);
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  return { changes: resolved, passwordHash };
}

/** The first few of a list, for a message of bounded length. */
const listed = (items: string[], shown = 10) =>
  items.length <= shown ? items.join(", ") : `${items.slice(0, shown).join(", ")} and ${items.length - shown} more`;

const mayDemote = ({ role, status }: Changes) =>
  (role !== undefined && role !== "admin") || (status !== undefined && status !== "active");

async function write(
  request: UpdateRequest,
  prepared: Prepared,
  conn: Knex,
  caller: Caller,
  current: User,
  activeAdminIds: string[] | undefined,
): Promise<User | typeof CONFLICT | typeof NEEDS_ADMIN_LOCK> {
  const { columns, audit } = diff(current, prepared);
  if (Object.keys(audit).length === 0) return current;
  if (demotesAdministrator(current, columns)) {
    if (!activeAdminIds) return NEEDS_ADMIN_LOCK;
    keepsAnAdministrator(activeAdminIds, current);
  }
  const written = await writeUser(conn, {
    target: current,
    columns,
    reports: "reports" in audit ? prepared.changes.reports : undefined,
    audit: { actorId: caller.id, contract: request.contract, changes: audit },
    relations: request.relations,
  }).catch((error: unknown) => {
    throw uniqueViolation(error) ?? error;
  });
  return written ?? CONFLICT;
}

function checkPrecondition(request: UpdateRequest, version: number): void {
  if (request.expected === undefined) {
    if (request.versionRequired) throw new VersionRequired();
    return;
  }
  if (request.expected !== "any" && !request.expected.includes(version)) throw new StaleVersion(version);
}

async function stale(request: UpdateRequest): Promise<Error> {
  const current = await findUser(request.db, request.ref, false);
  return current ? new StaleVersion(current.version) : new UserNotFound(request.identifier);
}

/** The columns to write and the audit entry: only fields whose value really changes; secrets as "changed". */
function diff(current: User, { changes, passwordHash }: Prepared) {
  const columns: Record<string, unknown> = {};
  const audit: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes) as [ChangeField, unknown][]) {
    if (field === "password") {
      columns.password_hash = passwordHash;
      audit.password = "password changed";
    } else if (SECRET_FIELDS.has(field)) {
      columns[field] = value === null ? null : hashToken(value as string);
      audit[field] = value === null ? `${field} cleared` : `${field} changed`;
    } else if (field === "reports") {
      const owned = (current as UserWithRelations).reports.map((r) => r.uuid).sort();
      const wanted = [...(value as string[])].sort();
      if (!isDeepStrictEqual(owned, wanted)) audit.reports = { old: owned, new: wanted };
    } else {
      const old = current[field as keyof User];
      if (!sameValue(field, old, value)) {
        columns[field] = field === "attributes" ? JSON.stringify(value) : value;
        audit[field] = { old, new: value };
      }
    }
  }
  return { columns, audit };
}

/** Attributes keep their members' order (a reordered object is a change); other values compare as values. */
const sameValue = (field: ChangeField, old: unknown, value: unknown) =>
  field === "attributes" ? JSON.stringify(old) === JSON.stringify(value) : isDeepStrictEqual(old, value);

const UNIQUE_FIELDS: Record<string, ChangeField> = {
  users_username_key: "username",
  users_email_key: "email",
  users_external_id_key: "external_id",
};

function uniqueViolation(error: unknown): ValueTaken | undefined {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  if (code !== "23505") return undefined;
  const index = constraint ?? Object.keys(UNIQUE_FIELDS).find((name) => message?.includes(name));
  const field = index ? UNIQUE_FIELDS[index] : undefined;
  return field ? new ValueTaken(field) : undefined;
}
