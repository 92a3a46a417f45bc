// Messages: what an admin sends a contact, or a contact starts a conversation with.
import type { RestMessage } from "../../../generated/rest/messages.js";
import type { Admin } from "../admins/records.js";
import type { Contact } from "../contacts/records.js";

/**
 * Who a message is between, kept beside it but left out of answers (see messageView): whom it
 * went to, and the admin who sent an admin message (the document's owner has only type and id).
 */
interface MessageParties {
  owner?: Pick<Admin, "type" | "id" | "name" | "email" | "away_mode_enabled" | "away_mode_reassign">;
  to: Pick<Contact, "id"> & { type: Contact["role"] };
}

/**
 * `message`, as POST /messages and POST /conversations answer it, with its parties. For an admin
 * message sent without `create_conversation_without_contact_reply` the conversation id is
 * reserved, but no conversation exists until the contact replies.
 */
export type SandboxMessage = Omit<RestMessage, "owner"> & MessageParties;

/** The workspace collections this group owns. */
export interface MessagesState {
  messages: SandboxMessage[];
}
