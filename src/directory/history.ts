// Reading the change log: a user's changes (an administrator's, or the user's own), and the feed of every change
// (administrators only).
import { Forbidden, UserNotFound } from "./errors.ts";
import type { UserRef } from "./model.ts";
import { authorizeAdministration, requireActiveCaller } from "./policy.ts";
import { latestPosition, readableEvents, type EventRow, type FeedPosition } from "./sql/events.ts";
import { hasHistory, userHistory, type AuditRow } from "./sql/history.ts";
import { findCaller, findUser } from "./sql/read.ts";
import type { Store } from "./sql/store.ts";

export interface HistoryRequest {
  caller: UserRef;
  userId: string;
  /** Only changes older than this one (its id), for the next page. */
  before?: string;
  limit: number;
}

export interface HistoryPage {
  changes: AuditRow[];
  /** The id to ask `before` for the next page, when there may be one. */
  next?: string;
}

export async function readHistory(store: Store, request: HistoryRequest): Promise<HistoryPage> {
  const caller = await findCaller(store, request.caller);
  requireActiveCaller(caller);
  if (caller.role !== "admin" && caller.id !== request.userId)
    throw new Forbidden("READ", caller.username, request.userId);
  // One more than asked: whether a next page exists.
  const found = await userHistory(store, request.userId, request.before, request.limit + 1);
  if (found.length === 0 && request.before === undefined && !(await hasHistory(store, request.userId))) {
    // A user never changed since it was loaded (an import writes no history) has an empty one.
    if (!(await findUser(store, { by: "id", value: request.userId }, false))) throw new UserNotFound(request.userId);
  }
  const changes = found.slice(0, request.limit);
  return { changes, ...(found.length > request.limit && { next: changes[changes.length - 1].id }) };
}

export interface FeedRequest {
  caller: UserRef;
  /** Events after this position; undefined: from the oldest kept; "latest": none but the position now. */
  after: FeedPosition | "latest" | undefined;
  limit: number;
}

export interface FeedPage {
  events: EventRow[];
  /** Where the next read starts: after the last event given (or where this one started, when none was). */
  next: FeedPosition | undefined;
}

export async function requireAdministrator(store: Store, callerRef: UserRef): Promise<void> {
  const caller = await findCaller(store, callerRef);
  requireActiveCaller(caller);
  authorizeAdministration(caller);
}

export async function readFeed(store: Store, request: FeedRequest): Promise<FeedPage> {
  await requireAdministrator(store, request.caller);
  if (request.after === "latest") return { events: [], next: await latestPosition(store) };
  const events = await readableEvents(store, request.after, request.limit);
  const last = events[events.length - 1];
  return { events, next: last ? { xid: last.xid, id: last.id } : request.after };
}
