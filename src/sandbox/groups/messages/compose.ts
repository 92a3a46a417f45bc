// A message and the conversation it starts: a contact writing in (POST /conversations, and
// POST /messages from a contact) opens a conversation at once.
import type { RestMessage } from "../../../generated/rest/messages.js";
import { badRequest } from "../../errors.js";
import { findContact } from "../../lookups.js";
import type { RouteContext } from "../../router.js";
import { attachmentsFrom, nowSeconds, optionalString, optionalTimestamp, requireId } from "../../validate.js";
import { contactAuthor } from "../conversations/parts.js";
import { createConversationRecord, nextConversationId, nextSourceId } from "../conversations/writes.js";
import type { SandboxMessage } from "./records.js";

/** The REST view (`message`): neither whom it went to nor who sent it is in the schema. */
export const messageView = ({ to: _to, owner: _owner, ...message }: SandboxMessage): RestMessage => message;

const SENDER_CONTACT_TYPES = ["lead", "user", "contact"];

/** A contact starts a conversation (POST /conversations, and POST /messages from a contact). */
export function contactMessage(ctx: RouteContext, body: Record<string, unknown>, from: Record<string, unknown>): SandboxMessage {
  if (!SENDER_CONTACT_TYPES.includes(String(from.type))) throw badRequest("parameter_invalid", "from.type must be one of lead, user, contact", "from.type");
  const contactId = requireId(from, "id", "from.id");
  const text = optionalString(body, "body");
  if (text === undefined || text.trim() === "") throw badRequest("parameter_invalid", "Body is required", "body");
  const subject = optionalString(body, "subject") ?? "";
  const attachments = attachmentsFrom(body);
  const at = optionalTimestamp(body, "created_at") ?? nowSeconds(ctx);
  const contact = findContact(ctx.ws, contactId);
  const c = createConversationRecord(ctx, {
    id: nextConversationId(ctx.ws),
    sourceId: nextSourceId(ctx.ws),
    sourceType: "conversation",
    customerInitiated: true,
    author: contactAuthor(contact),
    contact,
    subject,
    body: text,
    attachments,
    at,
    assignee: null,
  });
  contact.last_replied_at = at;
  const message: SandboxMessage = {
    type: "user_message",
    id: c.source.id,
    created_at: at,
    subject,
    body: text,
    message_type: "inapp",
    conversation_id: c.id,
    to: { type: contact.role, id: contact.id },
  };
  ctx.ws.messages.push(message);
  return message;
}
