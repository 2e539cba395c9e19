// The change log: a user's audit rows, newest first, and the events of every user in the order a reader may take
// them (see `readableEvents`).
import type { Store } from "./store.ts";

export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  /** The actor's username now; null when the actor is gone or was nobody (an import). */
  actor_name: string | null;
  contract: string;
  kind: "created" | "updated" | "deleted";
  version: number | null;
  changes: Record<string, unknown>;
}

/** Up to `limit` of a user's audit rows, newest first, older than the row `before` when given. */
export async function userHistory(store: Store, userId: string, before: string | undefined, limit: number) {
  const { conn: db } = store;
  const query = db({ a: "audit" })
    .select(db.raw("a.id::text as id"), "a.at", "a.actor_id", "u.username as actor_name", "a.contract", "a.kind")
    .select("a.version", "a.changes")
    .leftJoin({ u: "users" }, "u.id", "a.actor_id")
    .where("a.user_id", userId)
    .orderBy("a.id", "desc")
    .limit(limit);
  if (before !== undefined) query.where("a.id", "<", before);
  return (await query) as AuditRow[];
}

/** Whether anything was ever recorded of a user (a deleted user keeps its history). */
export async function hasHistory(store: Store, userId: string): Promise<boolean> {
  return (await store.conn("audit").select("id").where("user_id", userId).first()) !== undefined;
}
