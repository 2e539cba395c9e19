// The update pipeline every contract goes through: resolve, authorize, check If-Match, diff, write + audit.
import { isDeepStrictEqual } from "node:util";
import type { Knex } from "knex";
import { ApiError, fieldsInvalid, notFound, type FieldError } from "../errors.ts";
import { formatEtag, ifMatchAdmits } from "../http/etag.ts";
import { SECRET_FIELDS, type Caller, type ChangeField, type Changes, type User, type UserRef, type UserWithRelations } from "./model.ts";
import { authorizeWrite, demotesAdministrator, keepsAnAdministrator, type Access } from "./policy.ts";
import { hashPassword, hashToken } from "./secrets.ts";
import { findUser, lockActiveAdmins, unknownReports, writeUser } from "./users.ts";

export interface UpdateRequest {
  db: Knex;
  contract: string;
  caller: Caller;
  ref: UserRef;
  /** The identifier as the client wrote it, for messages. */
  identifier: string;
  /** Who may write each wire field, and the wire fields this request sent. */
  access: Record<string, Access>;
  sent: string[];
  /** Canonical field → the wire name the contract uses for it, for error details. */
  wireNames: Partial<Record<ChangeField, string>>;
  changes: Changes;
  ifMatch: string | undefined;
  requireIfMatch: boolean;
  readOnly: boolean;
  relations: boolean;
  /** Checks that need the stored user (contract A's read-only echo). */
  checkAgainst?: (current: User) => FieldError[];
}

const CONFLICT = Symbol("version moved");
const NEEDS_ADMIN_LOCK = Symbol("demotes an administrator");
type Attempt = User | typeof CONFLICT | typeof NEEDS_ADMIN_LOCK;

/** Applies the request; returns the user as stored afterwards (unchanged when nothing differed). */
export async function updateUser(request: UpdateRequest): Promise<User> {
  if (request.readOnly) throw new ApiError("readOnly", "The directory is read-only.");
  const prepared = await prepare(request);
  const first = await attempt(request, prepared, request.db, false);
  if (first !== CONFLICT && first !== NEEDS_ADMIN_LOCK) return first;
  if (first === CONFLICT && request.ifMatch !== undefined) throw await stale(request);
  // A concurrent writer won, or an administrator is being demoted: redo it holding the row locks.
  const locked = await request.db.transaction((trx) => attempt(request, prepared, trx, true));
  return locked as User;
}

interface Prepared {
  changes: Changes;
  passwordHash?: string;
}

/** Work that does not depend on the stored row: resolving references and hashing secrets, done once. */
async function prepare({ db, changes, wireNames }: UpdateRequest): Promise<Prepared> {
  const errors: FieldError[] = [];
  const resolved: Changes = { ...changes };
  if (changes.role !== undefined) {
    const role = await db("roles")
      .select("type")
      .where("id", changes.role)
      .orWhere("type", changes.role)
      .orWhereRaw("lower(name) = lower(?)", [changes.role])
      .first();
    if (role) resolved.role = role.type;
    else errors.push({ field: wireNames.role ?? "role", message: `no role has the id, name or type '${changes.role}'` });
  }
  if (changes.reports !== undefined) {
    const unknown = await unknownReports(db, changes.reports);
    if (unknown.length > 0) errors.push({ field: wireNames.reports ?? "reports", message: `unknown reports: ${unknown.join(", ")}` });
  }
  if (errors.length > 0) throw fieldsInvalid(errors);
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  return { changes: resolved, passwordHash };
}

async function attempt(request: UpdateRequest, prepared: Prepared, conn: Knex, locked: boolean): Promise<Attempt> {
  const { caller, ref, changes } = { ...request, changes: prepared.changes };
  const relations = request.relations || changes.reports !== undefined;
  let adminIds: string[] | undefined;
  if (locked) adminIds = await lockAdminsIfNeeded(conn, prepared);
  const current = await findUser(conn, ref, relations, locked);
  if (!current) throw notFound(request.identifier);
  authorizeWrite(caller, current, request.access, request.sent);
  checkPrecondition(request, current.version);
  const echoErrors = request.checkAgainst?.(current) ?? [];
  if (echoErrors.length > 0) throw fieldsInvalid(echoErrors);

  const { columns, audit } = diff(current, prepared);
  if (Object.keys(audit).length === 0) return current;
  if (demotesAdministrator(current, columns)) {
    if (!adminIds) return NEEDS_ADMIN_LOCK;
    keepsAnAdministrator(adminIds, current);
  }
  const written = await writeUser(conn, {
    target: current,
    columns,
    reports: "reports" in audit ? changes.reports : undefined,
    audit: { actorId: caller.id, contract: request.contract, changes: audit },
    relations: request.relations,
  }).catch((error: unknown) => {
    throw uniqueViolation(error, request.wireNames) ?? error;
  });
  return written ?? CONFLICT;
}

/** Administrators' rows are locked first, in id order, so that two demotions cannot deadlock or both win. */
async function lockAdminsIfNeeded(conn: Knex, prepared: Prepared): Promise<string[] | undefined> {
  const { role, status } = prepared.changes;
  const mayDemote = (role !== undefined && role !== "admin") || (status !== undefined && status !== "active");
  return mayDemote ? lockActiveAdmins(conn as Knex.Transaction) : undefined;
}

function checkPrecondition(request: UpdateRequest, version: number): void {
  if (request.ifMatch === undefined) {
    if (request.requireIfMatch) {
      throw new ApiError("preconditionRequired", "This server requires If-Match with the user's ETag.");
    }
    return;
  }
  if (!ifMatchAdmits(request.ifMatch, version)) {
    throw new ApiError(
      "preconditionFailed",
      `The user has changed since that ETag (it is now ${formatEtag(version)}); read it again.`,
    );
  }
}

async function stale(request: UpdateRequest): Promise<ApiError> {
  const current = await findUser(request.db, request.ref, false);
  if (!current) return notFound(request.identifier);
  return new ApiError(
    "preconditionFailed",
    `The user has changed since that ETag (it is now ${formatEtag(current.version)}); read it again.`,
  );
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
      if (!isDeepStrictEqual(old, value)) {
        columns[field] = field === "attributes" ? JSON.stringify(value) : value;
        audit[field] = { old, new: value };
      }
    }
  }
  return { columns, audit };
}

const UNIQUE_FIELDS: Record<string, ChangeField> = { users_username_key: "username", users_email_key: "email" };

function uniqueViolation(error: unknown, wireNames: UpdateRequest["wireNames"]): ApiError | undefined {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  if (code !== "23505") return undefined;
  const index = constraint ?? Object.keys(UNIQUE_FIELDS).find((name) => message?.includes(name));
  const field = index ? UNIQUE_FIELDS[index] : undefined;
  if (!field) return undefined;
  const wire = wireNames[field] ?? field;
  return new ApiError("conflict", `The ${wire} is taken by another user.`, [{ field: wire, message: "taken by another user" }]);
}
