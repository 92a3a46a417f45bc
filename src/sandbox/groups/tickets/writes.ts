// What writes to a ticket do: new tickets, parts with the ticket's state, state changes, links
// to conversations, and the search index told.
import type { RestTicketCustomAttributes } from "../../../generated/rest/tickets.js";
import type { RouteContext } from "../../router.js";
import type { Workspace } from "../../workspace.js";
import type { Admin } from "../admins/records.js";
import type { Contact } from "../contacts/records.js";
import type { Conversation } from "../conversations/records.js";
import type { TicketTypeRecord } from "../ticket-types/records.js";
import type { TicketPartAuthor, TicketPartRecord, TicketRecord, TicketState } from "./records.js";

export const LABELS: Record<TicketState, string> = {
  submitted: "Submitted",
  in_progress: "In progress",
  waiting_on_customer: "Waiting on customer",
  resolved: "Resolved",
};

export const adminAuthor = (a: Admin): TicketPartAuthor => ({ type: "admin", id: a.id, name: a.name, email: a.email });
// The ticket_part_author enum has no `lead`: every contact writes as a `user`.
export const contactAuthor = (c: Contact): TicketPartAuthor => ({ type: "user", id: c.id, name: c.name, email: c.email });
export const botAuthor = (ws: Workspace): TicketPartAuthor => ({ type: "bot", id: ws.bot.id, name: ws.bot.name, email: ws.bot.email });
export const contactRef = (c: Contact) => ({ type: "contact" as const, id: c.id, external_id: c.external_id });

export function newPart(ws: Workspace, ticket: TicketRecord, partType: string, author: TicketPartAuthor, at: number, body: string | null, extra: Partial<TicketPartRecord> = {}): TicketPartRecord {
  const part: TicketPartRecord = {
    type: "ticket_part",
    id: String(ws.nextPartId++),
    part_type: partType,
    body,
    ticket_state: ticket.ticket_state,
    created_at: at,
    updated_at: at,
    assigned_to: null,
    author,
    attachments: [],
    external_id: null,
    redacted: false,
    ...extra,
  };
  ticket.ticket_parts.ticket_parts.push(part);
  ticket.ticket_parts.total_count = ticket.ticket_parts.ticket_parts.length;
  return part;
}

export function setState(ticket: TicketRecord, state: TicketState): void {
  ticket.ticket_state = state;
  ticket.ticket_state_internal_label = LABELS[state];
  ticket.ticket_state_external_label = LABELS[state];
}

/** Bumps updated_at; search does not see the write for searchIndexLagMs. */
export function touchTicket(ctx: RouteContext, ticket: TicketRecord, at: number): void {
  ticket.updated_at = Math.max(ticket.updated_at, at);
  ctx.ws.ticketWrites.set(ticket.id, ctx.now());
}

export function linkObjects(ticket: TicketRecord, conversation: Conversation): void {
  if (!conversation.linked_objects.data.some((o) => o.type === "ticket" && o.id === ticket.id)) {
    conversation.linked_objects.data.push({ type: "ticket", id: ticket.id, category: ticket.category });
    conversation.linked_objects.total_count = conversation.linked_objects.data.length;
  }
  if (!ticket.linked_objects.data.some((o) => o.type === "conversation" && o.id === conversation.id)) {
    ticket.linked_objects.data.push({ type: "conversation", id: conversation.id, category: null });
    ticket.linked_objects.total_count = ticket.linked_objects.data.length;
  }
}

export function blankTicket(ws: Workspace, type: TicketTypeRecord, contacts: Contact[], at: number, attributes: RestTicketCustomAttributes): TicketRecord {
  return {
    type: "ticket",
    id: String(ws.ticketCounters.ticket++),
    ticket_id: String(ws.ticketCounters.inboxNumber++),
    category: type.category,
    ticket_attributes: { ...attributes },
    ticket_state: "submitted",
    ticket_type_id: type.id,
    contacts: { type: "contact.list", contacts: contacts.map(contactRef) },
    admin_assignee_id: "0",
    team_assignee_id: "0",
    created_at: at,
    updated_at: at,
    open: true,
    linked_objects: { type: "list", total_count: 0, has_more: false, data: [] },
    ticket_parts: { type: "ticket_part.list", ticket_parts: [], total_count: 0 },
    is_shared: type.category === "Customer",
    ticket_state_internal_label: LABELS.submitted,
    ticket_state_external_label: LABELS.submitted,
    tags: { type: "tag.list", tags: [] },
  };
}
