// Tickets: created, read, updated (state, assignment, snooze), replied to and searched.
import type { RestTicket, RestTicketList, RestTicketReply } from "../../../generated/rest/tickets.js";
import { ApiError, badRequest, notFound } from "../../errors.js";
import { contactNamed, findAdmin, requireAdmin } from "../../lookups.js";
import type { Reference } from "../../records.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { runSearch } from "../../search.js";
import { isObject, nowSeconds, optionalBoolean, optionalString, optionalTimestamp, replyFields, requireBody, requireId } from "../../validate.js";
import type { Contact } from "../contacts/records.js";
import { EMAIL } from "../contacts/attributes.js";
import { createLead } from "../contacts/writes.js";
import { adminAuthor as conversationAdminAuthor, makePart } from "../conversations/parts.js";
import { touchConversation } from "../conversations/writes.js";
import { checkAttributes } from "./attributes.js";
import type { TicketPartAuthor, TicketState } from "./records.js";
import { searchDoc, ticketSearchModel } from "./search-model.js";
import { findTicket, ticketView } from "./views.js";
import { adminAuthor, blankTicket, botAuthor, contactAuthor, newPart, setState, touchTicket } from "./writes.js";

function searchTickets(ctx: RouteContext, { body: rawBody }: RouteInput): RestTicketList {
  const docs = ctx.ws.tickets.map((t) => searchDoc(ctx.ws, t));
  const page = runSearch(ctx, ticketSearchModel, docs, ctx.ws.ticketWrites, rawBody);
  return {
    type: "ticket.list",
    tickets: page.items.map(({ ticket_attribute: _byId, ...t }) => ticketView(ctx.ws, t)),
    total_count: page.total_count,
    pages: page.pages,
  };
}

// ---------------------------------------------------------------- writes

function contactsFrom(ctx: RouteContext, raw: unknown): Contact[] {
  if (raw === undefined || raw === null) throw badRequest("parameter_not_found", "contacts is a required parameter", "contacts");
  if (!Array.isArray(raw) || raw.length === 0) throw badRequest("parameter_invalid", "contacts must be a non-empty array", "contacts");
  if (raw.length > 1) throw badRequest("parameter_invalid", "Currently only one contact is allowed", "contacts");
  return raw.map((item) => {
    if (!isObject(item)) throw badRequest("parameter_invalid", "Each contact must be an object", "contacts");
    const keys = ["id", "external_id", "email"].filter((k) => item[k] !== undefined && item[k] !== null);
    if (keys.length !== 1) throw badRequest("parameter_invalid", "Identify each contact with exactly one of id, external_id or email", "contacts");
    const key = keys[0]!;
    const value = String(item[key]);
    const found = contactNamed(ctx.ws, key === "id" ? { id: value } : key === "external_id" ? { externalId: value } : { email: value });
    if (found) return found;
    // "If a contact with this email does not exist, one will be created."
    if (key === "email") {
      if (!EMAIL.test(value)) throw badRequest("parameter_invalid", "email is not a valid email address", "contacts");
      return createLead(ctx, value);
    }
    throw notFound("not_found", "User Not Found");
  });
}

function createTicket(ctx: RouteContext, { body: rawBody }: RouteInput): RestTicket {
  const body = requireBody(rawBody);
  const typeId = requireId(body, "ticket_type_id");
  const contacts = contactsFrom(ctx, body.contacts);
  const type = ctx.ws.ticketTypes.find((t) => t.id === typeId);
  if (!type) throw badRequest("parameter_invalid", "Ticket type not found", "ticket_type_id");
  if (type.archived) throw badRequest("parameter_invalid", "Ticket type is archived", "ticket_type_id");
  const attributes = checkAttributes(type, body.ticket_attributes, "ticket_attributes", true);
  optionalString(body, "company_id");
  const at = optionalTimestamp(body, "created_at") ?? nowSeconds(ctx);
  const t = blankTicket(ctx.ws, type, contacts, at, attributes);
  newPart(ctx.ws, t, "ticket_state_updated_by_admin", botAuthor(ctx.ws), at, null, { previous_ticket_state: "submitted" });
  ctx.ws.tickets.push(t);
  touchTicket(ctx, t, at);
  return ticketView(ctx.ws, t);
}

function updateTicket(ctx: RouteContext, { params, body: rawBody }: RouteInput): RestTicket {
  const body = requireBody(rawBody);
  const t = findTicket(ctx.ws, params.ticket_id);
  const type = ctx.ws.ticketTypes.find((tt) => tt.id === t.ticket_type_id)!;
  const attributes = body.ticket_attributes === undefined ? undefined : checkAttributes(type, body.ticket_attributes, "ticket_attributes", false);
  const state = body.state;
  if (state !== undefined && (typeof state !== "string" || !["in_progress", "waiting_on_customer", "resolved"].includes(state))) {
    throw badRequest("parameter_invalid", "state must be one of in_progress, waiting_on_customer, resolved", "state");
  }
  const open = optionalBoolean(body, "open");
  const isShared = optionalBoolean(body, "is_shared");
  const snoozedUntil = optionalTimestamp(body, "snoozed_until");
  let actor: TicketPartAuthor = botAuthor(ctx.ws);
  let assignee: Reference | undefined;
  if (body.assignment !== undefined && body.assignment !== null) {
    if (!isObject(body.assignment)) throw badRequest("parameter_invalid", "assignment must be an object", "assignment");
    const admin = findAdmin(ctx.ws, body.assignment.admin_id);
    if (!admin) throw new ApiError(404, "assignee_not_found", "Assignee not found");
    actor = adminAuthor(admin);
    const assigneeId = requireId(body.assignment, "assignee_id");
    if (assigneeId === "0") assignee = { type: "nobody_admin", id: null };
    else if (ctx.ws.admins.some((a) => a.id === assigneeId)) assignee = { type: "admin", id: assigneeId };
    else if (ctx.ws.teams.some((tm) => tm.id === assigneeId)) assignee = { type: "team", id: assigneeId };
    else throw new ApiError(404, "assignee_not_found", "Assignee not found");
  }

  const at = nowSeconds(ctx);
  if (attributes) Object.assign(t.ticket_attributes, attributes);
  if (isShared !== undefined) t.is_shared = isShared;
  if (assignee) {
    if (assignee.type === "team") t.team_assignee_id = assignee.id!;
    else t.admin_assignee_id = assignee.id ?? "0";
    newPart(ctx.ws, t, "assignment", actor, at, null, { assigned_to: assignee });
  }
  if (typeof state === "string" && state !== t.ticket_state) {
    const previous = t.ticket_state;
    setState(t, state as TicketState);
    newPart(ctx.ws, t, "ticket_state_updated_by_admin", actor, at, null, { previous_ticket_state: previous });
    if (state === "resolved" && open === undefined) t.open = false;
  }
  if (open === false) {
    // "Closing a ticket will also unsnooze it."
    t.open = false;
    delete t.snoozed_until;
    newPart(ctx.ws, t, "close", actor, at, null);
  } else if (open === true && !t.open) {
    t.open = true;
    newPart(ctx.ws, t, "open", actor, at, null);
  }
  if (snoozedUntil !== undefined && t.open) {
    t.snoozed_until = snoozedUntil;
    newPart(ctx.ws, t, "snoozed", actor, at, null);
  }
  touchTicket(ctx, t, at);
  return ticketView(ctx.ws, t);
}

function replyToTicket(ctx: RouteContext, { params, body: rawBody }: RouteInput): RestTicketReply {
  const body = requireBody(rawBody);
  const { type, messageType, text, createdAt, attachments } = replyFields(body, ["comment", "note", "quick_reply"]);
  const crossPost = optionalBoolean(body, "cross_post");

  let author: TicketPartAuthor;
  if (type === "admin") {
    author = adminAuthor(requireAdmin(ctx.ws, requireId(body, "admin_id"), "Admin not found"));
    if (messageType === "quick_reply") {
      const options = body.reply_options;
      if (!Array.isArray(options) || options.length === 0) throw badRequest("parameter_invalid", "reply_options are required for quick_reply replies", "reply_options");
      for (const o of options) {
        if (!isObject(o) || typeof o.text !== "string" || typeof o.uuid !== "string") throw badRequest("parameter_invalid", "Each reply option needs text and uuid", "reply_options");
      }
    } else if (text === undefined || text.trim() === "") {
      throw badRequest("parameter_invalid", "Body is required", "body");
    }
  } else {
    if (text === undefined || text.trim() === "") throw badRequest("parameter_invalid", "Body is required", "body");
    const byId = optionalString(body, "intercom_user_id");
    const byExternal = optionalString(body, "user_id");
    const byEmail = optionalString(body, "email");
    if ([byId, byExternal, byEmail].filter((v) => v !== undefined).length !== 1) {
      throw badRequest("parameter_not_found", "One of intercom_user_id, user_id or email is required", "intercom_user_id");
    }
    const contact = contactNamed(ctx.ws, { id: byId, externalId: byExternal, email: byEmail });
    if (!contact) throw notFound("not_found", "User Not Found");
    author = contactAuthor(contact);
  }
  const t = findTicket(ctx.ws, params.ticket_id);
  if (type === "user" && t.category !== "Customer") throw new ApiError(400, "parameter_mismatch", "User replies are not allowed on Backoffice tickets");
  const at = createdAt ?? nowSeconds(ctx);
  const part = newPart(ctx.ws, t, messageType, author, at, messageType === "quick_reply" ? null : text!, { attachments });
  if (crossPost && messageType === "note" && author.type === "admin") {
    // Cross-post the note to every linked conversation.
    const admin = findAdmin(ctx.ws, author.id)!;
    for (const link of t.linked_objects.data.filter((o) => o.type === "conversation")) {
      const c = ctx.ws.conversations.find((x) => x.id === link.id);
      if (!c) continue;
      c.conversation_parts.conversation_parts.push(makePart(ctx.ws, "note", conversationAdminAuthor(admin), at, text!));
      c.conversation_parts.total_count = c.conversation_parts.conversation_parts.length;
      touchConversation(ctx, c, at);
    }
  }
  touchTicket(ctx, t, at);
  // `ticket_reply`: the part without the ticket states (nor the quick reply's options: the schema has none).
  const { ticket_state: _s, previous_ticket_state: _p, assigned_to: _a, external_id: _e, ...reply } = part;
  return reply as RestTicketReply; // replyFields let through only comment, note and quick_reply
}

export const ticketsGroup: ApiGroup = {
  tag: "Tickets",
  routes: [
    { operationId: "createTicket", method: "POST", path: "/tickets", handler: createTicket },
    { operationId: "searchTickets", method: "POST", path: "/tickets/search", handler: searchTickets },
    { operationId: "getTicket", method: "GET", path: "/tickets/:ticket_id", handler: (ctx, { params }): RestTicket => ticketView(ctx.ws, findTicket(ctx.ws, params.ticket_id)) },
    { operationId: "updateTicket", method: "PUT", path: "/tickets/:ticket_id", handler: updateTicket },
    { operationId: "replyTicket", method: "POST", path: "/tickets/:ticket_id/reply", handler: replyToTicket },
  ],
};
