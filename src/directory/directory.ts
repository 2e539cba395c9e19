// The directory's use cases, built once at start-up over one database: each contract binds them to its name, access
// table and representation, so that a request carries only what the request says.
import type { Knex } from "knex";
import { StatementCache } from "../db/statement-cache.ts";
import type { ContractBinding, DirectorySettings, UseCaseContext } from "./context.ts";
import { fromDatabaseError } from "./database-errors.ts";
import type { User, UserRef } from "./model.ts";
import { readUser, type ReadRequest } from "./read.ts";
import { findUser } from "./sql/read.ts";
import type { Store } from "./sql/store.ts";
import { updateUser, type UpdateRequest } from "./update.ts";

/** The use cases as one contract calls them. */
export interface ContractDirectory {
  read(request: ReadRequest): Promise<User>;
  update(request: UpdateRequest): Promise<User>;
}

export interface Directory {
  forContract(binding: ContractBinding): ContractDirectory;
  /** A user as stored, without a caller (start-up tasks, such as printing the demo administrator's token). */
  find(ref: UserRef): Promise<User | undefined>;
}

export interface StatementOptions {
  /** Prepare statements (off behind a pooler that cannot keep them). */
  prepare: boolean;
  /** Check on every call that a cached statement is what its shape builds (tests). */
  verify?: boolean;
}

/** Whatever a use case's statements fail with reaches the caller as a domain error, or as it was for a fault of ours. */
async function translated<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw fromDatabaseError(error) ?? error;
  }
}

export function createDirectory(db: Knex, settings: DirectorySettings, statements: StatementOptions): Directory {
  const store: Store = { conn: db, statements: new StatementCache(statements) };
  return {
    forContract(binding) {
      const context: UseCaseContext = { store, settings, binding };
      return {
        read: (request) => translated(readUser(context, request)),
        update: (request) => translated(updateUser(context, request)),
      };
    },
    find: (ref) => translated(findUser(store, ref, false)),
  };
}
