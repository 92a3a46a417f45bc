// Ticket types.
import type { RestTicketType } from "../../../generated/rest/ticket-types.js";
import type { Sent } from "../../records.js";
import type { TicketTypeAttributeRecord } from "../ticket-type-attributes/records.js";

export type TicketCategory = RestTicketType["category"];

/**
 * A stored ticket type. `is_internal` is kept (create and update requests take it), but answers
 * leave it out, as the 2.11 `ticket_type` schema has no such property (see ticketTypeView).
 */
export type TicketTypeRecord = Omit<Sent<RestTicketType, "updated_at" | "is_internal">, "ticket_type_attributes"> & {
  ticket_type_attributes: Omit<RestTicketType["ticket_type_attributes"], "ticket_type_attributes"> & { ticket_type_attributes: TicketTypeAttributeRecord[] };
};

/** The workspace collections this group owns. */
export interface TicketTypesState {
  ticketTypes: TicketTypeRecord[];
}
