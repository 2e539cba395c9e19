// What provisioning needs: SCIM's addresses and names as sent, the rule that no username is another user's email
// (contract A finds a user by either), and the indexes that keep searches, renames and deletions flat as the
// directory grows.
import type { Knex } from "knex";

/** The advisory lock class of identifier writes (the two-key form: this, and 0 for imports or a value's bucket). */
export const IDENTIFIERS_LOCK = 4_100_100;

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable("users", (t) => {
    // The addresses as SCIM sent them ({value, type, primary}); null: the one `email`, as a work address.
    t.json("emails");
    t.text("display_name");
    t.text("formatted_name");
  });
  // Times to the millisecond, as every contract shows them: a filter on a time a client was shown then finds it.
  await db.raw(
    "alter table users alter column created_at type timestamptz(3), alter column updated_at type timestamptz(3), alter column last_login type timestamptz(3)",
  );
  // Users shown with an actor's name (contract D) are found by it when that actor is renamed or deleted.
  await db.raw("create index users_created_by_idx on users (created_by)");
  await db.raw("create index users_updated_by_idx on users (updated_by)");
  // "What changed since" (SCIM's meta.lastModified) and creation order (the default order of a search).
  await db.raw("create index users_updated_at_idx on users (updated_at)");
  // The addresses of users that have a list of them (SCIM's), lower-cased, for searches by address; the one email of
  // every other user is found by users_email_key, so that their writes do not maintain this index. PL/pgSQL, so that
  // the planner does not inline it and the query's expression stays the index's. Without GIN's pending list
  // (fastupdate), whose linear scan made a lookup cost milliseconds after bulk inserts.
  await db.raw(`create function users_email_values(emails json) returns text[]
    language plpgsql immutable parallel safe as $$
    begin
      return array(select lower(e->>'value') from json_array_elements(emails) e);
    end $$`);
  await db.raw(
    "create index users_email_values_idx on users using gin (users_email_values(emails)) with (fastupdate = off) where emails is not null",
  );
  // A username may not be another user's email, nor an email another user's username. Writers of the same value are
  // serialised by an advisory lock on one of 128 buckets of values (a transaction that writes many users holds at
  // most 128 such locks), taken in a fixed order, so that the second writer sees the first one's row. A bulk import
  // checks its users in batches instead (src/directory/import.ts): while one runs, it holds the identifiers' lock
  // that every checked write shares.
  await db.raw(`create function users_identifiers_distinct() returns trigger language plpgsql as $$
    declare
      buckets int[] := array(select distinct abs(hashtextextended(lower(v), 0) % 128)::int
        from unnest(array[new.username, new.email]) v where v is not null order by 1);
      bucket int;
    begin
      perform pg_advisory_xact_lock_shared(${IDENTIFIERS_LOCK}, 0);
      foreach bucket in array buckets loop
        perform pg_advisory_xact_lock(${IDENTIFIERS_LOCK}, bucket + 1);
      end loop;
      if exists (select 1 from users where lower(email) = lower(new.username) and id <> new.id) then
        raise exception 'the username is another user''s email'
          using errcode = 'unique_violation', constraint = 'users_username_key';
      end if;
      if new.email is not null and exists (select 1 from users where lower(username) = lower(new.email) and id <> new.id) then
        raise exception 'the email is another user''s username'
          using errcode = 'unique_violation', constraint = 'users_email_key';
      end if;
      return new;
    end $$`);
  // Not called at all (a condition checked before the function runs) while an import checks in batches.
  await db.raw(`create trigger users_identifiers_distinct before insert or update of username, email on users
    for each row when (current_setting('users_api.identifiers', true) is distinct from 'checked in batches')
    execute function users_identifiers_distinct()`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw("drop trigger users_identifiers_distinct on users");
  await db.raw("drop function users_identifiers_distinct()");
  await db.raw("drop index users_email_values_idx");
  await db.raw("drop function users_email_values(json)");
  await db.raw("drop index users_updated_at_idx");
  await db.raw(
    "alter table users alter column created_at type timestamptz, alter column updated_at type timestamptz, alter column last_login type timestamptz",
  );
  await db.raw("drop index users_updated_by_idx");
  await db.raw("drop index users_created_by_idx");
  await db.schema.alterTable("users", (t) => {
    t.dropColumn("emails");
    t.dropColumn("display_name");
    t.dropColumn("formatted_name");
  });
}
