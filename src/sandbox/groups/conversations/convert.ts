// POST /conversations/{id}/convert: a conversation becomes a customer ticket, linked to it.
import type { RestTicket } from "../../../generated/rest/tickets.js";
import { badRequest } from "../../errors.js";
import { findConversation } from "../../lookups.js";
import type { RouteContext, RouteInput } from "../../router.js";
import { isObject, nowSeconds, requireBody, requireId } from "../../validate.js";
import { TITLE } from "../ticket-types/views.js";
import { checkAttributes } from "../tickets/attributes.js";
import type { TicketPartAuthor } from "../tickets/records.js";
import { ticketView } from "../tickets/views.js";
import { blankTicket, botAuthor, linkObjects, newPart, touchTicket } from "../tickets/writes.js";
import { touchConversation } from "./writes.js";

/** Customer ticket types only; the conversation's title (or subject) becomes the ticket's title. */
export function convertConversationToTicket(ctx: RouteContext, { params, body: rawBody }: RouteInput): RestTicket {
  const body = requireBody(rawBody);
  const typeId = requireId(body, "ticket_type_id");
  const c = findConversation(ctx.ws, params.conversation_id);
  const type = ctx.ws.ticketTypes.find((t) => t.id === typeId);
  if (!type) throw badRequest("parameter_invalid", "Ticket type not found", "ticket_type_id");
  if (type.category !== "Customer") throw badRequest("parameter_invalid", "Ticket type is not a customer ticket type", "ticket_type_id");
  if (type.archived) throw badRequest("parameter_invalid", "Ticket type is archived", "ticket_type_id");
  const attributes = checkAttributes(type, { [TITLE]: c.title ?? c.source.subject ?? null, ...(isObject(body.attributes) ? body.attributes : {}) }, "attributes", true);
  if (body.attributes !== undefined && body.attributes !== null && !isObject(body.attributes)) throw badRequest("parameter_invalid", "attributes must be an object", "attributes");
  const contacts = c.contacts.contacts.flatMap((ref) => ctx.ws.contacts.filter((x) => x.id === ref.id));
  const at = nowSeconds(ctx);
  const t = blankTicket(ctx.ws, type, contacts, at, attributes);
  t.created_at = c.created_at;
  if (c.admin_assignee_id !== null) t.admin_assignee_id = String(c.admin_assignee_id);
  if (c.team_assignee_id !== null) t.team_assignee_id = String(c.team_assignee_id);
  const source = c.source.author;
  const author: TicketPartAuthor = source.type === "lead" ? { ...source, type: "user" } : (source as TicketPartAuthor);
  newPart(ctx.ws, t, "comment", author, c.created_at, c.source.body);
  newPart(ctx.ws, t, "ticket_state_updated_by_admin", botAuthor(ctx.ws), at, null, { previous_ticket_state: "submitted" });
  linkObjects(t, c);
  touchConversation(ctx, c, at);
  ctx.ws.tickets.push(t);
  touchTicket(ctx, t, at);
  return ticketView(ctx.ws, t);
}

