// Messages: what an admin sends a contact, or a contact starts a conversation with.

/** `message` schema, as POST /messages and POST /conversations answer it. */
export interface SandboxMessage {
  type: "user_message" | "admin_message";
  id: string;
  created_at: number;
  subject: string;
  body: string;
  message_type: "inapp" | "email";
  /** Required by the schema. For an admin message sent without `create_conversation_without_contact_reply`
   *  the id is reserved, but no conversation exists until the contact replies. */
  conversation_id: string;
  /** Not part of the response (the `message` schema has none, though the document's example shows one): the sender. */
  owner?: { type: "admin"; id: string; name: string; email: string; away_mode_enabled: boolean; away_mode_reassign: boolean };
  /** Not part of the response: whom the message went to. */
  to: { type: "user" | "lead"; id: string };
}

/** The workspace collections this group owns. */
export interface MessagesState {
  messages: SandboxMessage[];
}
