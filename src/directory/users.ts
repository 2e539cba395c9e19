// The directory's queries. Every value is a Knex binding; nothing is concatenated into SQL.
import type { Knex } from "knex";
import type { Caller, User, UserRef, UserWithRelations } from "./model.ts";

const USER_COLUMNS = [
  "id", "num", "username", "email", "first_name", "last_name", "timezone", "language", "attributes", "role",
  "status", "confirmed", "provider", "intro_reviewed", "last_login", "version", "created_at", "updated_at",
  "created_by", "updated_by",
];
// Quoted once here rather than by Knex on every request (the hot statements select these twice).
const USER_COLUMN_LIST = USER_COLUMNS.map((column) => `"${column}"`).join(", ");
const USER_SELECT_LIST = USER_COLUMNS.map((column) => `u."${column}"`).join(", ");

const REPORT_JSON = `json_build_object('id', p.id, 'uuid', p.uuid, 'referenceId', p.reference_id, 'type', p.type,
  'processed', p.processed, 'score', p.score, 'scoreProbability', p.score_probability,
  'scoreConfidence', p.score_confidence, 'scoreVersion', p.score_version)`;

/**
 * Selects users from `source` (the users table, or a CTE of just-updated rows). With relations, also the role
 * object, owned reports (of `reportUuids` when the same statement reassigns them, since a statement does not
 * see its own CTEs' writes) and the names of who created and last updated the user.
 */
function selectUsers(db: Knex, query: Knex.QueryBuilder, source: string, relations: boolean, reportUuids?: string[]) {
  query.from({ u: source }).select(db.raw(USER_SELECT_LIST));
  if (!relations) return query;
  const reportFilter = reportUuids ? db.raw("p.uuid = any(?)", [reportUuids]) : db.raw("p.user_id = u.id");
  const actorName = (column: string) =>
    db.raw(`case when u.${column} = u.id then u.username else (select a.username from users a where a.id = u.${column}) end as ${column}_name`);
  return query.select(
    db.raw("(select row_to_json(r) from (select id, name, description, type, permissions from roles where type = u.role) r) as role_info"),
    db.raw(`coalesce((select json_agg(${REPORT_JSON} order by p.uuid) from reports p where ?), '[]'::json) as reports`, [reportFilter]),
    actorName("created_by"),
    actorName("updated_by"),
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
  return (lock ? query.forUpdate("u") : query).first();
}

export async function findCaller(db: Knex, id: string): Promise<Caller | undefined> {
  return db("users").select("id", "username", "role", "status").where({ id }).first();
}

function matchesRef(user: User, ref: UserRef): boolean {
  switch (ref.by) {
    case "id":
      return user.id === ref.value;
    case "num":
      return user.num === ref.value;
    case "username":
      return user.username.toLowerCase() === ref.value.toLowerCase();
    case "email":
      return user.email?.toLowerCase() === ref.value.toLowerCase();
  }
}

/** The caller and the addressed user in one round trip (they may be the same row). */
export async function findCallerAndUser(db: Knex, callerId: string, ref: UserRef, relations: boolean) {
  const [, [refValue]] = refCondition(ref);
  // Placeholder names are lower case: refCondition lowercases the value it is given.
  const rows: User[] = await runCompiled(db, `caller-and-user:${ref.by}:${relations}`, { caller: callerId, ref: refValue }, (param) => {
    const [condition] = refCondition({ by: ref.by, value: param("ref") } as UserRef);
    return selectUsers(db, db.queryBuilder(), "users", relations).whereRaw(`u.id = ? or ${condition}`, [param("caller"), param("ref")]);
  });
  return { caller: rows.find((row) => row.id === callerId) as Caller | undefined, user: rows.find((row) => matchesRef(row, ref)) };
}

export async function unknownReports(db: Knex, uuids: string[]): Promise<string[]> {
  if (uuids.length === 0) return [];
  const found: { uuid: string }[] = await db("reports").select("uuid").whereIn("uuid", uuids);
  const known = new Set(found.map((r) => r.uuid));
  return uuids.filter((uuid) => !known.has(uuid));
}

/** Locks the active administrators' rows and returns their ids (for the last-administrator rule). */
export async function lockActiveAdmins(trx: Knex.Transaction): Promise<string[]> {
  const rows: { id: string }[] = await trx("users")
    .select("id")
    .where({ role: "admin", status: "active" })
    .orderBy("id")
    .forUpdate();
  return rows.map((r) => r.id);
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
  const values: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(columns).map(([column, value]) => [`column:${column}`, value])),
    id: target.id,
    version: target.version,
    actorId: audit.actorId,
    contract: audit.contract,
    changes: JSON.stringify(audit.changes),
    reports,
  };
  const shape = `write:${relations}:${reports !== undefined}:${Object.keys(columns).join(",")}`;
  const rows: User[] = await runCompiled(db, shape, values, (param) => {
    const set = Object.fromEntries(Object.keys(columns).map((column) => [column, param(`column:${column}`)]));
    const updated = db("users")
      .update({ ...set, version: db.raw("version + 1"), updated_at: db.fn.now(), updated_by: param("actorId") })
      .where({ id: param("id"), version: param("version") })
      .returning(db.raw(USER_COLUMN_LIST));
    const query = db.queryBuilder().with("updated", updated);
    query.with(
      "logged",
      db.raw("insert into audit (user_id, actor_id, contract, changes) select id, ?, ?, ?::jsonb from updated", [
        param("actorId"),
        param("contract"),
        param("changes"),
      ]),
    );
    if (reports) {
      query.with(
        "released",
        db.raw("update reports set user_id = null where user_id = ? and not (uuid = any(?)) and exists (select 1 from updated)", [
          param("id"),
          param("reports"),
        ]),
      );
      query.with("claimed", db.raw("update reports set user_id = ? where uuid = any(?) and exists (select 1 from updated)", [param("id"), param("reports")]));
    }
    return selectUsers(db, query, "updated", relations, reports && (param("reports") as unknown as string[]));
  });
  return rows[0];
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
      if (typeof binding !== "string" || !binding.startsWith(PLACEHOLDER)) throw new Error(`${shape}: a value was not given by name`);
      return binding.slice(PLACEHOLDER.length);
    });
    statement = { sql, names };
    if (compiled.size < MAX_COMPILED) compiled.set(shape, statement);
  }
  const result: { rows: Row[] } = await db.raw(statement.sql, statement.names.map((name) => values[name] ?? null) as Knex.RawBinding[]);
  return result.rows;
}
