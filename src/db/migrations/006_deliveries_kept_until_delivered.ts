// A delivery row lives while its event is still to deliver: it is deleted when delivered (rather than rewritten as
// delivered and pruned later), and a lease changes only columns no index holds, so that PostgreSQL can update it in
// place (a HOT update, with room left on each page for it). Per event and subscription that is one row and its index
// entries written, against three row versions and ten index entries before (measured in docs/performance.md).
import type { Knex } from "knex";

export async function up(db: Knex): Promise<void> {
  await db.raw("delete from event_deliveries where state = 'delivered'");
  // A lease is now `locked_until` in the future on a pending delivery.
  await db.raw("update event_deliveries set state = 'pending' where state = 'sending'");
  await db.raw("drop index event_deliveries_open_idx");
  await db.raw("drop index event_deliveries_user_idx");
  await db.raw("drop index event_deliveries_state_idx");
  await db.schema.alterTable("event_deliveries", (t) => {
    t.dropChecks(["event_deliveries_state_check"]);
    t.dropColumn("delivered_at");
    t.check("state in ('pending', 'dead')", [], "event_deliveries_state_check");
  });
  await db.raw("alter table event_deliveries set (fillfactor = 70)");
  await db.raw(
    "create index event_deliveries_open_idx on event_deliveries (subscription, xid, event_id) where state = 'pending'",
  );
  await db.raw(
    "create index event_deliveries_user_idx on event_deliveries (subscription, user_id, event_id) where state = 'pending'",
  );
  await db.raw("create index event_deliveries_dead_idx on event_deliveries (xid, event_id) where state = 'dead'");
}

export async function down(db: Knex): Promise<void> {
  await db.raw("drop index event_deliveries_dead_idx");
  await db.raw("drop index event_deliveries_user_idx");
  await db.raw("drop index event_deliveries_open_idx");
  await db.raw("alter table event_deliveries reset (fillfactor)");
  await db.schema.alterTable("event_deliveries", (t) => {
    t.dropChecks(["event_deliveries_state_check"]);
    t.timestamp("delivered_at", { useTz: true });
    t.check("state in ('pending', 'sending', 'delivered', 'dead')", [], "event_deliveries_state_check");
  });
  await db.raw("update event_deliveries set state = 'sending' where state = 'pending' and locked_until > now()");
  await db.raw(
    "create index event_deliveries_open_idx on event_deliveries (subscription, xid, event_id) where state in ('pending', 'sending')",
  );
  await db.raw(
    "create index event_deliveries_user_idx on event_deliveries (subscription, user_id, event_id) where state in ('pending', 'sending')",
  );
  await db.raw("create index event_deliveries_state_idx on event_deliveries (state, delivered_at)");
}
