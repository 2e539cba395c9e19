// Loads users and reports (the `npm run import` format, also used for the demo directory) in one transaction.
import { randomUUID } from "node:crypto";
import type { Knex } from "knex";
import { compileSchema, fieldProblems } from "../schemas.ts";
import { Type, type Static } from "typebox";
import type { components } from "../../generated/api.ts";
import { newUserColumns } from "./changes.ts";
import { ROLE_TYPES, STATUSES, type Changes } from "./model.ts";
import { IDENTIFIERS_LOCK } from "../db/migrations/004_provisioning.ts";
import { hashPassword } from "./secrets.ts";

// The file format is written once, as JSON schemas; the TypeScript types are derived from them (TypeBox), and the
// spec's own component schemas are referenced with their generated types.
const specSchema = <Name extends keyof components["schemas"]>(name: Name) =>
  Type.Unsafe<components["schemas"][Name]>({ $ref: `spec#/components/schemas/${name}` });
const nullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const nullableScore = Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]);

const userSchema = Type.Object(
  {
    id: Type.Optional(specSchema("UserId")),
    username: specSchema("Username"),
    email: Type.Optional(Type.Union([specSchema("Email"), Type.Null()])),
    firstName: Type.Optional(nullableText(128)),
    lastName: Type.Optional(nullableText(128)),
    timezone: Type.Optional(nullableText(64)),
    language: Type.Optional(nullableText(35)),
    locale: Type.Optional(nullableText(35)),
    externalId: Type.Optional(Type.Union([specSchema("ScimExternalId"), Type.Null()])),
    attributes: Type.Optional(specSchema("Attributes")),
    role: Type.Enum(ROLE_TYPES),
    status: Type.Enum(STATUSES),
    confirmed: Type.Optional(Type.Boolean()),
    provider: Type.Optional(nullableText(64)),
    password: Type.Optional(specSchema("Password")),
    introReviewed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const reportSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    uuid: specSchema("ReportUuid"),
    referenceId: Type.Optional(nullableText(128)),
    type: Type.Optional(nullableText(64)),
    processed: Type.Optional(Type.Boolean()),
    score: Type.Optional(nullableScore),
    scoreProbability: Type.Optional(nullableScore),
    scoreConfidence: Type.Optional(nullableScore),
    scoreVersion: Type.Optional(nullableText(64)),
    owner: Type.Optional(nullableText(128)),
  },
  { additionalProperties: false },
);

export type ImportUser = Static<typeof userSchema>;
export type ImportReport = Static<typeof reportSchema>;

export interface ImportFile {
  users?: ImportUser[];
  reports?: ImportReport[];
}

const validators = { users: compileSchema(userSchema), reports: compileSchema(reportSchema) };

export class ImportError extends Error {}

/** Throws ImportError naming the entry and field at fault. */
function checkEntry<T>(kind: "users" | "reports", index: number, entry: unknown): T {
  const validate = validators[kind];
  if (validate(entry)) return entry as T;
  const problems = fieldProblems(validate.errors, "")
    .slice(0, 5)
    .map(({ field, message }) => `${kind}[${index}]${field ? `.${field}` : ""}: ${message}`);
  throw new ImportError(`nothing imported: the file is not valid:\n  ${problems.join("\n  ")}`);
}

const BATCH = 1000;
// What a new import of a known user does not change: its identity and who created it.
const KEPT_ON_MERGE = new Set(["id", "created_by"]);

export interface ImportCounts {
  users: number;
  reports: number;
}

/** Entries as they arrive: arrays (the demo directory), or streams from a file too large to hold in memory. */
export interface ImportSource {
  users?: Iterable<unknown> | AsyncIterable<unknown>;
  /** Read after every user is written, so that an owner may be any user of the file. */
  reports?: () => Iterable<unknown> | AsyncIterable<unknown>;
}

async function* batches<T>(
  kind: "users" | "reports",
  entries: Iterable<unknown> | AsyncIterable<unknown>,
): AsyncGenerator<T[]> {
  let batch: T[] = [];
  let index = 0;
  for await (const entry of entries) {
    batch.push(checkEntry<T>(kind, index++, entry));
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The source's items one step ahead: the next batch is read, parsed and checked while the current one is written, so
 * that the import's JavaScript and PostgreSQL work at the same time. A failure of the batch read ahead is raised
 * when that batch's turn comes; if the write before it failed first, that batch is dropped and the source closed.
 */
async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  const ahead = () => {
    const next = source.next();
    next.catch(() => undefined);
    return next;
  };
  let next = ahead();
  try {
    for (let item = await next; !item.done; item = await next) {
      next = ahead();
      yield item.value;
    }
  } finally {
    await next.catch(() => undefined);
    await source.return(undefined);
  }
}

export const fromFile = (file: ImportFile): ImportSource => ({
  users: file.users ?? [],
  reports: () => file.reports ?? [],
});

/**
 * Upserts by id (users) and uuid (reports), checking every entry; a user without id gets a UUID. One
 * transaction: a bad entry anywhere leaves the directory as it was.
 */
export async function importDirectory(
  db: Knex,
  source: ImportSource,
  options: { actorId?: string | null; onProgress?: (counts: ImportCounts) => void } = {},
): Promise<ImportCounts> {
  const counts: ImportCounts = { users: 0, reports: 0 };
  await db.transaction(async (trx) => {
    await checkIdentifiersInBatches(trx);
    for await (const users of readAhead(batches<ImportUser>("users", source.users ?? []))) {
      const rows = await Promise.all(users.map((u) => userRow(u, options.actorId)));
      const stored = await storedNames(trx, rows);
      const renamed = rows
        .filter((r) => stored.has(r.id as string) && stored.get(r.id as string) !== r.username)
        .map((r) => r.id as string);
      await upsertUsers(trx, rows, stored);
      await refuseSharedIdentifiers(
        trx,
        rows.map((r) => r.id as string),
      );
      // Users shown with a renamed user as their creator or last updater have a new representation (contract D).
      if (renamed.length > 0) {
        await newVersions(
          trx,
          trx("users").select("id").whereIn("created_by", renamed).orWhereIn("updated_by", renamed),
        );
      }
      counts.users += rows.length;
      options.onProgress?.(counts);
    }
    for await (const batch of readAhead(batches<ImportReport>("reports", source.reports?.() ?? []))) {
      const owners = await ownerIds(trx, batch);
      const rows = batch.map((r) => reportRow(r, owners));
      const previous = await trx("reports")
        .select("uuid", "user_id")
        .whereIn(
          "uuid",
          rows.map((r) => r.uuid),
        );
      await trx("reports")
        .insert(rows)
        .onConflict("uuid")
        .merge([
          "reference_id",
          "type",
          "processed",
          "score",
          "score_probability",
          "score_confidence",
          "score_version",
          "user_id",
        ]);
      // A report that changes hands changes both owners' representations (contract D lists a user's reports).
      const before = new Map(previous.map((r: { uuid: string; user_id: string | null }) => [r.uuid, r.user_id]));
      const moved = rows.filter((r) => before.has(r.uuid) && before.get(r.uuid) !== r.user_id);
      const affected = moved.flatMap((r) => [before.get(r.uuid), r.user_id]).filter((id): id is string => !!id);
      if (affected.length > 0) await newVersions(trx, [...new Set(affected)]);
      counts.reports += batch.length;
      options.onProgress?.(counts);
    }
  });
  return counts;
}

/**
 * A username may not be another user's email (migration 004): rather than the trigger's check of every row, with
 * locks, the import checks each batch in one query, holding the identifiers' lock that the API's writes of usernames
 * and emails share, so that none of them can slip in between.
 */
async function checkIdentifiersInBatches(trx: Knex.Transaction): Promise<void> {
  await trx.raw("select pg_advisory_xact_lock(?, 0)", [IDENTIFIERS_LOCK]);
  await trx.raw("select set_config('users_api.identifiers', 'checked in batches', true)");
}

async function refuseSharedIdentifiers(trx: Knex.Transaction, ids: string[]): Promise<void> {
  const { rows } = await trx.raw<{ rows: { username: string }[] }>(
    `select u.username from users u where u.id = any(?) and (
      exists (select 1 from users o where lower(o.email) = lower(u.username) and o.id <> u.id)
      or (u.email is not null and exists (select 1 from users o where lower(o.username) = lower(u.email) and o.id <> u.id)))
    limit 5`,
    [ids],
  );
  if (rows.length > 0)
    throw new ImportError(
      `nothing imported: a username may not be another user's email: ${rows.map((r) => `'${r.username}'`).join(", ")}`,
    );
}

/** The usernames of the users of `rows` that are already in the directory, by id. */
async function storedNames(trx: Knex.Transaction, rows: Record<string, unknown>[]): Promise<Map<string, string>> {
  // One array parameter, not a placeholder per id: a thousand parameters cost PostgreSQL more than the lookups.
  const stored = await trx("users")
    .select<{ id: string; username: string }[]>("id", "username")
    .whereRaw("id = any(?)", [rows.map((r) => r.id as string)]);
  return new Map(stored.map((s) => [s.id, s.username]));
}

/**
 * A batch's new users in one insert and its known ones in one update, the rows as one JSON value (PostgreSQL makes
 * them rows: json_populate_recordset) rather than a value per column per row, which made the statement's text and
 * bindings the import's largest cost; new users need no conflict handling.
 */
async function upsertUsers(
  trx: Knex.Transaction,
  rows: Record<string, unknown>[],
  stored: Map<string, string>,
): Promise<void> {
  const columns = Object.keys(rows[0]);
  // json columns travel as JSON, not as the text they are stored as.
  const json = (batch: Record<string, unknown>[]) =>
    JSON.stringify(batch.map((row) => ({ ...row, attributes: JSON.parse(row.attributes as string) as unknown })));
  const added = rows.filter((row) => !stored.has(row.id as string));
  const known = rows.filter((row) => stored.has(row.id as string));
  if (added.length > 0)
    await trx.raw("insert into users (??) select ?? from json_populate_recordset(null::users, ?::json) r", [
      columns,
      columns.map((column) => `r.${column}`),
      json(added),
    ]);
  if (known.length === 0) return;
  const merged = columns.filter((column) => !KEPT_ON_MERGE.has(column));
  await trx.raw(
    `update users u set ${merged.map(() => "?? = ??").join(", ")}, version = u.version + 1, updated_at = now()
      from json_populate_recordset(null::users, ?::json) r where u.id = r.id`,
    [...merged.flatMap((column) => [column, `r.${column}`]), json(known)],
  );
}

/** A new version for users whose representation changed without a change to their own row. */
async function newVersions(trx: Knex.Transaction, ids: string[] | Knex.QueryBuilder): Promise<void> {
  await trx("users")
    .whereIn("id", ids)
    .update({ version: trx.raw("version + 1") });
}

/** Every field of the file's user, as a full replacement: absent optional fields are cleared or defaulted. */
function importedChanges(user: ImportUser): Changes {
  return {
    username: user.username,
    email: user.email ?? null,
    first_name: user.firstName ?? null,
    last_name: user.lastName ?? null,
    timezone: user.timezone ?? null,
    language: user.language ?? null,
    locale: user.locale ?? null,
    external_id: user.externalId ?? null,
    attributes: user.attributes ?? {},
    role: user.role,
    status: user.status,
    confirmed: user.confirmed ?? false,
    provider: user.provider === undefined ? "local" : user.provider,
    intro_reviewed: user.introReviewed ?? false,
  };
}

/** The user's row, with the same columns for every user (a batch is one insert); no password clears the stored one. */
async function userRow(user: ImportUser, actorId: string | null | undefined): Promise<Record<string, unknown>> {
  const passwordHash = user.password === undefined ? undefined : await hashPassword(user.password);
  const { columns } = newUserColumns({ changes: importedChanges(user), passwordHash });
  return {
    id: user.id ?? randomUUID(),
    ...columns,
    password_hash: passwordHash ?? null,
    created_by: actorId ?? null,
    updated_by: actorId ?? null,
  };
}

async function ownerIds(trx: Knex.Transaction, reports: ImportReport[]): Promise<Map<string, string>> {
  const names = [...new Set(reports.map((r) => r.owner).filter((o): o is string => !!o))];
  if (names.length === 0) return new Map();
  const found: { id: string; username: string }[] = await trx("users")
    .select("id", "username")
    .whereIn("id", names)
    .orWhereRaw("lower(username) = any(?)", [names.map((n) => n.toLowerCase())]);
  const owners = new Map<string, string>();
  for (const user of found) {
    owners.set(user.id, user.id);
    owners.set(user.username.toLowerCase(), user.id);
  }
  const missing = names.find((n) => !owners.has(n) && !owners.has(n.toLowerCase()));
  if (missing) throw new ImportError(`a report's owner '${missing}' is neither a user id nor a username`);
  return owners;
}

function reportRow(report: ImportReport, owners: Map<string, string>) {
  const owner = report.owner ? (owners.get(report.owner) ?? owners.get(report.owner.toLowerCase())) : null;
  return {
    id: report.id ?? randomUUID(),
    uuid: report.uuid,
    reference_id: report.referenceId ?? null,
    type: report.type ?? null,
    processed: report.processed ?? false,
    score: report.score ?? null,
    score_probability: report.scoreProbability ?? null,
    score_confidence: report.scoreConfidence ?? null,
    score_version: report.scoreVersion ?? null,
    user_id: owner ?? null,
  };
}
