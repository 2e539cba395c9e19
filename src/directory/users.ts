// The directory's queries. Every value is a Knex binding; nothing is concatenated into SQL.
import type { Knex } from "knex";
import type { Caller, User, UserRef, UserWithRelations } from "./model.ts";

export const USER_COLUMNS = [
  "id",
  "num",
  "username",
  "email",
  "first_name",
  "last_name",
  "timezone",
  "language",
  "locale",
  "external_id",
  "attributes",
  "role",
  "status",
  "confirmed",
  "provider",
  "intro_reviewed",
  "last_login",
  "version",
  "created_at",
  "updated_at",
  "created_by",
  "updated_by",
] as const;
// Quoted once here rather than by Knex on every request (the hot statements select these twice).
const USER_COLUMN_LIST = USER_COLUMNS.map((column) => `"${column}"`).join(", ");
const USER_JSON_MEMBERS = USER_COLUMNS.map((column) => `'${column}', u."${column}"`).join(", ");

const REPORT_JSON = `json_build_object('id', p.id, 'uuid', p.uuid, 'referenceId', p.reference_id, 'type', p.type,
  'processed', p.processed, 'score', p.score, 'scoreProbability', p.score_probability,
  'scoreConfidence', p.score_confidence, 'scoreVersion', p.score_version)`;

/** A user as the statements below select it: one JSON object, whose timestamps are ISO 8601 text. */
type UserJson = Omit<User, "last_login" | "created_at" | "updated_at"> & {
  last_login: string | null;
  created_at: string;
  updated_at: string;
};

/**
 * Each user arrives as one JSON column rather than ~25 typed ones: node-postgres sets up a parser per column of
 * every result and copies a row object per row, which cost more than one JSON.parse (docs/performance.md).
 */
function fromJson<T extends User>(user: UserJson): T {
  return {
    ...user,
    last_login: user.last_login === null ? null : new Date(user.last_login),
    created_at: new Date(user.created_at),
    updated_at: new Date(user.updated_at),
  } as T;
}

/**
 * Selects users from `source` (the users table, or a CTE of just-updated rows) as the JSON column `user`. With
 * relations, it also holds the role object, owned reports (of `reportUuids` when the same statement reassigns them,
 * since a statement does not see its own CTEs' writes) and the names of who created and last updated the user.
 */
function selectUsers(db: Knex, query: Knex.QueryBuilder, source: string, relations: boolean, reportUuids?: string[]) {
  query.from({ u: source });
  if (!relations) return query.select(db.raw(`json_build_object(${USER_JSON_MEMBERS}) as "user"`));
  const reportFilter = reportUuids ? db.raw("p.uuid = any(?)", [reportUuids]) : db.raw("p.user_id = u.id");
  const actorName = (column: string) =>
    `case when u.${column} = u.id then u.username else (select a.username from users a where a.id = u.${column}) end`;
  return query.select(
    db.raw(
      `json_build_object(${USER_JSON_MEMBERS},
        'role_info', (select row_to_json(r) from (select id, name, description, type, permissions from roles where type = u.role) r),
        'reports', coalesce((select json_agg(${REPORT_JSON} order by p.uuid) from reports p where ?), '[]'::json),
        'created_by_name', ${actorName("created_by")},
        'updated_by_name', ${actorName("updated_by")}) as "user"`,
      [reportFilter],
    ),
  );
}

/** The condition that finds `ref` among users aliased `u` (usernames and emails are unique case-insensitively). */
function refCondition(ref: UserRef): [string, (string | number)[]] {
  switch (ref.by) {
    case "id":
      return ["u.id = ?", [ref.value]];
    case "num":
      return ["u.num = ?", [ref.value]];
    case "username":
      return ["lower(u.username) = ?", [ref.value.toLowerCase()]];
    case "email":
      return ["lower(u.email) = ?", [ref.value.toLowerCase()]];
  }
}

export async function findUser(db: Knex, ref: UserRef, relations: true): Promise<UserWithRelations | undefined>;
export async function findUser(db: Knex, ref: UserRef, relations: boolean, lock?: boolean): Promise<User | undefined>;
/** With `lock`, the row stays locked (FOR UPDATE) until the caller's transaction ends. */
export async function findUser(db: Knex, ref: UserRef, relations: boolean, lock = false): Promise<User | undefined> {
  const query = selectUsers(db, db.queryBuilder(), "users", relations).whereRaw(...refCondition(ref));
  const row = await (lock ? query.forUpdate("u") : query).first<{ user: UserJson } | undefined>();
  return row && fromJson(row.user);
}

export async function findCaller(db: Knex, ref: UserRef): Promise<Caller | undefined> {
  return db({ u: "users" })
    .select("id", "username", "role", "status")
    .whereRaw(...refCondition(ref))
    .first<Caller | undefined>();
}

type Located = { user: UserJson; is_caller: boolean; is_target: boolean };

/** The caller and the addressed user in one round trip (they may be the same row). */
export async function findCallerAndUser(db: Knex, callerRef: UserRef, ref: UserRef, relations: boolean) {
  // Placeholder names are lower case: refCondition lowercases the value it is given.
  const [, [callerValue]] = refCondition(callerRef);
  const [, [refValue]] = refCondition(ref);
  const shape = `caller-and-user:${callerRef.by}:${ref.by}:${relations}`;
  // The conditions that find the rows also say which row is which: the identifier rule is written once, in SQL.
  const rows: Located[] = await runCompiled(db, shape, { caller: callerValue, ref: refValue }, (param) => {
    const [callerCondition] = refCondition({ by: callerRef.by, value: param("caller") } as UserRef);
    const [condition] = refCondition({ by: ref.by, value: param("ref") } as UserRef);
    return selectUsers(db, db.queryBuilder(), "users", relations)
      .select(db.raw(`${callerCondition} as is_caller, ${condition} as is_target`, [param("caller"), param("ref")]))
      .whereRaw(`${callerCondition} or ${condition}`, [param("caller"), param("ref")]);
  });
  const caller = rows.find((row) => row.is_caller)?.user;
  const user = rows.find((row) => row.is_target)?.user;
  return { caller: caller && (fromJson<User>(caller) as Caller), user: user && fromJson<User>(user) };
}

export async function unknownReports(db: Knex, uuids: string[]): Promise<string[]> {
  if (uuids.length === 0) return [];
  const found = await db("reports").select<{ uuid: string }[]>("uuid").whereIn("uuid", uuids);
  const known = new Set(found.map((r) => r.uuid));
  return uuids.filter((uuid) => !known.has(uuid));
}

/** Locks the active administrators' rows and returns their ids (for the last-administrator rule). */
export async function lockActiveAdmins(trx: Knex.Transaction): Promise<string[]> {
  const rows = await trx("users")
    .select<{ id: string }[]>("id")
    .where({ role: "admin", status: "active" })
    .orderBy("id")
    .forUpdate();
  return rows.map((r) => r.id);
}

/** Other users whose representation a write changes: who they are, and what their audit rows say. */
interface Touched {
  name: string;
  ids: Knex.Raw;
  changes: Knex.Raw;
  /** Whether their own data changed (a new update time and actor), not only how they are shown. */
  changed: boolean;
}

/**
 * Adds the CTEs that give `touched` users a new version and an audit row each, once the target's update happened;
 * `actor` holds the statement's placeholders for who made the change and through which contract.
 */
function touchUsers(
  db: Knex,
  query: Knex.QueryBuilder,
  actor: { actorId: string; contract: string },
  touched: Touched,
): void {
  const stamp = touched.changed ? ", updated_at = now(), updated_by = ?" : "";
  query.with(
    touched.name,
    db.raw(
      `update users set version = version + 1${stamp} where id in (?) and exists (select 1 from updated) returning id`,
      [...(touched.changed ? [actor.actorId] : []), touched.ids],
    ),
  );
  query.with(
    `${touched.name}_logged`,
    db.raw(`insert into audit (user_id, actor_id, contract, changes) select t.id, ?, ?, ? from ?? t`, [
      actor.actorId,
      actor.contract,
      touched.changes,
      touched.name,
    ]),
  );
}

export interface Write {
  target: User;
  columns: Record<string, unknown>;
  reports?: string[];
  audit: { actorId: string; contract: string; changes: Record<string, unknown> };
  relations: boolean;
}

/**
 * One statement: update the row if it still has the version that was read, reassign reports, insert the audit
 * row, and return the new representation. Undefined when the version moved on (a concurrent writer won).
 */
export async function writeUser(db: Knex, write: Write): Promise<User | undefined> {
  const { target, audit, columns, reports, relations } = write;
  // Set exactly when the username is among the columns, so the shape below covers it.
  const renamed = audit.changes.username as { old: string; new: string } | undefined;
  const values: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(columns).map(([column, value]) => [`column:${column}`, value])),
    id: target.id,
    version: target.version,
    actorId: audit.actorId,
    contract: audit.contract,
    changes: JSON.stringify(audit.changes),
    reports,
    oldName: renamed?.old,
    newName: renamed?.new,
  };
  const shape = `write:${relations}:${reports !== undefined}:${Object.keys(columns).join(",")}`;
  const rows: { user: UserJson }[] = await runCompiled(db, shape, values, (param) => {
    const set = Object.fromEntries(Object.keys(columns).map((column) => [column, param(`column:${column}`)]));
    const updated = db("users")
      .update({ ...set, version: db.raw("version + 1"), updated_at: db.fn.now(), updated_by: param("actorId") })
      .where({ id: param("id"), version: param("version") })
      .returning(db.raw(USER_COLUMN_LIST));
    const query = db.queryBuilder().with("updated", updated);
    const actor = { actorId: param("actorId"), contract: param("contract") };
    query.with(
      "logged",
      db.raw("insert into audit (user_id, actor_id, contract, changes) select id, ?, ?, ?::jsonb from updated", [
        actor.actorId,
        actor.contract,
        param("changes"),
      ]),
    );
    if (reports) {
      query.with(
        "released",
        db.raw(
          "update reports set user_id = null where user_id = ? and not (uuid = any(?)) and exists (select 1 from updated)",
          [param("id"), param("reports")],
        ),
      );
      // The self-join sees each report as it was before this statement: who owned it until now.
      query.with(
        "claimed",
        db.raw(
          `update reports r set user_id = ? from reports before where before.uuid = r.uuid and r.uuid = any(?)
            and exists (select 1 from updated) returning r.uuid, before.user_id as previous_owner`,
          [param("id"), param("reports")],
        ),
      );
      // A user whose report is taken has a new representation (contract D lists its reports): a new version too.
      touchUsers(db, query, actor, {
        name: "robbed",
        ids: db.raw("select previous_owner from claimed where previous_owner <> ?", [param("id")]),
        changes: db.raw(
          "json_build_object('reports', json_build_object('removed', (select json_agg(c.uuid order by c.uuid) from claimed c where c.previous_owner = t.id), 'to', ?::text))::jsonb",
          [param("id")],
        ),
        changed: true,
      });
    }
    if (renamed) {
      // Contract D shows who created and last updated a user by name: those users' representations change too.
      touchUsers(db, query, actor, {
        name: "renamed",
        ids: db.raw("select id from users where (created_by = ? or updated_by = ?) and id <> ?", [
          param("id"),
          param("id"),
          param("id"),
        ]),
        changes: db.raw("json_build_object('actorName', json_build_object('old', ?::text, 'new', ?::text))::jsonb", [
          param("oldName"),
          param("newName"),
        ]),
        changed: false,
      });
    }
    return selectUsers(db, query, "updated", relations, reports && (param("reports") as unknown as string[]));
  });
  return rows[0] && fromJson(rows[0].user);
}

/**
 * Knex compiles a hot statement once per shape (which columns, which relations): it is built with named
 * placeholders, and later calls bind their values by name to the SQL text it produced, instead of rebuilding
 * the same text on every request. Clients choose which columns change, so past MAX_COMPILED shapes further ones
 * are compiled on every call, as before.
 */
const compiled = new Map<string, { sql: string; names: string[] }>();
const MAX_COMPILED = 200;
const PLACEHOLDER = "\u0000users-api:";

async function runCompiled<Row>(
  db: Knex,
  shape: string,
  values: Record<string, unknown>,
  build: (param: (name: string) => string) => Knex.QueryBuilder,
): Promise<Row[]> {
  let statement = compiled.get(shape);
  if (!statement) {
    const { sql, bindings } = build((name) => PLACEHOLDER + name).toSQL();
    const names = bindings.map((binding) => {
      if (typeof binding !== "string" || !binding.startsWith(PLACEHOLDER))
        throw new Error(`${shape}: a value was not given by name`);
      return binding.slice(PLACEHOLDER.length);
    });
    statement = { sql, names };
    if (compiled.size < MAX_COMPILED) compiled.set(shape, statement);
  }
  const result: { rows: Row[] } = await db.raw(
    statement.sql,
    statement.names.map((name) => values[name] ?? null) as Knex.RawBinding[],
  );
  return result.rows;
}
