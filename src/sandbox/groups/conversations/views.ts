// Conversations as the API serves them.
import type { RestConversation, RestConversationListItem } from "../../../generated/rest/conversations.js";
import type { Conversation, ConversationTopics } from "./records.js";

/** A `conversation` as the sandbox answers it: with the topics Intercom sends beside the document's properties. */
export type ConversationAnswer = RestConversation & ConversationTopics;

/** GET /conversations/{id} returns at most the 500 most recent parts. */
export const MAX_PARTS_RETURNED = 500;

const stripHtml = (s: string) => s.replace(/<br\s*\/?>/gi, "\n").replace(/<\/p>\s*<p>/gi, "\n").replace(/<[^>]*>/g, "").trim();

/** `conversation_list_item`: the conversation without its parts. */
export function listItem(c: Conversation): RestConversationListItem & ConversationTopics {
  const { conversation_parts: _parts, ...rest } = c;
  return rest;
}

/** `conversation` with parts, capped at the 500 most recent; display_as=plaintext strips HTML. */
export function conversationView(c: Conversation, plaintext = false): ConversationAnswer {
  let parts = c.conversation_parts.conversation_parts.slice(-MAX_PARTS_RETURNED);
  let source = c.source;
  if (plaintext) {
    parts = parts.map((p) => (p.body === null ? p : { ...p, body: stripHtml(p.body) }));
    source = { ...source, body: stripHtml(source.body) };
  }
  return { ...c, source, conversation_parts: { type: "conversation_part.list", conversation_parts: parts, total_count: parts.length } };
}
