// The directory's reads. Every value is a binding; nothing is concatenated into SQL.
import type { Caller, RoleType, User, UserRef, UserWithRelations } from "../model.ts";
import { run, type Store } from "./store.ts";
import { fromJson, refCondition, selectUsers, type UserJson } from "./users-json.ts";

export async function findUser(store: Store, ref: UserRef, relations: true): Promise<UserWithRelations | undefined>;
export async function findUser(
  store: Store,
  ref: UserRef,
  relations: boolean,
  lock?: boolean,
): Promise<User | undefined>;
/** With `lock`, the row stays locked (FOR UPDATE) until the caller's transaction ends. */
export async function findUser(
  store: Store,
  ref: UserRef,
  relations: boolean,
  lock = false,
): Promise<User | undefined> {
  const { conn: db } = store;
  const rows = await run<{ user: UserJson }>(
    store,
    `user:${ref.by}:${relations}:${lock}`,
    { ref: ref.value },
    (param) => {
      const query = selectUsers(db, db.queryBuilder(), "users", relations).whereRaw(
        ...refCondition(ref.by, param("ref")),
      );
      return lock ? query.forUpdate("u") : query;
    },
  );
  return rows[0] && fromJson(rows[0].user);
}

export async function findCaller(store: Store, ref: UserRef): Promise<Caller | undefined> {
  const { conn: db } = store;
  const rows = await run<Caller>(store, `caller:${ref.by}`, { ref: ref.value }, (param) =>
    db({ u: "users" })
      .select("id", "username", "role", "status")
      .whereRaw(...refCondition(ref.by, param("ref"))),
  );
  return rows[0];
}

type Located = { user: UserJson; is_caller: boolean; is_target: boolean };

/** The caller and the addressed user in one round trip (they may be the same row). */
export async function findCallerAndUser(store: Store, callerRef: UserRef, ref: UserRef, relations: boolean) {
  const { conn: db } = store;
  const shape = `caller-and-user:${callerRef.by}:${ref.by}:${relations}`;
  // The conditions that find the rows also say which row is which: the identifier rule is written once, in SQL.
  const rows = await run<Located>(store, shape, { caller: callerRef.value, ref: ref.value }, (param) => {
    const [callerCondition, callerValues] = refCondition(callerRef.by, param("caller"));
    const [condition, values] = refCondition(ref.by, param("ref"));
    return selectUsers(db, db.queryBuilder(), "users", relations)
      .select(db.raw(`${callerCondition} as is_caller, ${condition} as is_target`, [...callerValues, ...values]))
      .whereRaw(`${callerCondition} or ${condition}`, [...callerValues, ...values]);
  });
  const caller = rows.find((row) => row.is_caller)?.user;
  const user = rows.find((row) => row.is_target)?.user;
  return { caller: caller && (fromJson<User>(caller) as Caller), user: user && fromJson<User>(user) };
}

/** The uuids among `uuids` that name no report. */
export async function unknownReports(store: Store, uuids: string[]): Promise<string[]> {
  if (uuids.length === 0) return [];
  const found = await run<{ uuid: string }>(store, "known-reports", { uuids }, (param) =>
    store
      .conn("reports")
      .select("uuid")
      .whereRaw("uuid = any(?)", [param("uuids")]),
  );
  const known = new Set(found.map((r) => r.uuid));
  return uuids.filter((uuid) => !known.has(uuid));
}

/** The type of the role a reference names: its id, its type, or its name (case-insensitively). */
export async function findRoleType(store: Store, reference: string): Promise<RoleType | undefined> {
  const rows = await run<{ type: RoleType }>(store, "role-type", { reference }, (param) =>
    store
      .conn("roles")
      .select("type")
      .where("id", param("reference"))
      .orWhere("type", param("reference"))
      .orWhereRaw("lower(name) = lower(?)", [param("reference")]),
  );
  return rows[0]?.type;
}

/**
 * Locks the set of active administrators for the rest of the caller's transaction (an advisory lock: two demotions
 * take it in turn, so that they can neither deadlock nor both win) and returns their ids. It takes no row lock, so the
 * transaction gets its id only when it locks the user it changes (the change feed's order, docs/events.md).
 */
export async function lockActiveAdmins(store: Store): Promise<string[]> {
  await run(store, "lock-administrators", {}, () =>
    store.conn.queryBuilder().select(store.conn.raw("pg_advisory_xact_lock(7106)")),
  );
  const rows = await run<{ id: string }>(store, "active-admins", {}, () =>
    store.conn("users").select("id").whereRaw("role = 'admin' and status = 'active'").orderBy("id"),
  );
  return rows.map((r) => r.id);
}
