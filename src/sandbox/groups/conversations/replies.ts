// Writes on one conversation: replies (an admin's comment or note, a contact's comment), the
// parts that close, snooze, open or assign it, and updates of its attributes.
import { ApiError, badRequest, notFound } from "../../errors.js";
import { contactNamed, findConversation, requireAdmin } from "../../lookups.js";
import type { RouteContext, RouteInput } from "../../router.js";
import type { Reference } from "../../records.js";
import { flatCustomAttributes, nowSeconds, optionalString, optionalTimestamp, replyFields, requireBody, requireId } from "../../validate.js";
import type { Admin } from "../admins/records.js";
import type { Contact } from "../contacts/records.js";
import { adminAuthor, contactAuthor } from "./parts.js";
import type { Conversation, PartType } from "./records.js";
import { conversationView, type ConversationAnswer } from "./views.js";
import { appendPart, countAssignment, reopenIfClosed, touchConversation } from "./writes.js";

/** admin_id in a request body: required, string or integer (examples send integers), must exist. */
const actingAdmin = (ctx: RouteContext, body: Record<string, unknown>): Admin => requireAdmin(ctx.ws, requireId(body, "admin_id"));

/** The contact replying: named by intercom_user_id, user_id or email (the first given). */
function replyingContact(ctx: RouteContext, body: Record<string, unknown>): Contact {
  const byId = optionalString(body, "intercom_user_id");
  const byExternal = optionalString(body, "user_id");
  const byEmail = optionalString(body, "email");
  if (byId === undefined && byExternal === undefined && byEmail === undefined) {
    throw badRequest("parameter_not_found", "One of intercom_user_id, user_id or email is required", "intercom_user_id");
  }
  const contact = contactNamed(ctx.ws, { id: byId, externalId: byExternal, email: byEmail });
  if (!contact) throw notFound("not_found", "User Not Found");
  return contact;
}

/** POST /conversations/{id}/reply — admin comment/note or contact comment. */
export function replyToConversation(ctx: RouteContext, { params, body: rawBody }: RouteInput): ConversationAnswer {
  const body = requireBody(rawBody);
  const { type, messageType, text, createdAt, attachments } = replyFields(body, ["comment", "note"]);

  if (type === "admin") {
    const admin = actingAdmin(ctx, body);
    if (text === undefined || text.trim() === "") throw badRequest("parameter_invalid", "Body is required", "body");
    const c = findConversation(ctx.ws, params.conversation_id!);
    const at = createdAt ?? nowSeconds(ctx);
    appendPart(ctx, c, messageType as PartType, adminAuthor(admin), at, text, { attachments });
    if (messageType === "comment") {
      const s = c.statistics;
      s.first_admin_reply_at ??= at;
      s.time_to_admin_reply ??= at - c.created_at;
      s.last_admin_reply_at = at;
      c.waiting_since = null;
    }
    return conversationView(c);
  }

  // Contact reply.
  if (text === undefined || text.trim() === "") throw badRequest("parameter_invalid", "Body is required", "body");
  const contact = replyingContact(ctx, body);
  let c: Conversation;
  if (params.conversation_id === "last") {
    // "last": the contact's most recently updated conversation.
    const mine = ctx.ws.conversations.filter((x) => x.contacts.contacts.some((r) => r.id === contact.id));
    if (!mine.length) throw notFound();
    c = mine.reduce((a, b) => (b.updated_at > a.updated_at ? b : a));
  } else {
    c = findConversation(ctx.ws, params.conversation_id!);
  }
  const at = createdAt ?? nowSeconds(ctx);
  reopenIfClosed(c); // a customer reply reopens a closed or snoozed conversation
  appendPart(ctx, c, "comment", contactAuthor(contact), at, text, { attachments });
  c.read = false;
  c.waiting_since ??= at;
  c.statistics.first_contact_reply_at ??= at;
  c.statistics.last_contact_reply_at = at;
  c.first_contact_reply ??= { created_at: at, type: c.source.type, url: c.source.url };
  return conversationView(c);
}

/** POST /conversations/{id}/parts — close, snoozed, open, assignment. */
export function manageConversation(ctx: RouteContext, { params, body: rawBody }: RouteInput): ConversationAnswer {
  const body = requireBody(rawBody);
  const messageType = body.message_type;
  if (messageType === undefined || messageType === null) throw badRequest("parameter_not_found", "message_type is a required parameter", "message_type");
  const kinds = ["close", "snoozed", "open", "assignment"];
  if (typeof messageType !== "string" || !kinds.includes(messageType)) {
    throw badRequest("parameter_invalid", `message_type must be one of ${kinds.join(", ")}`, "message_type");
  }
  const text = optionalString(body, "body") ?? null;

  if (messageType === "close") {
    if (body.type === undefined) throw badRequest("parameter_not_found", "type is a required parameter", "type");
    if (body.type !== "admin") throw badRequest("parameter_invalid", "type must be admin", "type");
    const admin = actingAdmin(ctx, body);
    const c = findConversation(ctx.ws, params.conversation_id!);
    const at = nowSeconds(ctx);
    appendPart(ctx, c, "close", adminAuthor(admin), at, text);
    c.state = "closed";
    c.open = false;
    c.snoozed_until = null;
    c.waiting_since = null;
    const s = c.statistics;
    s.first_close_at ??= at;
    s.time_to_first_close ??= at - c.created_at;
    s.last_close_at = at;
    s.time_to_last_close = at - c.created_at;
    s.last_closed_by_id = admin.id;
    return conversationView(c);
  }

  if (messageType === "snoozed") {
    const admin = actingAdmin(ctx, body);
    if (body.snoozed_until === undefined || body.snoozed_until === null) {
      throw badRequest("parameter_not_found", "snoozed_until is a required parameter", "snoozed_until");
    }
    const until = optionalTimestamp(body, "snoozed_until")!;
    const c = findConversation(ctx.ws, params.conversation_id!);
    const at = nowSeconds(ctx);
    appendPart(ctx, c, "snoozed", adminAuthor(admin), at, null);
    c.state = "snoozed";
    c.open = true;
    c.snoozed_until = until;
    c.waiting_since = null;
    return conversationView(c);
  }

  if (messageType === "open") {
    const admin = actingAdmin(ctx, body);
    const c = findConversation(ctx.ws, params.conversation_id!);
    const at = nowSeconds(ctx);
    reopenIfClosed(c);
    appendPart(ctx, c, "open", adminAuthor(admin), at, null);
    return conversationView(c);
  }

  // assignment
  if (body.type === undefined) throw badRequest("parameter_not_found", "type is a required parameter", "type");
  if (body.type !== "admin" && body.type !== "team") throw badRequest("parameter_invalid", "type must be one of admin, team", "type");
  const admin = actingAdmin(ctx, body);
  const rawAssignee = body.assignee_id;
  if (rawAssignee === undefined || rawAssignee === null || rawAssignee === "") {
    throw badRequest("parameter_not_found", "assignee_id is a required parameter", "assignee_id");
  }
  if (typeof rawAssignee !== "string" && typeof rawAssignee !== "number") throw badRequest("parameter_invalid", "assignee_id must be a string", "assignee_id");
  const assigneeId = String(rawAssignee);
  const unassign = assigneeId === "0"; // "Set 0 if you want this assign to no admin or team"
  if (!unassign) {
    const exists = body.type === "admin" ? ctx.ws.admins.some((a) => a.id === assigneeId) : ctx.ws.teams.some((t) => t.id === assigneeId);
    if (!exists) throw new ApiError(404, "assignee_not_found", "Assignee not found");
  }
  const c = findConversation(ctx.ws, params.conversation_id!);
  const at = nowSeconds(ctx);
  const reopened = reopenIfClosed(c) && c.state === "open";
  const assignedTo: Reference = unassign ? { type: "nobody_admin", id: null } : { type: body.type, id: assigneeId };
  if (body.type === "admin") c.admin_assignee_id = unassign ? null : Number(assigneeId);
  else c.team_assignee_id = unassign ? null : Number(assigneeId);
  appendPart(ctx, c, reopened ? "assign_and_reopen" : "assignment", adminAuthor(admin), at, text, { assigned_to: assignedTo });
  countAssignment(c, at);
  return conversationView(c);
}

/** PUT /conversations/{id} — read and custom_attributes per the schema; title is accepted too (later API versions allow it). */
export function updateConversation(ctx: RouteContext, { params, query, body: rawBody }: RouteInput): ConversationAnswer {
  const body = requireBody(rawBody);
  if (body.read !== undefined && typeof body.read !== "boolean") throw badRequest("parameter_invalid", "read must be a boolean", "read");
  const attrs = flatCustomAttributes(body);
  if (body.title !== undefined && body.title !== null && typeof body.title !== "string") throw badRequest("parameter_invalid", "title must be a string", "title");
  const c = findConversation(ctx.ws, params.conversation_id!);
  if (typeof body.read === "boolean") c.read = body.read;
  if (attrs) Object.assign(c.custom_attributes, attrs);
  if (body.title !== undefined) c.title = body.title as string | null;
  touchConversation(ctx, c, nowSeconds(ctx));
  return conversationView(c, query.display_as === "plaintext");
}
