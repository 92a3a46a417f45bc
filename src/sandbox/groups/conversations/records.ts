// Conversations and their parts.
import type {
  RestAiAgent,
  RestConversation,
  RestConversationPart,
  RestConversationPartAuthor,
  RestConversationParts,
  RestConversationRating,
  RestConversationSource,
  RestConversationStatistics,
  RestPartAttachment,
} from "../../../generated/rest/conversations.js";
import type { Sent } from "../../records.js";

/** `conversation_part_author`. type is admin | bot | team | user | lead. */
export type PartAuthor = RestConversationPartAuthor;

export type PartAttachment = RestPartAttachment;

/** The kinds of part replies and management write (the document types part_type as any string; others, e.g. participant_added, are written by name). */
export type PartType = "comment" | "note" | "assignment" | "assign_and_reopen" | "close" | "open" | "snoozed";

/** `conversation_part`, every property there (null where it does not apply). */
export type ConversationPart = Sent<RestConversationPart, "body" | "updated_at" | "assigned_to" | "attachments" | "external_id">;

export type SourceType = RestConversationSource["type"];

/** How the sandbox's conversations were delivered (the document types delivered_as as any string). */
export type DeliveredAs =
  | "customer_initiated"
  | "campaigns_initiated"
  | "operator_initiated"
  | "automated"
  | "admin_initiated";

export type ConversationSource = Sent<RestConversationSource, "body" | "attachments" | "url">;

/**
 * `conversation_statistics`. The schema declares none of these nullable, so a metric
 * that does not apply yet is left out instead of being null; the counts are always there.
 */
export type ConversationStatistics = Sent<RestConversationStatistics, "count_reopens" | "count_assignments" | "count_conversation_parts">;

export type ConversationRating = RestConversationRating;

export type AiAgent = Sent<RestAiAgent, "source_title" | "last_answer_type" | "resolution_state" | "rating" | "rating_remark" | "content_sources">;

/** `topics`: required by the document but never defined in it; Intercom sends {} (see scripts/graph-mapping.ts). */
export interface ConversationTopics {
  topics: Record<string, unknown>;
}

/**
 * `conversation`, stored with all its parts. GET /conversations/{id} returns it (capped at the
 * 500 most recent parts); lists and search return it without `conversation_parts`
 * (`conversation_list_item`). Optional, non-nullable members (first_contact_reply,
 * conversation_rating) are absent when they do not apply, because the schema does not allow
 * null for them; the others are always there.
 */
export type Conversation = Omit<
  Sent<RestConversation, "type" | "priority" | "tags" | "sla_applied" | "linked_objects" | "ai_agent_participated">,
  "conversation_parts" | "ai_agent"
> & {
  source: ConversationSource;
  teammates: NonNullable<RestConversation["teammates"]>;
  statistics: ConversationStatistics;
  ai_agent: AiAgent | null;
  conversation_parts: Omit<RestConversationParts, "conversation_parts"> & { conversation_parts: ConversationPart[] };
} & ConversationTopics;

/** The workspace collections this group owns. */
export interface ConversationsState {
  conversations: Conversation[];
}
