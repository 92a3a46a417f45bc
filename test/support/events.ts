// What Intercom may answer GET /events with besides the documented summary: the user's events
// themselves (`event.list`, the document's data_event_list, which no operation declares). The
// sandbox answers only the documented summary, so tests that exercise the gateway's tolerance
// of the list inject this answer (Sandbox.injectFault with status 200 and this body).
import type { Contact } from "../../src/sandbox/index.js";
import type { DataEventRecord } from "../../src/sandbox/resources/data.js";

/** An `event.list` page of `events` (newest first) of `user`; `before` makes a `pages.next` pointing there. */
export function eventListAnswer(user: Contact, events: DataEventRecord[], before?: string) {
  return {
    type: "event.list",
    events: events.map((e) => ({
      type: "event",
      id: e.id,
      event_name: e.event_name,
      created_at: e.created_at,
      ...(user.external_id ? { user_id: user.external_id } : {}),
      intercom_user_id: user.id,
      email: user.email,
      metadata: e.metadata,
    })),
    pages: before ? { next: `https://api.intercom.io/events?per_page=${events.length}&before=${before}&intercom_user_id=${user.id}&type=user` } : {},
  };
}

/** A user's events, newest first (ties by id), as Intercom would list them. */
export function eventsOf(all: DataEventRecord[], userId: string): DataEventRecord[] {
  return all.filter((e) => e.intercom_user_id === userId).sort((a, b) => b.created_at - a.created_at || a.id.localeCompare(b.id));
}
