// Change events: every audit row is published as an event written in the same statement (the outbox), so that no
// change is committed without its event and no event exists without its change; and what delivering them to
// webhooks and NATS JetStream needs: a cursor per subscription and a delivery row per event and subscription.
import type { Knex } from "knex";

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable("audit", (t) => {
    // The user's version after the change (the ETag), and what the change was.
    t.integer("version");
    t.text("kind").notNullable().defaultTo("updated");
    t.check("kind in ('created', 'updated', 'deleted')", [], "audit_kind_check");
  });
  await db.raw("create index audit_user_id_id_idx on audit (user_id, id desc)");
  await db.raw("drop index audit_user_id_index");
  await db.raw("create index audit_at_idx on audit (at)");

  await db.schema.createTable("events", (t) => {
    t.specificType("id", "bigint generated always as identity").primary();
    // The writing transaction: a reader takes only events of transactions older than every running one, in this
    // order, so that an event committed late can never appear behind a position already read.
    t.specificType("xid", "xid8").notNullable().defaultTo(db.raw("pg_current_xact_id()"));
    t.text("user_id").notNullable();
    t.text("type").notNullable();
    t.timestamp("time", { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.jsonb("data").notNullable();
  });
  await db.raw("create index events_position_idx on events (xid, id)");
  await db.raw("create index events_time_idx on events (time)");

  await db.schema.createTable("event_subscriptions", (t) => {
    t.text("name").primary();
    // The position up to which events have been given a delivery row.
    t.specificType("after_xid", "xid8").notNullable().defaultTo(db.raw("'0'::xid8"));
    t.bigInteger("after_id").notNullable().defaultTo(0);
  });
  await db.schema.createTable("event_deliveries", (t) => {
    t.text("subscription").notNullable();
    t.bigInteger("event_id").notNullable();
    t.text("user_id").notNullable();
    t.specificType("xid", "xid8").notNullable();
    t.text("state").notNullable().defaultTo("pending");
    t.integer("attempts").notNullable().defaultTo(0);
    t.timestamp("next_attempt_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp("locked_until", { useTz: true });
    t.text("last_error");
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp("delivered_at", { useTz: true });
    t.primary(["subscription", "event_id"]);
    t.check("state in ('pending', 'sending', 'delivered', 'dead')", [], "event_deliveries_state_check");
  });
  // What is still to deliver, in order, per subscription (and per user within it).
  await db.raw(
    "create index event_deliveries_open_idx on event_deliveries (subscription, xid, event_id) where state in ('pending', 'sending')",
  );
  await db.raw(
    "create index event_deliveries_user_idx on event_deliveries (subscription, user_id, event_id) where state in ('pending', 'sending')",
  );
  await db.raw("create index event_deliveries_state_idx on event_deliveries (state, delivered_at)");
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable("event_deliveries");
  await db.schema.dropTable("event_subscriptions");
  await db.schema.dropTable("events");
  await db.raw("drop index audit_at_idx");
  await db.raw("drop index audit_user_id_id_idx");
  await db.raw("create index audit_user_id_index on audit (user_id)");
  await db.schema.alterTable("audit", (t) => {
    t.dropChecks(["audit_kind_check"]);
    t.dropColumn("version");
    t.dropColumn("kind");
  });
}
