// The contacts taking part in a conversation: added (by id, external id or email, creating a
// lead for an unknown email) and removed on behalf of an admin.
import { ApiError, badRequest, notFound } from "../../errors.js";
import { contactNamed, findConversation, requireAdmin } from "../../lookups.js";
import type { RouteContext, RouteInput } from "../../router.js";
import { isObject, nowSeconds, optionalString, requireBody, requireId } from "../../validate.js";
import { EMAIL } from "../contacts/attributes.js";
import { createLead } from "../contacts/writes.js";
import { adminAuthor } from "./parts.js";
import { conversationView, type ConversationAnswer } from "./views.js";
import { appendPart } from "./writes.js";

/** POST /conversations/{id}/customers — add a contact as a participant, on behalf of an admin. */
export function attachContactToConversation(ctx: RouteContext, { params, body: raw }: RouteInput): ConversationAnswer {
  const body = requireBody(raw);
  const admin = requireAdmin(ctx.ws, requireId(body, "admin_id"));
  const customer = body.customer;
  if (customer === undefined || customer === null) throw badRequest("parameter_not_found", "customer is a required parameter", "customer");
  if (!isObject(customer)) throw badRequest("parameter_invalid", "customer must be an object", "customer");
  const byId = optionalString(customer, "intercom_user_id");
  const byExternal = optionalString(customer, "user_id");
  const byEmail = optionalString(customer, "email");
  const given = [byId, byExternal, byEmail].filter((v) => v !== undefined).length;
  if (given === 0) throw badRequest("parameter_not_found", "customer needs one of intercom_user_id, user_id or email", "customer");
  if (given > 1) throw badRequest("parameter_invalid", "customer takes only one of intercom_user_id, user_id or email", "customer");
  if (byEmail !== undefined && !EMAIL.test(byEmail)) throw badRequest("parameter_invalid", "customer.email is not a valid email address", "customer.email");
  const c = findConversation(ctx.ws, params.conversation_id!);
  const contact = contactNamed(ctx.ws, { id: byId, externalId: byExternal, email: byEmail }) ?? (byEmail !== undefined ? createLead(ctx, byEmail) : undefined);
  if (!contact) throw notFound("not_found", "User Not Found");
  if (!c.contacts.contacts.some((x) => x.id === contact.id)) {
    c.contacts.contacts.push({ type: "contact", id: contact.id, external_id: contact.external_id });
    appendPart(ctx, c, "participant_added", adminAuthor(admin), nowSeconds(ctx), null);
  }
  return conversationView(c);
}

/** DELETE /conversations/{id}/customers/{contact_id} — remove a participant; never the last one. */
export function detachContactFromConversation(ctx: RouteContext, { params, body: raw }: RouteInput): ConversationAnswer {
  const body = requireBody(raw);
  const admin = requireAdmin(ctx.ws, requireId(body, "admin_id"));
  const c = findConversation(ctx.ws, params.conversation_id!);
  const index = c.contacts.contacts.findIndex((x) => x.id === params.contact_id);
  if (index === -1) throw notFound("not_found", "User Not Found");
  if (c.contacts.contacts.length === 1) throw new ApiError(422, "parameter_invalid", "Removing the last customer is not allowed");
  c.contacts.contacts.splice(index, 1);
  appendPart(ctx, c, "participant_removed", adminAuthor(admin), nowSeconds(ctx), null);
  return conversationView(c);
}
