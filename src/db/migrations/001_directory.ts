// The canonical directory: roles, users, reports and the audit trail.
import type { Knex } from "knex";

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable("roles", (t) => {
    t.text("id").primary();
    t.text("type").notNullable().unique();
    t.text("name").notNullable().unique();
    t.text("description").notNullable().defaultTo("");
    t.jsonb("permissions").notNullable().defaultTo("[]");
  });
  await db("roles").insert([
    {
      id: "1",
      type: "admin",
      name: "Administrator",
      description: "Members of the System Administrators group: may update any user and any field.",
      permissions: JSON.stringify(["users.update", "users.read"]),
    },
    {
      id: "2",
      type: "client",
      name: "Authenticated",
      description: "Default role given to authenticated users.",
      permissions: JSON.stringify(["users.me.update"]),
    },
  ]);

  await db.schema.createTable("users", (t) => {
    t.text("id").primary();
    t.specificType("num", "bigint generated always as identity").notNullable().unique();
    t.text("username").notNullable();
    t.text("email");
    t.text("first_name");
    t.text("last_name");
    t.text("timezone");
    t.text("language");
    t.jsonb("attributes").notNullable().defaultTo("{}");
    t.text("role").notNullable().defaultTo("client").references("type").inTable("roles");
    t.text("status").notNullable().defaultTo("active");
    t.boolean("confirmed").notNullable().defaultTo(false);
    t.text("provider").defaultTo("local");
    t.text("password_hash");
    t.text("reset_password_token");
    t.text("confirmation_token");
    t.boolean("intro_reviewed").notNullable().defaultTo(false);
    t.timestamp("last_login", { useTz: true });
    t.integer("version").notNullable().defaultTo(1);
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp("updated_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.text("created_by");
    t.text("updated_by");
    t.check("status in ('active', 'locked', 'disabled')", [], "users_status_check");
  });
  // Uniqueness is case-insensitive: the indexes hold the normalised values (their names identify a 409's field).
  await db.raw("create unique index users_username_key on users (lower(username))");
  await db.raw("create unique index users_email_key on users (lower(email))");

  await db.schema.createTable("reports", (t) => {
    t.text("id").primary();
    t.text("uuid").notNullable().unique();
    t.text("reference_id");
    t.text("type");
    t.boolean("processed").notNullable().defaultTo(false);
    t.double("score");
    t.double("score_probability");
    t.double("score_confidence");
    t.text("score_version");
    t.text("user_id").references("id").inTable("users").onDelete("SET NULL");
    t.index(["user_id"]);
  });

  await db.schema.createTable("audit", (t) => {
    t.specificType("id", "bigint generated always as identity").primary();
    t.timestamp("at", { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.text("actor_id");
    t.text("user_id").notNullable();
    t.text("contract").notNullable();
    t.jsonb("changes").notNullable();
    t.index(["user_id"]);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable("audit");
  await db.schema.dropTable("reports");
  await db.schema.dropTable("users");
  await db.schema.dropTable("roles");
}
