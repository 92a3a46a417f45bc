// The "Accepted Fields" of POST /conversations/search, as the search engine reads them.
import { at, fieldsFor, type SearchModel } from "../../search.js";
import type { Conversation } from "./records.js";

const stripHtml = (html: string) => html.replace(/<[^>]*>/g, " ");

export const conversationSearchModel: SearchModel<Conversation> = {
  name: "conversations",
  dayTruncatedDates: false,
  defaultSort: { field: "updated_at", order: "descending" },
  defaultPerPage: 20,
  fields: {
    ...fieldsFor<Conversation>({
      string: [
        "id", "source.type", "source.id", "source.delivered_as", "source.subject", "source.author.id",
        "source.author.type", "source.author.name", "source.author.email", "source.url", "state", "priority", "title",
        "statistics.last_closed_by_id", "conversation_rating.remark", "ai_agent.resolution_state",
        "ai_agent.last_answer_type", "ai_agent.rating_remark", "ai_agent.source_type", "ai_agent.source_title",
      ],
      integer: [
        "admin_assignee_id", "team_assignee_id", "statistics.time_to_assignment", "statistics.time_to_admin_reply",
        "statistics.time_to_first_close", "statistics.time_to_last_close", "statistics.median_time_to_reply",
        "statistics.count_reopens", "statistics.count_assignments", "statistics.count_conversation_parts",
        "ai_agent.rating",
      ],
      boolean: ["open", "read", "ai_agent_participated"],
      date: [
        "created_at", "updated_at", "waiting_since", "snoozed_until", "statistics.first_contact_reply_at",
        "statistics.first_assignment_at", "statistics.first_admin_reply_at", "statistics.first_close_at",
        "statistics.last_assignment_at", "statistics.last_assignment_admin_reply_at",
        "statistics.last_contact_reply_at", "statistics.last_admin_reply_at", "statistics.last_close_at",
      ],
    }),
    "source.body": { type: "string", get: (c) => stripHtml(c.source.body), words: true },
    contact_ids: { type: "string", get: (c) => c.contacts.contacts.map((x) => x.id) },
    teammate_ids: { type: "string", get: (c) => c.teammates.teammates.map((x) => x.id) },
    tag_ids: { type: "string", get: (c) => c.tags.tags.map((x) => x.id) },
    channel_initiated: { type: "string", get: () => null }, // not part of the REST shape
    "conversation_rating.score": at("integer", "conversation_rating.rating"),
    "conversation_rating.contact_id": at("string", "conversation_rating.contact.id"),
    "conversation_rating.admin_id": at("string", "conversation_rating.teammate.id"),
    "conversation_rating.admin_d": at("string", "conversation_rating.teammate.id"), // the document's spelling
    "conversation_rating.requested_at": at("date", "conversation_rating.created_at"),
    "conversation_rating.replied_at": at("date", "conversation_rating.created_at"),
  },
};
