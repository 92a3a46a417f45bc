// The "Accepted Fields" of POST /tickets/search, as the search engine reads them.
import type { SearchModel } from "../../search.js";
import type { Workspace } from "../../workspace.js";
import { DESCRIPTION, TITLE } from "../ticket-types/views.js";
import type { TicketRecord } from "./records.js";

/** A ticket as search sees it: the record plus `ticket_attribute.{attribute id}` values. */
export type SearchDoc = TicketRecord & { ticket_attribute: Record<string, unknown> };

const field = (type: "string" | "integer" | "boolean" | "date", get: (t: SearchDoc) => unknown) => ({ type, get });

/** The "Accepted Fields" table of POST /tickets/search. */
export const ticketSearchModel: SearchModel<SearchDoc> = {
  name: "tickets",
  dayTruncatedDates: false,
  defaultSort: { field: "updated_at", order: "descending" },
  defaultPerPage: 20,
  fields: {
    id: field("string", (t) => t.id),
    created_at: field("date", (t) => t.created_at),
    updated_at: field("date", (t) => t.updated_at),
    title: field("string", (t) => t.ticket_attributes[TITLE] ?? null),
    description: field("string", (t) => t.ticket_attributes[DESCRIPTION] ?? null),
    category: field("string", (t) => t.category),
    ticket_type_id: field("string", (t) => t.ticket_type_id),
    contact_ids: field("string", (t) => t.contacts.contacts.map((c) => c.id)),
    teammate_ids: field("string", (t) => [...new Set(t.ticket_parts.ticket_parts.filter((p) => p.author.type === "admin").map((p) => p.author.id))]),
    admin_assignee_id: field("string", (t) => (t.admin_assignee_id === "0" ? null : t.admin_assignee_id)),
    team_assignee_id: field("string", (t) => (t.team_assignee_id === "0" ? null : t.team_assignee_id)),
    open: field("boolean", (t) => t.open),
    state: field("string", (t) => t.ticket_state),
    snoozed_until: field("date", (t) => t.snoozed_until ?? null),
  },
};

export function searchDoc(ws: Workspace, t: TicketRecord): SearchDoc {
  const type = ws.ticketTypes.find((tt) => tt.id === t.ticket_type_id);
  const byId: Record<string, unknown> = {};
  for (const attr of type?.ticket_type_attributes.ticket_type_attributes ?? []) {
    if (attr.name in t.ticket_attributes) byId[attr.id] = t.ticket_attributes[attr.name];
  }
  return { ...t, ticket_attribute: byId };
}
