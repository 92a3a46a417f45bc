import { reduceMessage } from "../generated/reducers/messages.js";
import type { RestMessage } from "../generated/rest/messages.js";
import type { Message } from "../schema/message.js";
import { toUnix } from "../schema/scalars.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";

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
    return this.write(WRITE_EFFECTS.createMessage, message, async () => {
      const sent = reduceMessage(await this.post<RestMessage>(path`messages`, { body }));
      // The document's `message` has no owner: where Intercom names none, the request says who sent it.
      sent.ownerId ??= message.adminId;
      return sent;
    });
  }
}
