// The directory's writes: each is one statement that changes the rows, writes their audit rows and publishes their
// events (the outbox) and returns the new representation, so that a change, its audit row and its event cannot part:
// a rolled-back change has neither, a committed one both.
import type { Knex } from "knex";
import { USER_COLUMNS, type User } from "../model.ts";
import { run, type Store } from "./store.ts";
import { fromJson, selectUsers, type UserJson } from "./users-json.ts";

/** Who made a change, through which contract, and what its audit row says. */
export interface AuditEntry {
  actorId: string;
  contract: string;
  changes: Record<string, unknown>;
}

type Param = (name: string) => string;

type AuditKind = "created" | "updated" | "deleted";

/** Other users whose representation a write changes: who they are, and what their audit rows say. */
interface Touched {
  name: string;
  ids: Knex.Raw;
  changes: Knex.Raw;
  /** Whether their own data changed (a new update time and actor), not only how they are shown. */
  changed: boolean;
}

/**
 * The audit rows of the users the CTE `source` (aliased `t`, returning their id and version) wrote, and their events:
 * CTEs `<name>_logged` and `<name>_published`. An event names the fields that changed, never their values.
 */
function audited(
  db: Knex,
  query: Knex.QueryBuilder,
  param: Param,
  { name, source, changes, kind }: { name: string; source: string; changes: Knex.Raw; kind: AuditKind },
): void {
  query.with(
    `${name}_logged`,
    db.raw(
      `insert into audit (user_id, actor_id, contract, changes, version, kind)
        select t.id, ?, ?, ?, t.version, '${kind}' from ?? t
        returning user_id, at, actor_id, contract, changes, version, kind`,
      [param("actorId"), param("contract"), changes, source],
    ),
  );
  query.with(
    `${name}_published`,
    db.raw(
      `insert into events (user_id, type, time, data)
        select user_id, 'user.' || kind, at, jsonb_build_object(
          'version', case when kind = 'deleted' then null else version end,
          'changed', coalesce((select jsonb_agg(k order by k) from jsonb_object_keys(changes) k), '[]'::jsonb),
          'contract', contract, 'actor', actor_id)
        from ??`,
      [`${name}_logged`],
    ),
  );
}

/**
 * Adds the CTEs that give `touched` users a new version, an audit row and an event each, once the CTE `after` wrote
 * its row; the audit rows name the statement's actor and contract.
 */
function touchUsers(db: Knex, query: Knex.QueryBuilder, param: Param, after: string, touched: Touched): void {
  const stamp = touched.changed ? ", updated_at = now(), updated_by = ?" : "";
  query.with(
    touched.name,
    db.raw(
      `update users set version = version + 1${stamp} where id in (?) and exists (select 1 from ??)
        returning id, version`,
      [...(touched.changed ? [param("actorId")] : []), touched.ids, after],
    ),
  );
  audited(db, query, param, { name: touched.name, source: touched.name, changes: touched.changes, kind: "updated" });
}

/** The audit row and event of the user the CTE `source` wrote. */
function logWritten(db: Knex, query: Knex.QueryBuilder, param: Param, source: string, kind: AuditKind): void {
  audited(db, query, param, { name: "written", source, changes: db.raw("?::jsonb", [param("changes")]), kind });
}

/**
 * Users shown with `param("id")` as their creator or last updater (contract D shows actor names): a new version and
 * an audit row each when that user's name changes or the user is deleted.
 */
function touchActorsUsers(db: Knex, query: Knex.QueryBuilder, param: Param, after: string): void {
  touchUsers(db, query, param, after, {
    name: "shown_actor",
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

const auditValues = (audit: AuditEntry) => ({
  actorId: audit.actorId,
  contract: audit.contract,
  changes: JSON.stringify(audit.changes),
});

const columnValues = (columns: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(columns).map(([column, value]) => [`column:${column}`, value]));

const columnParams = (columns: Record<string, unknown>, param: Param) =>
  Object.fromEntries(Object.keys(columns).map((column) => [column, param(`column:${column}`)]));

export interface UserWrite {
  target: User;
  columns: Record<string, unknown>;
  /** The reports the user owns afterwards, when the write sets them. */
  reports?: string[];
  audit: AuditEntry;
  relations: boolean;
}

/**
 * One statement: update the row if it still has the version that was read, reassign reports, insert the audit
 * row, and return the new representation. Undefined when the version moved on (a concurrent writer won).
 */
export async function updateUserRow(store: Store, write: UserWrite): Promise<User | undefined> {
  const { conn: db } = store;
  const { target, audit, columns, reports, relations } = write;
  const renamed = audit.changes.username as { old: string; new: string } | undefined;
  const values = {
    ...columnValues(columns),
    ...auditValues(audit),
    id: target.id,
    version: target.version,
    reports,
    oldName: renamed?.old,
    newName: renamed?.new,
  };
  // The shape says which columns change, whether reports are set and whether the user is renamed.
  const shape = `update:${relations}:${reports !== undefined}:${Object.keys(columns).join(",")}`;
  const rows = await run<{ user: UserJson }>(store, shape, values, (param) => {
    const updated = db("users")
      .update({
        ...columnParams(columns, param),
        version: db.raw("version + 1"),
        updated_at: db.fn.now(),
        updated_by: param("actorId"),
      })
      .whereRaw("id = ? and version = ?", [param("id"), param("version")])
      .returning(USER_COLUMNS);
    const query = db.queryBuilder().with("updated", updated);
    logWritten(db, query, param, "updated", "updated");
    if (reports) setReports(db, query, param);
    if (Object.hasOwn(columns, "username")) touchActorsUsers(db, query, param, "updated");
    return selectUsers(db, query, "updated", relations, reports && param("reports"));
  });
  return rows[0] && fromJson(rows[0].user);
}

/** The CTEs that make the user `param("id")` own exactly the reports `param("reports")`. */
function setReports(db: Knex, query: Knex.QueryBuilder, param: Param): void {
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
  touchUsers(db, query, param, "updated", {
    name: "robbed",
    ids: db.raw("select previous_owner from claimed where previous_owner <> ?", [param("id")]),
    changes: db.raw(
      "json_build_object('reports', json_build_object('removed', (select json_agg(c.uuid order by c.uuid) from claimed c where c.previous_owner = t.id), 'to', ?::text))::jsonb",
      [param("id")],
    ),
    changed: true,
  });
}

/** One statement: insert the user and its audit row, and return the new representation. */
export async function insertUserRow(
  store: Store,
  columns: Record<string, unknown>,
  audit: AuditEntry,
  relations: boolean,
): Promise<User> {
  const { conn: db } = store;
  const shape = `insert:${relations}:${Object.keys(columns).join(",")}`;
  const rows = await run<{ user: UserJson }>(
    store,
    shape,
    { ...columnValues(columns), ...auditValues(audit) },
    (param) => {
      const inserted = db("users").insert(columnParams(columns, param)).returning(USER_COLUMNS);
      const query = db.queryBuilder().with("inserted", inserted);
      logWritten(db, query, param, "inserted", "created");
      return selectUsers(db, query, "inserted", relations);
    },
  );
  return fromJson(rows[0].user);
}

/**
 * One statement: delete the user if it still has the version that was read, with its audit row; the users it is
 * shown as the creator or last updater of get a new version (their actor name is gone). Its reports are released
 * by the foreign key. False when the version moved on.
 */
export async function deleteUserRow(store: Store, target: User, audit: AuditEntry): Promise<boolean> {
  const { conn: db } = store;
  const values = {
    ...auditValues(audit),
    id: target.id,
    version: target.version,
    oldName: target.username,
    newName: null,
  };
  const rows = await run<{ id: string }>(store, "delete", values, (param) => {
    const deleted = db("users")
      .whereRaw("id = ? and version = ?", [param("id"), param("version")])
      .delete()
      .returning(["id", "version"]);
    const query = db.queryBuilder().with("deleted", deleted);
    logWritten(db, query, param, "deleted", "deleted");
    touchActorsUsers(db, query, param, "deleted");
    return query.select("id").from("deleted");
  });
  return rows.length > 0;
}
