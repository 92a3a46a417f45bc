// Conversations and their parts.
import type { CustomAttributes, Reference, UnixSeconds } from "../../records.js";
import type { AppliedTag } from "../tags/records.js";

/** `conversation_part_author`. type is admin | bot | team | user | lead. */
export interface PartAuthor {
  type: "admin" | "bot" | "team" | "user" | "lead";
  id: string;
  name: string | null;
  email: string;
}

export interface PartAttachment {
  type: string;
  name: string;
  url: string;
  content_type: string;
  filesize: number;
  width: number;
  height: number;
}

export type PartType = "comment" | "note" | "assignment" | "assign_and_reopen" | "close" | "open" | "snoozed";

export interface ConversationPart {
  type: "conversation_part";
  id: string;
  part_type: PartType;
  body: string | null;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  notified_at: UnixSeconds;
  assigned_to: Reference | null;
  author: PartAuthor;
  attachments: PartAttachment[];
  external_id: string | null;
  redacted: boolean;
}

export type SourceType =
  | "conversation"
  | "email"
  | "facebook"
  | "instagram"
  | "phone_call"
  | "phone_switch"
  | "push"
  | "sms"
  | "twitter"
  | "whatsapp";

export type DeliveredAs =
  | "customer_initiated"
  | "campaigns_initiated"
  | "operator_initiated"
  | "automated"
  | "admin_initiated";

export interface ConversationSource {
  type: SourceType;
  id: string;
  delivered_as: DeliveredAs;
  subject: string;
  body: string;
  author: PartAuthor;
  attachments: PartAttachment[];
  url: string | null;
  redacted: boolean;
}

/**
 * `conversation_statistics`. The schema declares none of these nullable, so a metric
 * that does not apply yet is left out instead of being null.
 */
export interface ConversationStatistics {
  type: "conversation_statistics";
  time_to_assignment?: number;
  time_to_admin_reply?: number;
  time_to_first_close?: number;
  time_to_last_close?: number;
  median_time_to_reply?: number;
  first_contact_reply_at?: UnixSeconds;
  first_assignment_at?: UnixSeconds;
  first_admin_reply_at?: UnixSeconds;
  first_close_at?: UnixSeconds;
  last_assignment_at?: UnixSeconds;
  last_assignment_admin_reply_at?: UnixSeconds;
  last_contact_reply_at?: UnixSeconds;
  last_admin_reply_at?: UnixSeconds;
  last_close_at?: UnixSeconds;
  last_closed_by_id?: string;
  count_reopens: number;
  count_assignments: number;
  count_conversation_parts: number;
}

export interface ConversationRating {
  rating: number;
  remark: string;
  created_at: UnixSeconds;
  contact: { type: "contact"; id: string; external_id: string | null };
  teammate: Reference;
}

export interface AiAgent {
  source_type: "essentials_plan_setup" | "profile" | "workflow" | "workflow_preview" | "fin_preview";
  source_title: string | null;
  last_answer_type: "ai_answer" | "custom_answer" | null;
  resolution_state: "assumed_resolution" | "confirmed_resolution" | "routed_to_team" | "abandoned" | null;
  rating: number | null;
  rating_remark: string | null;
  content_sources: {
    type: "content_source.list";
    total_count: number;
    content_sources: { content_type: string; url: string; title: string; locale: string }[];
  };
}

/**
 * `conversation` schema, stored with all its parts. GET /conversations/{id} returns it
 * (capped at the 500 most recent parts); lists and search return it without
 * `conversation_parts` (`conversation_list_item`).
 * Optional, non-nullable members (first_contact_reply, conversation_rating) are absent
 * when they do not apply, because the schema does not allow null for them.
 */
export interface Conversation {
  type: "conversation";
  id: string; // numeric string
  title: string | null;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  waiting_since: UnixSeconds | null;
  snoozed_until: UnixSeconds | null;
  open: boolean;
  state: "open" | "closed" | "snoozed";
  read: boolean;
  priority: "priority" | "not_priority";
  admin_assignee_id: number | null;
  team_assignee_id: number | null;
  tags: { type: "tag.list"; tags: AppliedTag[] };
  conversation_rating?: ConversationRating;
  source: ConversationSource;
  contacts: { type: "contact.list"; contacts: { type: "contact"; id: string; external_id: string | null }[] };
  teammates: { type: "admin.list"; teammates: Reference[] };
  custom_attributes: CustomAttributes;
  topics: Record<string, unknown>;
  first_contact_reply?: { created_at: UnixSeconds; type: string; url: string | null };
  sla_applied: { type: "conversation_sla_summary"; sla_name: string; sla_status: "hit" | "missed" | "cancelled" | "active" } | null;
  statistics: ConversationStatistics;
  linked_objects: { type: "list"; total_count: number; has_more: boolean; data: { type: "ticket" | "conversation"; id: string; category: string | null }[] };
  ai_agent_participated: boolean;
  ai_agent: AiAgent | null;
  conversation_parts: { type: "conversation_part.list"; conversation_parts: ConversationPart[]; total_count: number };
}

/** The workspace collections this group owns. */
export interface ConversationsState {
  conversations: Conversation[];
}
