// Ticket types.
import type { UnixSeconds } from "../../records.js";
import type { TicketTypeAttributeRecord } from "../ticket-type-attributes/records.js";

export type TicketCategory = "Customer" | "Back-office" | "Tracker";

/**
 * A stored ticket type. `is_internal` is internal: create and update requests take it, but the
 * `ticket_type` schema has no such property, so answers leave it out (see ticketTypeView).
 */
export interface TicketTypeRecord {
  type: "ticket_type";
  id: string;
  category: TicketCategory;
  name: string;
  description: string;
  icon: string;
  workspace_id: string;
  ticket_type_attributes: { type: "ticket_type_attributes.list"; ticket_type_attributes: TicketTypeAttributeRecord[] };
  archived: boolean;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  is_internal: boolean;
}

/** The workspace collections this group owns. */
export interface TicketTypesState {
  ticketTypes: TicketTypeRecord[];
}
