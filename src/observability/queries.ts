// Knex's query events paired up by query id, for the query metrics and the database spans. BEGIN and COMMIT
// have no id and no response event in knex: only the statements of the query builder and `raw` are observed.
import type { Knex } from "knex";

export interface QueryEvent {
  __knexQueryUid?: string;
  sql: string;
}

export interface QueryObserver<State> {
  start(query: QueryEvent): State;
  end(state: State, failed: boolean): void;
}

/** Observes every statement `db` runs (transactions included); returns the function that stops it. */
export function observeQueries<State>(db: Knex, observer: QueryObserver<State>): () => void {
  const running = new Map<string, State>();
  const onQuery = (query: QueryEvent) => {
    if (query.__knexQueryUid) running.set(query.__knexQueryUid, observer.start(query));
  };
  const finish = (query: QueryEvent, failed: boolean) => {
    const state = query.__knexQueryUid === undefined ? undefined : running.get(query.__knexQueryUid);
    if (state === undefined) return;
    running.delete(query.__knexQueryUid!);
    observer.end(state, failed);
  };
  const onResponse = (_response: unknown, query: QueryEvent) => finish(query, false);
  const onError = (_error: unknown, query: QueryEvent) => finish(query, true);
  db.on("query", onQuery).on("query-response", onResponse).on("query-error", onError);
  return () => {
    db.off("query", onQuery).off("query-response", onResponse).off("query-error", onError);
  };
}

const OPERATIONS = new Set(["select", "insert", "update", "delete", "with"]);

/** The statement's first keyword, from a short fixed list: a label and span name that never carries data. */
export function statementKind(sql: string): string {
  const keyword = /^\s*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase() ?? "";
  return OPERATIONS.has(keyword) ? keyword : "other";
}
