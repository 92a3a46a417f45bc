// What writes to a conversation do to it: parts appended with their marks on the statistics,
// the search index told, and new conversations created.
import type { RouteContext } from "../../router.js";
import type { Reference } from "../../records.js";
import type { Workspace } from "../../workspace.js";
import type { Admin } from "../admins/records.js";
import type { Contact } from "../contacts/records.js";
import { makePart } from "./parts.js";
import type { Conversation, ConversationPart, PartAttachment, PartAuthor, PartType } from "./records.js";

/** Bumps updated_at; search does not see the write for searchIndexLagMs. */
export function touchConversation(ctx: RouteContext, c: Conversation, at: number): void {
  c.updated_at = Math.max(c.updated_at, at);
  ctx.ws.lastWriteAt.conversations.set(c.id, ctx.now());
}

/** Appends a part, bumping the counts and updated_at. part_type is a free string in the document; PartType lists the kinds replies and management write. */
export function appendPart(ctx: RouteContext, c: Conversation, type: PartType | (string & {}), author: PartAuthor, at: number, body: string | null, extra: { assigned_to?: Reference; attachments?: PartAttachment[] } = {}): ConversationPart {
  const part = makePart(ctx.ws, type as PartType, author, at, body, extra.assigned_to ?? null);
  if (extra.attachments) part.attachments = extra.attachments;
  c.conversation_parts.conversation_parts.push(part);
  c.conversation_parts.total_count = c.conversation_parts.conversation_parts.length;
  c.statistics.count_conversation_parts = c.conversation_parts.conversation_parts.length;
  if (author.type === "admin" && !c.teammates.teammates.some((t) => t.id === author.id)) {
    c.teammates.teammates.push({ type: "admin", id: author.id });
  }
  touchConversation(ctx, c, at);
  return part;
}

/** An assignment's marks on the conversation's statistics. */
export function countAssignment(c: Conversation, at: number): void {
  const s = c.statistics;
  s.count_assignments++;
  s.first_assignment_at ??= at;
  s.time_to_assignment ??= at - c.created_at;
  s.last_assignment_at = at;
}

export function reopenIfClosed(c: Conversation): boolean {
  if (c.state === "open") return false;
  if (c.state === "closed") c.statistics.count_reopens++;
  c.state = "open";
  c.open = true;
  c.snoozed_until = null;
  return true;
}

/** Numeric ids continue after the largest one in use (conversations and reserved message conversations). */
export function nextConversationId(ws: Workspace): string {
  const ids = [...ws.conversations.map((c) => Number(c.id)), ...ws.messages.map((m) => Number(m.conversation_id))].filter(Number.isFinite);
  return String(Math.max(10000, ...ids) + 1);
}

export function nextSourceId(ws: Workspace): string {
  const ids = [...ws.conversations.map((c) => Number(c.source.id)), ...ws.messages.map((m) => Number(m.id))].filter(Number.isFinite);
  return String(Math.max(403900000, ...ids) + 1);
}

export interface NewConversation {
  id: string;
  sourceId: string;
  sourceType: "conversation" | "email";
  customerInitiated: boolean;
  author: PartAuthor;
  contact: Contact;
  subject: string;
  body: string;
  attachments: PartAttachment[];
  at: number;
  assignee: Admin | null;
}

/** A new open conversation with no parts: the source is the first message. */
export function createConversationRecord(ctx: RouteContext, n: NewConversation): Conversation {
  const c: Conversation = {
    type: "conversation",
    id: n.id,
    title: n.sourceType === "email" && n.subject ? n.subject : null,
    created_at: n.at,
    updated_at: n.at,
    waiting_since: n.customerInitiated ? n.at : null,
    snoozed_until: null,
    open: true,
    state: "open",
    read: !n.customerInitiated,
    priority: "not_priority",
    admin_assignee_id: n.assignee ? Number(n.assignee.id) : null,
    team_assignee_id: null,
    tags: { type: "tag.list", tags: [] },
    source: {
      type: n.sourceType,
      id: n.sourceId,
      delivered_as: n.customerInitiated ? "customer_initiated" : "admin_initiated",
      subject: n.subject,
      body: n.body,
      author: n.author,
      attachments: n.attachments,
      url: null,
      redacted: false,
    },
    contacts: { type: "contact.list", contacts: [{ type: "contact", id: n.contact.id, external_id: n.contact.external_id }] },
    teammates: { type: "admin.list", teammates: n.author.type === "admin" ? [{ type: "admin", id: n.author.id }] : [] },
    custom_attributes: {},
    topics: {},
    sla_applied: null,
    statistics: {
      type: "conversation_statistics",
      count_reopens: 0,
      count_assignments: 0,
      count_conversation_parts: 0,
      ...(n.customerInitiated ? { first_contact_reply_at: n.at, last_contact_reply_at: n.at } : {}),
    },
    linked_objects: { type: "list", total_count: 0, has_more: false, data: [] },
    ai_agent_participated: false,
    ai_agent: null,
    conversation_parts: { type: "conversation_part.list", conversation_parts: [], total_count: 0 },
  };
  if (n.customerInitiated) c.first_contact_reply = { created_at: n.at, type: "conversation", url: null };
  ctx.ws.conversations.push(c);
  ctx.ws.lastWriteAt.conversations.set(c.id, ctx.now()); // search sees it only after the index lag
  return c;
}
