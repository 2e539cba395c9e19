// `attributes` (contract A's `custom`, C's `data`) as json, not jsonb: jsonb stores an object's members sorted by
// key length, so a client reading back what it wrote saw its members reordered. json keeps the text as written.
import type { Knex } from "knex";

export async function up(db: Knex): Promise<void> {
  await db.raw("alter table users alter column attributes drop default");
  await db.raw("alter table users alter column attributes type json using attributes::json");
  await db.raw("alter table users alter column attributes set default '{}'::json");
}

export async function down(db: Knex): Promise<void> {
  await db.raw("alter table users alter column attributes drop default");
  await db.raw("alter table users alter column attributes type jsonb using attributes::jsonb");
  await db.raw("alter table users alter column attributes set default '{}'::jsonb");
}
