// Tickets and their parts.
import type { Reference, UnixSeconds } from "../../records.js";
import type { PartAttachment } from "../conversations/records.js";
import type { AppliedTag } from "../tags/records.js";
import type { TicketCategory } from "../ticket-types/records.js";

export type TicketState = "submitted" | "in_progress" | "waiting_on_customer" | "resolved";

export interface TicketPartAuthor {
  type: "admin" | "bot" | "team" | "user";
  id: string;
  name: string | null;
  email: string;
}

/** `ticket_part`. */
export interface TicketPartRecord {
  type: "ticket_part";
  id: string;
  part_type: string;
  body: string | null;
  previous_ticket_state?: TicketState;
  ticket_state: TicketState;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  assigned_to: Reference | null;
  author: TicketPartAuthor;
  attachments: PartAttachment[];
  external_id: string | null;
  redacted: boolean;
}

export interface LinkedObjectRecord {
  type: "ticket" | "conversation";
  id: string;
  category: TicketCategory | null;
}

/**
 * A stored ticket. `ticket_type_id` and `tags` are internal: responses embed the whole ticket
 * type, and the 2.11 `ticket` schema has no `tags` (the document gives tickets no way to read
 * their tags back), so answers leave them out; the tag operations keep them.
 */
export interface TicketRecord {
  type: "ticket";
  id: string;
  ticket_id: string;
  category: TicketCategory;
  ticket_attributes: Record<string, unknown>;
  ticket_state: TicketState;
  ticket_type_id: string;
  contacts: { type: "contact.list"; contacts: { type: "contact"; id: string; external_id: string | null }[] };
  admin_assignee_id: string; // "0": nobody
  team_assignee_id: string; // "0": nobody
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  open: boolean;
  snoozed_until?: UnixSeconds; // absent when not snoozed (the schema does not allow null)
  linked_objects: { type: "list"; total_count: number; has_more: boolean; data: LinkedObjectRecord[] };
  ticket_parts: { type: "ticket_part.list"; ticket_parts: TicketPartRecord[]; total_count: number };
  is_shared: boolean;
  ticket_state_internal_label: string;
  ticket_state_external_label: string;
  tags: { type: "tag.list"; tags: AppliedTag[] };
}

/** The workspace collections this group owns. */
export interface TicketsState {
  tickets: TicketRecord[];
  /** Per ticket id, the wall-clock ms of its last write (search hides recent writes). */
  ticketWrites: Map<string, number>;
  /** Next ids of tickets, inbox numbers, ticket types and their attributes (types and attributes count here too). */
  ticketCounters: { ticket: number; inboxNumber: number; ticketType: number; attribute: number };
}
