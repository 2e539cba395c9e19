// A change event as CloudEvents 1.0 describes it, in structured JSON: what the change feed lists, what a webhook
// delivers and what NATS carries.
import type { EventData, StoredEvent } from "../directory/sql/events.ts";

export type { StoredEvent };
export interface CloudEvent {
  specversion: "1.0";
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: "application/json";
  data: EventData;
}

/** Before `user.updated` and the like: the types this directory's events have. */
export const EVENT_TYPE_PREFIX = "users-api.";

export interface EventNaming {
  /** CloudEvents' `source`: this directory (EVENT_SOURCE). */
  source: string;
  /** Put before `user.updated` and the like. */
  typePrefix: string;
}

export const cloudEvent = (event: StoredEvent, naming: EventNaming): CloudEvent => ({
  specversion: "1.0",
  id: event.id,
  source: naming.source,
  type: `${naming.typePrefix}${event.type}`,
  subject: event.user_id,
  time: new Date(event.time).toISOString(),
  datacontenttype: "application/json",
  data: event.data,
});
