// Messages: POST /messages, an admin's in-app message or email to a contact (or a contact writing in).
import type { RestMessage } from "../../../generated/rest/messages.js";
import { ApiError, badRequest } from "../../errors.js";
import { findContact, requireAdmin } from "../../lookups.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { isObject, nowSeconds, optionalString, optionalTimestamp, requireBody, requireId } from "../../validate.js";
import { adminAuthor } from "../conversations/parts.js";
import { createConversationRecord, nextConversationId, nextSourceId } from "../conversations/writes.js";
import { contactMessage, messageView } from "./compose.js";
import type { SandboxMessage } from "./records.js";

const MESSAGE_TYPES: Record<string, "inapp" | "email"> = { in_app: "inapp", inapp: "inapp", email: "email" };

/** POST /messages — an admin sends an in-app message or an email to a contact (or a contact writes in). */
function createMessage(ctx: RouteContext, { body: raw }: RouteInput): RestMessage {
  const body = requireBody(raw);
  const from = body.from;
  if (from === undefined || from === null) throw badRequest("parameter_not_found", "from is a required parameter", "from");
  if (!isObject(from)) throw badRequest("parameter_invalid", "from must be an object", "from");
  if (from.type !== "admin") {
    if (from.type === undefined || from.type === null) throw badRequest("parameter_not_found", "from.type is a required parameter", "from.type");
    return messageView(contactMessage(ctx, body, from));
  }

  const rawType = body.message_type;
  if (rawType === undefined || rawType === null) throw badRequest("parameter_not_found", "message_type is a required parameter", "message_type");
  // The schema's enum says in_app; the message model and Intercom's own examples say inapp. Both are accepted.
  const messageType = typeof rawType === "string" ? MESSAGE_TYPES[rawType] : undefined;
  if (!messageType) throw badRequest("parameter_invalid", "message_type must be one of in_app, email", "message_type");
  const text = optionalString(body, "body");
  if (text === undefined || text.trim() === "") throw badRequest("parameter_invalid", "Body is required", "body");
  const subject = optionalString(body, "subject");
  const template = optionalString(body, "template");
  if (messageType === "email") {
    if (subject === undefined || subject.trim() === "") throw new ApiError(422, "parameter_not_found", "No subject supplied for email message", "subject");
    if (template === undefined) throw new ApiError(422, "parameter_not_found", "No template supplied for email message", "template");
  }
  if (template !== undefined && template !== "plain" && template !== "personal") throw badRequest("parameter_invalid", "template must be one of plain, personal", "template");
  const to = body.to;
  if (to === undefined || to === null) throw badRequest("parameter_not_found", "to is a required parameter", "to");
  if (!isObject(to)) throw badRequest("parameter_invalid", "to must be an object", "to");
  if (to.type !== "user" && to.type !== "lead") throw badRequest("parameter_invalid", "to.type must be one of user, lead", "to.type");
  const toId = requireId(to, "id", "to.id");
  const withConversation = body.create_conversation_without_contact_reply ?? false;
  if (typeof withConversation !== "boolean") throw badRequest("parameter_invalid", "create_conversation_without_contact_reply must be a boolean", "create_conversation_without_contact_reply");
  const at = optionalTimestamp(body, "created_at") ?? nowSeconds(ctx);
  const admin = requireAdmin(ctx.ws, requireId(from, "id", "from.id"));
  const contact = findContact(ctx.ws, toId);

  const id = nextSourceId(ctx.ws);
  let conversationId: string;
  if (withConversation) {
    const c = createConversationRecord(ctx, {
      id: nextConversationId(ctx.ws),
      sourceId: id,
      sourceType: messageType === "email" ? "email" : "conversation",
      customerInitiated: false,
      author: adminAuthor(admin),
      contact,
      subject: subject ?? "",
      body: text,
      attachments: [],
      at,
      assignee: admin,
    });
    conversationId = c.id;
  } else {
    // "There will be no conversation present until the contact responds": the id is reserved only.
    conversationId = nextConversationId(ctx.ws);
  }
  contact.last_contacted_at = at;
  const message: SandboxMessage = {
    type: "admin_message",
    id,
    created_at: at,
    subject: subject ?? "",
    body: text,
    message_type: messageType,
    conversation_id: conversationId,
    owner: {
      type: "admin",
      id: admin.id,
      name: admin.name,
      email: admin.email,
      away_mode_enabled: admin.away_mode_enabled,
      away_mode_reassign: admin.away_mode_reassign,
    },
    to: { type: contact.role, id: contact.id },
  };
  ctx.ws.messages.push(message);
  return messageView(message);
}

export const messagesGroup: ApiGroup = {
  tag: "Messages",
  routes: [{ operationId: "createMessage", method: "POST", path: "/messages", handler: createMessage }],
};
