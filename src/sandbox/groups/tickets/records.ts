// Tickets and their parts.
import type { RestLinkedObjectList } from "../../../generated/rest/conversations.js";
import type { RestTicket, RestTicketPart, RestTicketPartAuthor, RestTicketParts } from "../../../generated/rest/tickets.js";
import type { Sent } from "../../records.js";

export type TicketState = RestTicket["ticket_state"];

export type TicketPartAuthor = Sent<RestTicketPartAuthor, "name">;

/** `ticket_part`, every property there (null where it does not apply; previous_ticket_state only on state changes). */
export type TicketPartRecord = Sent<RestTicketPart, "updated_at" | "assigned_to" | "author" | "attachments" | "external_id" | "redacted">;

export type LinkedObjectRecord = RestLinkedObjectList["data"][number];

/**
 * A stored ticket: `ticket`, with everything but snoozed_until always there (absent when not
 * snoozed: the schema does not allow null), and `ticket_type_id` in place of the ticket type,
 * which answers embed whole. `tags` are kept for the tag operations, but answers leave them out
 * (the 2.11 `ticket` schema has none, so the document gives tickets no way to read them back).
 * admin_assignee_id and team_assignee_id are "0" for nobody.
 */
export type TicketRecord = Omit<
  Sent<RestTicket, "admin_assignee_id" | "team_assignee_id" | "created_at" | "updated_at" | "open" | "linked_objects" | "is_shared" | "ticket_state_internal_label" | "ticket_state_external_label" | "tags">,
  "ticket_type" | "ticket_parts"
> & {
  ticket_type_id: string;
  ticket_parts: Omit<RestTicketParts, "ticket_parts"> & { ticket_parts: TicketPartRecord[] };
};

/** The workspace collections this group owns. */
export interface TicketsState {
  tickets: TicketRecord[];
  /** Per ticket id, the wall-clock ms of its last write (search hides recent writes). */
  ticketWrites: Map<string, number>;
  /** Next ids of tickets, inbox numbers, ticket types and their attributes (types and attributes count here too). */
  ticketCounters: { ticket: number; inboxNumber: number; ticketType: number; attribute: number };
}
