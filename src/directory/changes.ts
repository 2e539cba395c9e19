// A requested change, made ready to store: references resolved, secrets hashed, and turned into column values.
import { isDeepStrictEqual } from "node:util";
import { Invalid, type FieldProblem } from "./errors.ts";
import {
  addressesOf,
  displayName,
  formattedName,
  primaryAddress,
  SECRET_FIELDS,
  type ChangeField,
  type Changes,
  type User,
  type UserWithRelations,
} from "./model.ts";
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
  if (changes.emails !== undefined) resolved.email = primaryAddress(changes.emails);
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
  // json columns: objects as their text, and SQL's NULL (not JSON's null) for none.
  if (field === "attributes" || field === "emails")
    return [field, value === null ? null : JSON.stringify(value)] as const;
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

/**
 * A user's addresses once its email changed through a contract that knows only `email` (so that the email stays the
 * primary address): the primary address takes the new value; a cleared email clears them all.
 */
function readdressed(current: User, changes: Changes): Changes {
  const { email } = changes;
  if (email === undefined || changes.emails !== undefined || current.emails === null) return changes;
  if (email === null) return { ...changes, emails: null };
  const primary = current.emails.findIndex((address) => address.value === current.email);
  const emails =
    primary < 0
      ? [{ value: email, type: "work", primary: true }, ...current.emails.map((a) => ({ ...a, primary: false }))]
      : current.emails.map((address, index) => (index === primary ? { ...address, value: email } : address));
  return { ...changes, emails };
}

/** The columns to write and the audit entry: only fields whose value really changes; secrets as "changed". */
export function changedColumns(current: User, prepared: PreparedChanges) {
  const { passwordHash } = prepared;
  const changes = readdressed(current, prepared.changes);
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
      const kept = current[field as keyof User];
      const shown = kept === null ? SHOWN_WHEN_UNSET[field] : undefined;
      const old = shown ? shown(current) : kept;
      if (!(kept === null && value === null) && !sameValue(field, old, value)) {
        const [column, storedValue] = stored(field, value, passwordHash);
        columns[column] = storedValue;
        audit[field] = { old, new: value };
      }
    }
  }
  return { columns, audit };
}

/**
 * Fields that are shown derived while unset (from the names, the email): a value equal to what is shown is no change,
 * so that a representation read, edited and sent back leaves them unset and still derived.
 */
const SHOWN_WHEN_UNSET: Partial<Record<ChangeField, (user: User) => unknown>> = {
  display_name: displayName,
  formatted_name: formattedName,
  emails: addressesOf,
};

/**
 * A new user's changes without the values equal to what it would show while they are unset (a provider that sends the
 * formatted name its given and family names make, say), so that they stay derived and follow later changes.
 */
export function withoutShownValues(changes: Changes): Changes {
  const bare = {
    username: changes.username ?? "",
    first_name: changes.first_name ?? null,
    last_name: changes.last_name ?? null,
    email: changes.email ?? (changes.emails === undefined ? null : primaryAddress(changes.emails)),
    emails: null,
    display_name: null,
    formatted_name: null,
  } as User;
  const kept = Object.fromEntries(
    Object.entries(changes).filter(([field, value]) => {
      const shown = SHOWN_WHEN_UNSET[field as ChangeField];
      return !shown || !isDeepStrictEqual(shown(bare), value);
    }),
  ) as Changes;
  // Addresses left unset still make the email.
  return { ...kept, ...(bare.email !== null && { email: bare.email }) };
}

/** Attributes keep their members' order (a reordered object is a change); other values compare as values. */
const sameValue = (field: ChangeField, old: unknown, value: unknown) =>
  field === "attributes" ? JSON.stringify(old) === JSON.stringify(value) : isDeepStrictEqual(old, value);

/** Whether a change may take a user out of the active administrators (then the administrators' lock is taken first). */
export const mayDemote = ({ role, status }: Changes) =>
  (role !== undefined && role !== "admin") || (status !== undefined && status !== "active");
