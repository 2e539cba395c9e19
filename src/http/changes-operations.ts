// The directory's own API for what changed (tag `changes`): a user's history, the feed of every change as
// CloudEvents (with a long poll), and the deliveries that failed for good. Errors render in the generic body.
import type { Request } from "express";
import type { Knex } from "knex";
import type { Directory } from "../directory/directory.ts";
import type { FeedPosition } from "../directory/sql/events.ts";
import type { AuditRow } from "../directory/sql/history.ts";
import { cloudEvent, type EventNaming } from "../events/cloudevent.ts";
import { deadDeliveries } from "../events/deliveries.ts";
import type { Authenticate, OperationHandler } from "../wire/operation.ts";
import { pathParam } from "./documented-route.ts";

const DEFAULT_LIMIT = 100;
const WAIT_STEP_MS = 200;

const limitOf = (req: Request) => (req.query.limit === undefined ? DEFAULT_LIMIT : Number(req.query.limit));

/** A history entry on the wire: secrets (recorded as "password changed" and the like) show only that they changed. */
const historyEntry = (row: AuditRow) => ({
  id: String(row.id),
  at: new Date(row.at).toISOString(),
  actor: { id: row.actor_id, name: row.actor_name },
  contract: row.contract,
  kind: row.kind,
  version: row.version,
  changes: Object.fromEntries(
    Object.entries(row.changes).map(([field, change]) => [
      field,
      typeof change === "string" ? { changed: true } : change,
    ]),
  ),
});

const formatPosition = (position: FeedPosition) => `${position.xid}-${position.id}`;

function parsePosition(text: unknown): FeedPosition | "latest" | undefined {
  if (typeof text !== "string") return undefined;
  if (text === "latest") return "latest";
  const [xid, id] = text.split("-");
  return { xid, id };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function changesOperations(
  directory: Directory,
  db: Knex,
  authenticate: Authenticate,
  naming: EventNaming,
): Record<string, OperationHandler> {
  return {
    listUserHistory: async (req, res) => {
      const caller = await authenticate(req);
      const page = await directory.history({
        caller,
        userId: pathParam(req, "id"),
        before: typeof req.query.before === "string" ? req.query.before : undefined,
        limit: limitOf(req),
      });
      res.json({ changes: page.changes.map(historyEntry), ...(page.next && { next: page.next }) });
    },

    listEvents: async (req, res) => {
      const caller = await authenticate(req);
      const request = { caller, after: parsePosition(req.query.after), limit: limitOf(req) };
      const deadline = Date.now() + 1000 * Number(req.query.wait ?? 0);
      let page = await directory.feed(request);
      let gone = false;
      req.once("close", () => (gone = true));
      while (page.events.length === 0 && request.after !== "latest" && Date.now() < deadline && !gone) {
        await sleep(Math.min(WAIT_STEP_MS, deadline - Date.now()));
        page = await directory.feed(request);
      }
      res.json({
        events: page.events.map((event) => cloudEvent(event, naming)),
        ...(page.next && { next: formatPosition(page.next) }),
      });
    },

    listDeadDeliveries: async (req, res) => {
      await directory.requireAdministrator(await authenticate(req));
      const dead = await deadDeliveries(db, limitOf(req));
      res.json({
        deliveries: dead.map((d) => ({
          subscription: d.subscription,
          eventId: d.event_id,
          subject: d.user_id,
          attempts: d.attempts,
          lastError: d.last_error,
          since: new Date(d.created_at).toISOString(),
        })),
      });
    },
  };
}
