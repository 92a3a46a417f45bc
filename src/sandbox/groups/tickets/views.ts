// Tickets as the API serves them, and found by id.
import type { RestTicket } from "../../../generated/rest/tickets.js";
import { notFound } from "../../errors.js";
import type { Workspace } from "../../workspace.js";
import { ticketTypeView } from "../ticket-types/views.js";
import type { TicketRecord } from "./records.js";

/** The REST view (`ticket`): the ticket type embedded whole, the internal type id and tags dropped. */
export function ticketView(ws: Workspace, t: TicketRecord): RestTicket {
  const { ticket_type_id, tags: _tags, ...rest } = t;
  const type = ws.ticketTypes.find((tt) => tt.id === ticket_type_id);
  return { ...rest, ticket_type: type ? ticketTypeView(type) : null };
}

/** The ticket with this id, or 404 (the tag operations answer ticket_not_found). */
export function findTicket(ws: Workspace, id: string | undefined, code = "not_found", message = "Resource Not Found"): TicketRecord {
  const ticket = ws.tickets.find((t) => t.id === id);
  if (!ticket) throw notFound(code, message);
  return ticket;
}
