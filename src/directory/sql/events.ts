// Reading the events the write statements publish (src/directory/sql/write.ts). A reader takes only the events of
// transactions older than every transaction still running, ordered by transaction and id: an event committed late
// can then never land behind a position a reader has passed, so a reader following its position misses none.
import type { Store } from "./store.ts";

/** A position in the feed: after the event `id` of the transaction `xid` (both as text: xid8 and bigint). */
export interface FeedPosition {
  xid: string;
  id: string;
}

/** What an event says of its change: never a value, only the fields' names (secrets included, as names). */
export interface EventData {
  /** The user's version afterwards (its ETag's value); null once deleted. */
  version: number | null;
  changed: string[];
  /** The contract the change came through. */
  contract: string;
  /** Who made it (a user id), if anyone. */
  actor: string | null;
}

export interface StoredEvent {
  /** The events table's id (a bigint), as text. */
  id: string;
  user_id: string;
  /** `user.created`, `user.updated` or `user.deleted`. */
  type: string;
  time: Date;
  data: EventData;
}

export interface EventRow extends StoredEvent {
  xid: string;
}

const READABLE = "e.xid < pg_snapshot_xmin(pg_current_snapshot())";

/** Up to `limit` events after `after` (from the oldest kept, without it). */
export async function readableEvents(store: Store, after: FeedPosition | undefined, limit: number) {
  const { conn: db } = store;
  const query = db({ e: "events" })
    .select(db.raw("e.id::text as id, e.xid::text as xid"), "e.user_id", "e.type", "e.time", "e.data")
    .whereRaw(READABLE)
    .orderBy([{ column: "e.xid" }, { column: "e.id" }])
    .limit(limit);
  if (after) query.whereRaw("(e.xid, e.id) > (?::xid8, ?::bigint)", [after.xid, after.id]);
  return (await query) as EventRow[];
}

/**
 * The position now: every event readable now is at or before it, and every event readable later after it (those are
 * written by transactions no older than the oldest running one).
 */
export async function latestPosition(store: Store): Promise<FeedPosition> {
  const { rows } = await store.conn.raw<{ rows: FeedPosition[] }>(
    "select pg_snapshot_xmin(pg_current_snapshot())::text as xid, '0' as id",
  );
  return rows[0];
}
