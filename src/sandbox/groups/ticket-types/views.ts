// Ticket types: as served, looked up, and made (with their two default attributes).
import type { RestTicketType } from "../../../generated/rest/ticket-types.js";
import { notFound } from "../../errors.js";
import type { Workspace } from "../../workspace.js";
import { newAttribute } from "../ticket-type-attributes/attributes.js";
import type { TicketCategory, TicketTypeRecord } from "./records.js";

export const CATEGORIES: readonly TicketCategory[] = ["Customer", "Back-office", "Tracker"];
/** The names of the default attributes every ticket type has: a ticket's title and description. */
export const TITLE = "_default_title_";
export const DESCRIPTION = "_default_description_";

/** The REST view (`ticket_type`): the record without its internal is_internal flag. */
export function ticketTypeView(type: TicketTypeRecord): RestTicketType {
  const { is_internal: _internal, ...view } = type;
  return view;
}

export function findTicketType(ws: Workspace, id: string | undefined): TicketTypeRecord {
  const type = ws.ticketTypes.find((t) => t.id === id);
  if (!type) throw notFound("not_found", "Ticket type not found");
  return type;
}

export function newTicketType(ws: Workspace, fields: { name: string; description: string; icon: string; category: TicketCategory; archived?: boolean; is_internal?: boolean }, at: number): TicketTypeRecord {
  const type: TicketTypeRecord = {
    type: "ticket_type",
    id: String(ws.ticketCounters.ticketType++),
    category: fields.category,
    name: fields.name,
    description: fields.description,
    icon: fields.icon,
    workspace_id: ws.app.id_code,
    ticket_type_attributes: { type: "ticket_type_attributes.list", ticket_type_attributes: [] },
    archived: fields.archived ?? false,
    created_at: at,
    updated_at: at,
    is_internal: fields.is_internal ?? false,
  };
  // "Every ticket type will be created with two default attributes."
  const list = type.ticket_type_attributes.ticket_type_attributes;
  list.push(newAttribute(ws, type, { name: TITLE, description: "", data_type: "string", default: true, order: 0 }, at));
  list.push(newAttribute(ws, type, { name: DESCRIPTION, description: "", data_type: "string", multiline: true, default: true, order: 1 }, at));
  return type;
}
