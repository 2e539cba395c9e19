// What the SCIM contract stores beside the other contracts' fields: the provisioning client's identifier for a user
// (identity providers look users up by it, so it is unique, case-sensitively as SCIM compares it) and a locale,
// which SCIM keeps apart from the preferred language.
import type { Knex } from "knex";

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable("users", (t) => {
    t.text("external_id");
    t.text("locale");
  });
  await db.raw("create unique index users_external_id_key on users (external_id)");
}

export async function down(db: Knex): Promise<void> {
  await db.raw("drop index users_external_id_key");
  await db.schema.alterTable("users", (t) => {
    t.dropColumn("external_id");
    t.dropColumn("locale");
  });
}
