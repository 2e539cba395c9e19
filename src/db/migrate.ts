// Versioned migrations, listed in code so that they run the same under tsx, in tests and when compiled.
import type { Knex } from "knex";
import * as directory from "./migrations/001_directory.ts";
import * as attributesKeepMemberOrder from "./migrations/002_attributes_keep_member_order.ts";
import * as scimExternalIdAndLocale from "./migrations/003_scim_external_id_and_locale.ts";
import * as provisioning from "./migrations/004_provisioning.ts";
import * as events from "./migrations/005_events.ts";
import * as deliveriesKeptUntilDelivered from "./migrations/006_deliveries_kept_until_delivered.ts";

const migrations: Record<string, Knex.Migration> = {
  "001_directory": directory,
  "002_attributes_keep_member_order": attributesKeepMemberOrder,
  "003_scim_external_id_and_locale": scimExternalIdAndLocale,
  "004_provisioning": provisioning,
  "005_events": events,
  "006_deliveries_kept_until_delivered": deliveriesKeptUntilDelivered,
};

const source: Knex.MigrationSource<string> = {
  getMigrations: () => Promise.resolve(Object.keys(migrations)),
  getMigrationName: (name) => name,
  getMigration: (name) => Promise.resolve(migrations[name]),
};

/** Applies pending migrations; returns the names it applied. */
export async function migrate(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ migrationSource: source })) as [number, string[]];
  return applied;
}
