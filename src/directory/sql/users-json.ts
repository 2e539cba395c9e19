// Users as the statements select them: one JSON column per user, with contract D's relations inside it when asked.
import type { Knex } from "knex";
import { USER_COLUMNS, type User, type UserRef } from "../model.ts";

const USER_JSON_MEMBERS = USER_COLUMNS.map((column) => `'${column}', u."${column}"`).join(", ");

const REPORT_JSON = `json_build_object('id', p.id, 'uuid', p.uuid, 'referenceId', p.reference_id, 'type', p.type,
  'processed', p.processed, 'score', p.score, 'scoreProbability', p.score_probability,
  'scoreConfidence', p.score_confidence, 'scoreVersion', p.score_version)`;

/** A user as the statements select it: one JSON object, whose timestamps are ISO 8601 text. */
export type UserJson = Omit<User, "last_login" | "created_at" | "updated_at"> & {
  last_login: string | null;
  created_at: string;
  updated_at: string;
};

/**
 * Each user arrives as one JSON column rather than ~25 typed ones: node-postgres sets up a parser per column of
 * every result and copies a row object per row, which cost more than one JSON.parse (docs/performance.md, step 7).
 */
export function fromJson<T extends User>(user: UserJson): T {
  return {
    ...user,
    last_login: user.last_login === null ? null : new Date(user.last_login),
    created_at: new Date(user.created_at),
    updated_at: new Date(user.updated_at),
  } as T;
}

/**
 * Selects users from `source` (the users table, or a CTE of just-written rows) aliased `u`, as the JSON column
 * `user`. With relations, it also holds the role object, owned reports (of `reportUuids` when the same statement
 * reassigns them, since a statement does not see its own CTEs' writes) and the names of who created and last
 * updated the user.
 */
export function selectUsers(
  db: Knex,
  query: Knex.QueryBuilder,
  source: string,
  relations: boolean,
  reportUuids?: string,
): Knex.QueryBuilder {
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

/**
 * The condition that finds the user `ref` names among users aliased `u`, with `value` standing for its value
 * (usernames and emails are unique case-insensitively, and a username may not be another user's email).
 */
export function refCondition(by: UserRef["by"], value: string): [string, string[]] {
  switch (by) {
    case "id":
      return ["u.id = ?", [value]];
    case "num":
      return ["u.num = ?", [value]];
    case "username":
      return ["lower(u.username) = lower(?)", [value]];
    case "email":
      return ["lower(u.email) = lower(?)", [value]];
    case "login":
      return ["(lower(u.username) = lower(?) or lower(u.email) = lower(?))", [value, value]];
  }
}
