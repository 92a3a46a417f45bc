import { Message, type MessageType } from "../schema/message.js";
import { build, fromUnix, toUnix } from "../schema/scalars.js";
import { badInput } from "./errors.js";
import { requiredId } from "./reducers.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";

/** `message` as POST /messages and POST /conversations answer it. */
export interface RestMessage {
  type: string;
  id: string | number;
  created_at: number;
  subject?: string | null;
  body: string;
  message_type: string;
  conversation_id?: string | number | null;
  /** Admin messages: the sender (in Intercom's answers, not in the schema). */
  owner?: { id?: string | number | null } | null;
}

/**
 * `sender`: the admin a message was sent as, for answers that do not name it: the document's
 * `message` schema has no owner, so only the request says who sent it.
 */
export function messageReducer(rest: RestMessage, sender: string | null = null): Message {
  return build(Message, {
    type: rest.type,
    id: requiredId(rest.id),
    createdAt: fromUnix(rest.created_at)!,
    // In-app messages have no subject; Intercom sends "" for it.
    subject: rest.subject ? rest.subject : null,
    body: rest.body,
    messageType: rest.message_type as MessageType,
    conversationId: rest.conversation_id === null || rest.conversation_id === undefined ? null : String(rest.conversation_id),
    ownerId: rest.owner?.id === null || rest.owner?.id === undefined ? sender : String(rest.owner.id),
  });
}

/** Plain input of createMessage; the datasource builds Intercom's body. */
export interface OutboundMessage {
  messageType: "in_app" | "email";
  adminId: string;
  to: { type: "user" | "lead"; id: string };
  subject?: string | null;
  body: string;
  template?: "plain" | "personal" | null;
  createdAt?: Date | null;
  createConversationWithoutContactReply?: boolean | null;
}

/** Messages: outbound messages from an admin to a contact. */
export class MessagesAPI extends IntercomDataSource {
  async create(message: OutboundMessage): Promise<Message> {
    // The schema types from.id as an integer (admin ids are numeric).
    if (!/^\d+$/.test(message.adminId)) throw badInput("adminId must be a numeric admin id", "input.adminId");
    if (message.messageType === "email" && !message.subject?.trim()) throw badInput("An email message needs a subject", "input.subject");
    const email = message.messageType === "email";
    const body = {
      message_type: message.messageType,
      from: { type: "admin", id: Number(message.adminId) },
      to: { type: message.to.type, id: message.to.id },
      body: message.body,
      ...(email ? { subject: message.subject, template: message.template ?? "plain" } : message.subject ? { subject: message.subject } : {}),
      ...(message.createdAt ? { created_at: toUnix(message.createdAt) } : {}),
      create_conversation_without_contact_reply: message.createConversationWithoutContactReply ?? false,
    };
    return this.write(WRITE_EFFECTS.createMessage, message, async () => messageReducer(await this.post<RestMessage>(path`messages`, { body }), message.adminId));
  }
}
