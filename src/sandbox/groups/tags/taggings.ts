// Tagging contacts, conversations and tickets, and untagging them.
import type { RestTag } from "../../../generated/rest/tags.js";
import { ApiError, badRequest, notFound } from "../../errors.js";
import { findContact, findConversation, findTag, requireAdmin } from "../../lookups.js";
import type { RouteContext, RouteInput } from "../../router.js";
import { isObject, nowSeconds, requireBody, requireId } from "../../validate.js";
import { touchConversation } from "../conversations/writes.js";
import { findTicket } from "../tickets/views.js";
import { touchTicket } from "../tickets/writes.js";
import { addContactTag, applicationKey, removeContactTag, tokenAdmin } from "./lists.js";
import { basicView, tagView } from "./views.js";

export function attachTagToContact(ctx: RouteContext, { params, body }: RouteInput): RestTag {
  const { ws } = ctx;
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const contact = findContact(ws, params.contact_id!);
  const tag = findTag(ws, requireId(body, "id"));
  if (!tag) throw notFound("not_found", "Resource Not Found");
  addContactTag(ws, contact, tag, { applied_at: nowSeconds(ctx), applied_by: { type: "admin", id: tokenAdmin(ws).id } });
  return tagView(tag, ws.contactTagApplications.get(applicationKey(contact.id, tag.id))!);
}

export function detachTagFromContact(ctx: RouteContext, { params }: RouteInput): RestTag {
  const { ws } = ctx;
  const contact = findContact(ws, params.contact_id!);
  const tag = findTag(ws, params.tag_id);
  if (!tag) throw notFound("not_found", "Resource Not Found");
  const applied = ws.contactTagApplications.get(applicationKey(contact.id, tag.id)) ?? null;
  removeContactTag(ws, contact, tag.id);
  return tagView(tag, applied);
}

export function attachTagToConversation(ctx: RouteContext, { params, body }: RouteInput): RestTag {
  const { ws } = ctx;
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const tagId = requireId(body, "id");
  const admin = requireAdmin(ws, requireId(body, "admin_id"));
  const conversation = findConversation(ws, params.conversation_id!, "Conversation not found");
  const tag = findTag(ws, tagId);
  if (!tag) throw new ApiError(404, "tag_not_found", "Tag not found");
  const at = nowSeconds(ctx);
  let applied = conversation.tags.tags.find((t) => t.id === tag.id);
  if (!applied) {
    applied = { ...basicView(tag), applied_at: at, applied_by: { type: "admin", id: admin.id } };
    conversation.tags.tags.push(applied);
    touchConversation(ctx, conversation, at);
  }
  return { ...applied };
}

export function detachTagFromConversation(ctx: RouteContext, { params, body }: RouteInput): RestTag {
  const { ws } = ctx;
  if (!isObject(body)) throw badRequest("parameter_not_found", "admin_id is a required parameter", "admin_id");
  requireAdmin(ws, requireId(body, "admin_id"));
  const conversation = findConversation(ws, params.conversation_id!, "Conversation not found");
  const applied = conversation.tags.tags.find((t) => t.id === params.tag_id);
  if (!applied || !findTag(ws, applied.id)) throw new ApiError(404, "tag_not_found", "Tag not found");
  conversation.tags.tags = conversation.tags.tags.filter((t) => t !== applied);
  touchConversation(ctx, conversation, nowSeconds(ctx));
  return { ...applied };
}

/** POST /tickets/{id}/tags: idempotent; the tag keeps when and by whom it was first applied. */
export function attachTagToTicket(ctx: RouteContext, { params, body: rawBody }: RouteInput): RestTag {
  const body = requireBody(rawBody);
  const tagId = requireId(body, "id");
  const admin = requireAdmin(ctx.ws, requireId(body, "admin_id"), "Admin not found");
  const t = findTicket(ctx.ws, params.ticket_id, "ticket_not_found", "Ticket not found");
  const tag = findTag(ctx.ws, tagId);
  if (!tag) throw notFound("tag_not_found", "Tag not found");
  const at = nowSeconds(ctx);
  let applied = t.tags.tags.find((x) => x.id === tagId);
  if (!applied) {
    applied = { type: "tag", id: tag.id, name: tag.name, applied_at: at, applied_by: { type: "admin", id: admin.id } };
    t.tags.tags.push(applied);
    touchTicket(ctx, t, at);
  }
  return applied;
}

export function detachTagFromTicket(ctx: RouteContext, { params, body: rawBody }: RouteInput): RestTag {
  const body = requireBody(rawBody);
  requireAdmin(ctx.ws, requireId(body, "admin_id"), "Admin not found");
  const t = findTicket(ctx.ws, params.ticket_id, "ticket_not_found", "Ticket not found");
  const index = t.tags.tags.findIndex((x) => x.id === params.tag_id);
  if (index === -1) throw notFound("tag_not_found", "Tag not found");
  const [removed] = t.tags.tags.splice(index, 1);
  touchTicket(ctx, t, nowSeconds(ctx));
  return removed;
}
