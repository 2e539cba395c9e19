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
import { createUser, type CreateRequest } from "./create.ts";
import { removeUser, type RemoveRequest } from "./remove.ts";
import { findUsers, type SearchRequest } from "./search.ts";
import {
  readFeed,
  readHistory,
  requireAdministrator,
  type FeedPage,
  type FeedRequest,
  type HistoryPage,
  type HistoryRequest,
} from "./history.ts";
import type { FoundUsers } from "./sql/search.ts";

/** The use cases as one contract calls them. */
export interface ContractDirectory {
  read(request: ReadRequest): Promise<User>;
  update(request: UpdateRequest): Promise<User>;
  create(request: CreateRequest): Promise<User>;
  remove(request: RemoveRequest): Promise<void>;
  search(request: SearchRequest): Promise<FoundUsers>;
}

export interface Directory {
  forContract(binding: ContractBinding): ContractDirectory;
  /** A user as stored, without a caller (start-up tasks, such as printing the demo administrator's token). */
  find(ref: UserRef): Promise<User | undefined>;
  /** A user's changes, newest first. */
  history(request: HistoryRequest): Promise<HistoryPage>;
  /** Every user's changes, as events in feed order. */
  feed(request: FeedRequest): Promise<FeedPage>;
  /** Refuses a caller who is not an active administrator (for what only administrators may read). */
  requireAdministrator(caller: UserRef): Promise<void>;
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
        create: (request) => translated(createUser(context, request)),
        remove: (request) => translated(removeUser(context, request)),
        search: (request) => translated(findUsers(context, request)),
      };
    },
    find: (ref) => translated(findUser(store, ref, false)),
    history: (request) => translated(readHistory(store, request)),
    feed: (request) => translated(readFeed(store, request)),
    requireAdministrator: (caller) => translated(requireAdministrator(store, caller)),
  };
}
