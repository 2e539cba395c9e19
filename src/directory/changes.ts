// A requested change, made ready to store: references resolved, secrets hashed, and turned into column values.
import { isDeepStrictEqual } from "node:util";
import { Invalid, type FieldProblem } from "./errors.ts";
import { SECRET_FIELDS, type ChangeField, type Changes, type User, type UserWithRelations } from "./model.ts";
import { hashPassword, hashToken } from "./secrets.ts";
import { findRoleType, unknownReports } from "./sql/read.ts";
import type { Store } from "./sql/store.ts";

/** The canonical changes a request asks for, and the canonical fields it writes (for authorization). */
export interface Change {
  changes: Changes;
  sent: ChangeField[];
}

/** Changes whose references are resolved (role as its type) and whose password is hashed. */
export interface PreparedChanges {
  changes: Changes;
  passwordHash?: string;
}

/** Resolves the role reference, checks that the reports exist and hashes the password: what no stored row decides. */
export async function prepareChanges(store: Store, changes: Changes): Promise<PreparedChanges> {
  const problems: FieldProblem[] = [];
  const resolved: Changes = { ...changes };
  if (changes.role !== undefined) {
    const type = await findRoleType(store, changes.role);
    if (type) resolved.role = type;
    else problems.push({ field: "role", message: `no role has the id, name or type '${changes.role}'` });
  }
  if (changes.reports !== undefined) {
    const unknown = await unknownReports(store, changes.reports);
    if (unknown.length > 0) problems.push({ field: "reports", message: `unknown reports: ${listed(unknown)}` });
  }
  if (problems.length > 0) throw new Invalid(problems);
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  return { changes: resolved, passwordHash };
}

/** The first few of a list, for a message of bounded length. */
const listed = (items: string[], shown = 10) =>
  items.length <= shown ? items.join(", ") : `${items.slice(0, shown).join(", ")} and ${items.length - shown} more`;

/** A field's column and stored value: secrets hashed (never stored in clear), objects as JSON text. */
function stored(field: Exclude<ChangeField, "reports">, value: unknown, passwordHash: string | undefined) {
  if (field === "password") return ["password_hash", passwordHash] as const;
  if (SECRET_FIELDS.has(field)) return [field, value === null ? null : hashToken(value as string)] as const;
  if (field === "attributes") return [field, JSON.stringify(value)] as const;
  return [field, value] as const;
}

/** What an audit row says of a secret: that it changed, never its value. */
const secretNote = (field: ChangeField, value: unknown) =>
  field === "password" ? "password changed" : value === null ? `${field} cleared` : `${field} changed`;

/** The columns of a new user, and its audit entry: every field given, from nothing. */
export function newUserColumns({ changes, passwordHash }: PreparedChanges) {
  const columns: Record<string, unknown> = {};
  const audit: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes) as [ChangeField, unknown][]) {
    if (field === "reports" || value === undefined) continue;
    const [column, storedValue] = stored(field, value, passwordHash);
    columns[column] = storedValue;
    audit[field] = SECRET_FIELDS.has(field) ? secretNote(field, value) : { old: null, new: value };
  }
  return { columns, audit };
}

/** The columns to write and the audit entry: only fields whose value really changes; secrets as "changed". */
export function changedColumns(current: User, { changes, passwordHash }: PreparedChanges) {
  const columns: Record<string, unknown> = {};
  const audit: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes) as [ChangeField, unknown][]) {
    if (field === "reports") {
      const owned = (current as UserWithRelations).reports.map((r) => r.uuid).sort();
      const wanted = [...(value as string[])].sort();
      if (!isDeepStrictEqual(owned, wanted)) audit.reports = { old: owned, new: wanted };
    } else if (SECRET_FIELDS.has(field)) {
      const [column, storedValue] = stored(field, value, passwordHash);
      columns[column] = storedValue;
      audit[field] = secretNote(field, value);
    } else {
      const old = current[field as keyof User];
      if (!sameValue(field, old, value)) {
        const [column, storedValue] = stored(field, value, passwordHash);
        columns[column] = storedValue;
        audit[field] = { old, new: value };
      }
    }
  }
  return { columns, audit };
}

/** Attributes keep their members' order (a reordered object is a change); other values compare as values. */
const sameValue = (field: ChangeField, old: unknown, value: unknown) =>
  field === "attributes" ? JSON.stringify(old) === JSON.stringify(value) : isDeepStrictEqual(old, value);

/** Whether a change may take a user out of the active administrators (then their rows are locked first). */
export const mayDemote = ({ role, status }: Changes) =>
  (role !== undefined && role !== "admin") || (status !== undefined && status !== "active");
