import type { AdminsState } from "./resources/admins.js";
import type { CompaniesState } from "./resources/companies.js";
import type { ContactsState } from "./resources/contacts.js";
import type { ConversationsState } from "./resources/conversations.js";
import type { DataState } from "./resources/data.js";
import type { HelpCenterState } from "./resources/help-center.js";
import type { NewsState } from "./resources/news.js";
import type { NotesState } from "./resources/notes.js";
import type { SubscriptionsState } from "./resources/subscriptions.js";
import type { TagsState } from "./resources/tags.js";
import type { TicketsState } from "./resources/tickets.js";
import type { VisitorsState } from "./resources/visitors.js";

// REST-shaped (snake_case) records of the sandbox workspace. The shapes follow the
// component schemas of the Intercom 2.11 OpenAPI document, so the objects held here
// are exactly what the HTTP API serialises (minus a few view-only transformations,
// e.g. conversation_parts are stripped from list items).

/** Unix seconds. */
export type UnixSeconds = number;

export interface Reference {
  type: string;
  id: string | null;
}

export interface Avatar {
  type?: "avatar";
  image_url: string | null;
}

export interface App {
  type: "app";
  id_code: string;
  name: string;
  region: string;
  timezone: string;
  created_at: UnixSeconds;
  identity_verification: boolean;
}

/** `admin` schema. `avatar` is only rendered by GET /admins?display_avatar=true and GET /me. */
export interface Admin {
  type: "admin";
  id: string; // numeric string, e.g. "7350001"
  name: string;
  email: string;
  job_title: string;
  away_mode_enabled: boolean;
  away_mode_reassign: boolean;
  has_inbox_seat: boolean;
  team_ids: number[]; // integers per the schema
  avatar: { image_url: string } | null;
}

/** The Operator / Fin bot: authors parts with author.type "bot"; not listed by GET /admins. */
export interface Bot {
  type: "bot";
  id: string;
  name: string;
  email: string;
}

export interface Team {
  type: "team";
  id: string; // numeric string
  name: string;
  admin_ids: number[]; // integers per the schema
  admin_priority_level?: { primary_admin_ids: number[] | null; secondary_admin_ids: number[] | null };
}

export interface Tag {
  type: "tag";
  id: string;
  name: string;
}

/** A tag as applied to a conversation (`tag` schema with applied_at/applied_by). */
export interface AppliedTag extends Tag {
  applied_at: UnixSeconds | null;
  applied_by: Reference | null;
}

export interface Company {
  type: "company";
  id: string; // 24 hex chars
  name: string;
  app_id: string;
  company_id: string; // the customer's own id
  plan: { type: "plan"; id: string; name: string };
  remote_created_at: UnixSeconds;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  last_request_at: UnixSeconds;
  size: number;
  website: string;
  industry: string;
  monthly_spend: number;
  session_count: number;
  user_count: number;
  custom_attributes: Record<string, string>;
  tags: { type: "tag.list"; tags: Tag[] };
  segments: { type: "segment.list"; segments: unknown[] };
}

export interface Note {
  type: "note";
  id: string;
  created_at: UnixSeconds;
  contact: { type: "contact"; id: string } | null;
  author: Omit<Admin, "avatar">;
  body: string;
}

/** `addressable_list` item: a reference with its API url. */
export interface AddressableRef {
  type: string;
  id: string;
  url: string;
}

/** `contact_tags` / `contact_notes`: references with the list's API url (their schemas declare no `type`). */
export interface ReferenceList<T> {
  data: T[];
  url: string;
  total_count: number;
  has_more: boolean;
}

export type CustomAttributes = Record<string, string | number | boolean | null>;

/**
 * `contact` schema (full shape, as returned by GET /contacts/{id} and search): exactly the
 * properties the document declares. Subscription choices live in `subscriptionChoices`.
 */
export interface Contact {
  type: "contact";
  id: string; // 24 hex chars
  workspace_id: string;
  external_id: string | null;
  role: "user" | "lead";
  email: string;
  email_domain: string;
  phone: string | null;
  formatted_phone: string | null;
  name: string | null;
  owner_id: number | null; // integer admin id
  has_hard_bounced: boolean;
  marked_email_as_spam: boolean;
  unsubscribed_from_emails: boolean;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  signed_up_at: UnixSeconds | null;
  last_seen_at: UnixSeconds | null;
  last_replied_at: UnixSeconds | null;
  last_contacted_at: UnixSeconds | null;
  last_email_opened_at: UnixSeconds | null;
  last_email_clicked_at: UnixSeconds | null;
  language_override: string | null;
  browser: string | null;
  browser_version: string | null;
  browser_language: string | null;
  os: string | null;
  android_app_name: string | null;
  android_app_version: string | null;
  android_device: string | null;
  android_os_version: string | null;
  android_sdk_version: string | null;
  android_last_seen_at: UnixSeconds | null;
  ios_app_name: string | null;
  ios_app_version: string | null;
  ios_device: string | null;
  ios_os_version: string | null;
  ios_sdk_version: string | null;
  ios_last_seen_at: UnixSeconds | null;
  custom_attributes: CustomAttributes;
  avatar: { type: "avatar"; image_url: string | null } | null;
  tags: ReferenceList<AddressableRef>;
  notes: ReferenceList<AddressableRef>;
  /** `contact_companies` declares a `type`, unlike the tags and notes lists. */
  companies: ReferenceList<AddressableRef> & { type: "list" };
  location: { type: "location"; country: string | null; region: string | null; city: string | null };
  social_profiles: { data: { type: "social_profile"; name: string; url: string }[] };
}

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

/**
 * The live data of one sandbox. Arrays are the source of truth (tests may read and
 * mutate them); `lastWriteAt` records, per id, the wall-clock ms of the last create or
 * update so search can hide recently written records (searchIndexLagMs).
 */
export interface Workspace
  extends AdminsState,
    ContactsState,
    CompaniesState,
    TagsState,
    NotesState,
    SubscriptionsState,
    HelpCenterState,
    NewsState,
    TicketsState,
    ConversationsState,
    DataState,
    VisitorsState {
  app: App;
  admins: Admin[];
  bot: Bot;
  teams: Team[];
  tags: Tag[];
  companies: Company[];
  notes: Note[];
  contacts: Contact[];
  conversations: Conversation[];
  lastWriteAt: { contacts: Map<string, number>; conversations: Map<string, number> };
  /** Next id handed to a new conversation part (parts have workspace-wide numeric ids). */
  nextPartId: number;
}
