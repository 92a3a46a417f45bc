import {
  AiAgent,
  Conversation,
  ConversationPart,
  ConversationPartList,
  ConversationRating,
  ConversationSource,
  type AiAgentLastAnswerType,
  type AiAgentResolutionState,
  type AiAgentSourceType,
  type ContentSourceType,
  type ConversationPriority,
  type ConversationSourceType,
  type ConversationState,
  type LinkedObjectCategory,
  type LinkedObjectType,
  type SlaStatus,
} from "../schema/conversation.js";
import type { Message } from "../schema/message.js";
import { build, fromUnix } from "../schema/scalars.js";
import { IntercomDataSource, path } from "./intercom.js";
import { messageReducer, type RestMessage } from "./messages.js";
import { reduceTag } from "../generated/reducers/tags.js";
import type { RestTag } from "../generated/rest/tags.js";
import { attachmentsReducer, authorRef, idOrNull, unixOrUndefined, type RestAttachment, type RestAuthor, type RestReference, requiredId } from "./reducers.js";
import { nextCursorOf, paginationBody, type CursorPage, type RestPages } from "./paging.js";
import type { IntercomSearchQuery } from "./search-query.js";

interface RestPart {
  id: string;
  part_type: string;
  body?: string | null;
  created_at: number;
  updated_at?: number | null;
  notified_at?: number | null;
  assigned_to?: RestReference | null;
  author: RestAuthor;
  attachments?: RestAttachment[];
  external_id?: string | null;
  redacted?: boolean;
}

export interface RestConversation {
  type?: "conversation";
  id: string;
  title: string | null;
  created_at: number;
  updated_at: number;
  waiting_since: number | null;
  snoozed_until: number | null;
  open: boolean;
  state: string;
  read: boolean;
  priority?: string | null;
  admin_assignee_id: number | string | null;
  team_assignee_id: number | string | null;
  tags?: { tags: RestTag[] } | null;
  conversation_rating?: {
    rating?: number | null;
    remark?: string | null;
    created_at?: number | null;
    contact?: { id?: string | null } | null;
    teammate?: RestReference | null;
  } | null;
  source: {
    type: string;
    id: string | number;
    delivered_as?: string | null;
    subject?: string | null;
    body?: string | null;
    author: RestAuthor;
    attachments?: RestAttachment[];
    url?: string | null;
    redacted?: boolean;
  };
  contacts?: { contacts: Array<{ id: string }> } | null;
  teammates?: { teammates: RestReference[] } | null;
  custom_attributes?: Record<string, unknown> | null;
  first_contact_reply?: { created_at: number; type: string; url?: string | null } | null;
  sla_applied?: { sla_name: string; sla_status?: string | null } | null;
  statistics?: Record<string, number | string | null | undefined> | null;
  conversation_parts?: { conversation_parts: RestPart[]; total_count: number } | null;
  linked_objects?: {
    total_count: number;
    has_more: boolean;
    data: Array<{ type: string; id: string | number; category?: string | null }>;
  } | null;
  ai_agent_participated?: boolean | null;
  ai_agent?: {
    source_type?: string | null;
    source_title?: string | null;
    last_answer_type?: string | null;
    resolution_state?: string | null;
    rating?: number | null;
    rating_remark?: string | null;
    content_sources?: { content_sources: Array<{ content_type: string; url: string; title: string; locale: string }> } | null;
  } | null;
}

function partReducer(rest: RestPart): ConversationPart {
  return build(ConversationPart, {
    id: requiredId(rest.id),
    partType: rest.part_type,
    body: rest.body ?? null,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at),
    notifiedAt: fromUnix(rest.notified_at),
    assignedToType: rest.assigned_to?.type ?? null,
    assignedToId: idOrNull(rest.assigned_to?.id),
    authorType: rest.author.type,
    authorId: String(rest.author.id),
    authorRef: authorRef(rest.author),
    attachments: attachmentsReducer(rest.attachments),
    externalId: rest.external_id ?? null,
    redacted: rest.redacted ?? false,
  });
}

function statisticsReducer(s: NonNullable<RestConversation["statistics"]>) {
  const int = (k: string) => (typeof s[k] === "number" ? (s[k] as number) : null);
  const date = (k: string) => fromUnix(int(k));
  return {
    timeToAssignment: int("time_to_assignment"),
    timeToAdminReply: int("time_to_admin_reply"),
    timeToFirstClose: int("time_to_first_close"),
    timeToLastClose: int("time_to_last_close"),
    medianTimeToReply: int("median_time_to_reply"),
    firstContactReplyAt: date("first_contact_reply_at"),
    firstAssignmentAt: date("first_assignment_at"),
    firstAdminReplyAt: date("first_admin_reply_at"),
    firstCloseAt: date("first_close_at"),
    lastAssignmentAt: date("last_assignment_at"),
    lastAssignmentAdminReplyAt: date("last_assignment_admin_reply_at"),
    lastContactReplyAt: date("last_contact_reply_at"),
    lastAdminReplyAt: date("last_admin_reply_at"),
    lastCloseAt: date("last_close_at"),
    lastClosedById: idOrNull(s.last_closed_by_id),
    countReopens: int("count_reopens"),
    countAssignments: int("count_assignments"),
    countConversationParts: int("count_conversation_parts"),
  };
}

export function conversationReducer(rest: RestConversation): Conversation {
  const rating = rest.conversation_rating;
  const ai = rest.ai_agent;
  return build(Conversation, {
    id: requiredId(rest.id),
    title: rest.title ?? null,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at)!,
    waitingSince: fromUnix(rest.waiting_since),
    snoozedUntil: fromUnix(rest.snoozed_until),
    open: rest.open,
    state: rest.state as ConversationState,
    read: rest.read,
    priority: (rest.priority ?? null) as ConversationPriority | null,
    adminAssigneeId: idOrNull(rest.admin_assignee_id),
    teamAssigneeId: idOrNull(rest.team_assignee_id),
    tags: (rest.tags?.tags ?? []).map(reduceTag),
    conversationRating: rating
      ? build(ConversationRating, {
          rating: rating.rating ?? null,
          remark: rating.remark ?? null,
          createdAt: fromUnix(rating.created_at),
          contactId: idOrNull(rating.contact?.id),
          teammateId: idOrNull(rating.teammate?.id),
        })
      : null,
    source: build(ConversationSource, {
      type: rest.source.type as ConversationSourceType,
      id: String(rest.source.id),
      deliveredAs: rest.source.delivered_as ?? null,
      subject: rest.source.subject ?? null,
      body: rest.source.body ?? null,
      authorType: rest.source.author.type,
      authorId: String(rest.source.author.id),
      authorRef: authorRef(rest.source.author),
      attachments: attachmentsReducer(rest.source.attachments),
      url: rest.source.url ?? null,
      redacted: rest.source.redacted ?? false,
    }),
    contactIds: (rest.contacts?.contacts ?? []).map((c) => String(c.id)),
    teammateIds: (rest.teammates?.teammates ?? []).flatMap((t) => (t.id === null || t.id === undefined ? [] : [String(t.id)])),
    customAttributes: rest.custom_attributes ?? {},
    firstContactReply: rest.first_contact_reply
      ? {
          createdAt: fromUnix(rest.first_contact_reply.created_at)!,
          type: rest.first_contact_reply.type,
          url: rest.first_contact_reply.url ?? null,
        }
      : null,
    slaApplied: rest.sla_applied
      ? { slaName: rest.sla_applied.sla_name, slaStatus: (rest.sla_applied.sla_status ?? null) as SlaStatus | null }
      : null,
    statistics: rest.statistics ? statisticsReducer(rest.statistics) : null,
    linkedObjects: rest.linked_objects
      ? {
          totalCount: rest.linked_objects.total_count,
          hasMore: rest.linked_objects.has_more,
          nodes: rest.linked_objects.data.map((o) => ({
            type: o.type as LinkedObjectType,
            id: String(o.id),
            category: (o.category ?? null) as LinkedObjectCategory | null,
          })),
        }
      : null,
    aiAgentParticipated: rest.ai_agent_participated ?? null,
    aiAgent: ai
      ? build(AiAgent, {
          sourceType: (ai.source_type ?? null) as AiAgentSourceType | null,
          sourceTitle: ai.source_title ?? null,
          lastAnswerType: (ai.last_answer_type ?? null) as AiAgentLastAnswerType | null,
          resolutionState: (ai.resolution_state ?? null) as AiAgentResolutionState | null,
          rating: ai.rating ?? null,
          ratingRemark: ai.rating_remark ?? null,
          contentSources: (ai.content_sources?.content_sources ?? []).map((c) => ({
            contentType: c.content_type as ContentSourceType,
            url: c.url,
            title: c.title,
            locale: c.locale,
          })),
        })
      : null,
    partList: rest.conversation_parts
      ? build(ConversationPartList, {
          totalCount: rest.conversation_parts.total_count,
          nodes: rest.conversation_parts.conversation_parts.map(partReducer),
        })
      : undefined,
  });
}

/** Plain inputs of the conversation writes; the datasource turns them into Intercom's bodies. */
export interface AdminReply {
  adminId: string;
  messageType: "comment" | "note";
  body: string;
  attachmentUrls?: string[] | null;
  createdAt?: Date | null;
}

export interface ContactReply {
  intercomUserId?: string | null;
  userId?: string | null;
  email?: string | null;
  body: string;
  attachmentUrls?: string[] | null;
  createdAt?: Date | null;
}

/** A conversation started by a contact (POST /conversations). */
export interface NewConversation {
  from: { type: "user" | "lead" | "contact"; id: string };
  body: string;
  subject?: string | null;
  attachmentUrls?: string[] | null;
  createdAt?: Date | null;
}

/** Exactly one of the three identifies the contact to add. */
export interface ConversationCustomer {
  intercomUserId?: string | null;
  userId?: string | null;
  email?: string | null;
}

export type Redaction =
  | { type: "conversation_part"; conversationId: string; conversationPartId: string }
  | { type: "source"; conversationId: string; sourceId: string };

interface ConversationListBody {
  conversations: RestConversation[];
  total_count?: number;
  pages?: RestPages;
}

/** Conversations: list, retrieve, search, update, reply and manage. */
export class ConversationsAPI extends IntercomDataSource {
  async list(perPage: number, startingAfter?: string | null): Promise<CursorPage<Conversation>> {
    const body = await this.get<ConversationListBody>(path`conversations`, {
      params: { per_page: String(perPage), ...(startingAfter ? { starting_after: startingAfter } : {}) },
    });
    return this.page(body);
  }

  async getById(id: string): Promise<Conversation> {
    return conversationReducer(await this.get<RestConversation>(path`conversations/${id}`));
  }

  async search(query: IntercomSearchQuery, perPage: number, startingAfter?: string | null): Promise<CursorPage<Conversation>> {
    const body = await this.post<ConversationListBody>(path`conversations/search`, {
      read: true,
      body: { query, pagination: paginationBody(perPage, startingAfter) },
    });
    return this.page(body);
  }

  async update(id: string, changes: { read?: boolean | null; customAttributes?: Record<string, unknown> | null }): Promise<Conversation> {
    const body = {
      ...(changes.read !== undefined && changes.read !== null ? { read: changes.read } : {}),
      ...(changes.customAttributes ? { custom_attributes: changes.customAttributes } : {}),
    };
    return conversationReducer(await this.put<RestConversation>(path`conversations/${id}`, { body }));
  }

  async replyAsAdmin(id: string, reply: AdminReply): Promise<Conversation> {
    return this.reply(id, {
      message_type: reply.messageType,
      type: "admin",
      admin_id: reply.adminId,
      body: reply.body,
      attachment_urls: reply.attachmentUrls ?? undefined,
      created_at: unixOrUndefined(reply.createdAt),
    });
  }

  async replyAsContact(id: string, reply: ContactReply): Promise<Conversation> {
    return this.reply(id, {
      message_type: "comment",
      type: "user",
      intercom_user_id: reply.intercomUserId ?? undefined,
      user_id: reply.userId ?? undefined,
      email: reply.email ?? undefined,
      body: reply.body,
      attachment_urls: reply.attachmentUrls ?? undefined,
      created_at: unixOrUndefined(reply.createdAt),
    });
  }

  async close(id: string, adminId: string, message?: string | null): Promise<Conversation> {
    return this.manage(id, { message_type: "close", type: "admin", admin_id: adminId, body: message ?? undefined });
  }

  async open(id: string, adminId: string): Promise<Conversation> {
    return this.manage(id, { message_type: "open", admin_id: adminId });
  }

  async snooze(id: string, adminId: string, until: Date): Promise<Conversation> {
    return this.manage(id, { message_type: "snoozed", admin_id: adminId, snoozed_until: unixOrUndefined(until) });
  }

  async assign(
    id: string,
    assignment: { adminId: string; assigneeType: "admin" | "team"; assigneeId: string; body?: string | null },
  ): Promise<Conversation> {
    return this.manage(id, {
      message_type: "assignment",
      type: assignment.assigneeType,
      admin_id: assignment.adminId,
      assignee_id: assignment.assigneeId,
      body: assignment.body ?? undefined,
    });
  }

  /** A contact starts a conversation; Intercom answers with the message, carrying the new conversation's id. */
  async create(input: NewConversation): Promise<Message> {
    const body = {
      from: { type: input.from.type, id: input.from.id },
      body: input.body,
      subject: input.subject ?? undefined,
      attachment_urls: input.attachmentUrls ?? undefined,
      created_at: unixOrUndefined(input.createdAt),
    };
    return messageReducer(await this.post<RestMessage>(path`conversations`, { body }));
  }

  async attachContact(id: string, adminId: string, customer: ConversationCustomer): Promise<Conversation> {
    const body = {
      admin_id: adminId,
      customer: customer.intercomUserId
        ? { intercom_user_id: customer.intercomUserId }
        : customer.userId
          ? { user_id: customer.userId }
          : { email: customer.email },
    };
    return conversationReducer(await this.post<RestConversation>(path`conversations/${id}/customers`, { body }));
  }

  async detachContact(id: string, contactId: string, adminId: string): Promise<Conversation> {
    return conversationReducer(
      await this.delete<RestConversation>(path`conversations/${id}/customers/${contactId}`, { body: { admin_id: adminId } }),
    );
  }

  async redact(redaction: Redaction): Promise<Conversation> {
    const body =
      redaction.type === "source"
        ? { type: "source", conversation_id: redaction.conversationId, source_id: redaction.sourceId }
        : { type: "conversation_part", conversation_id: redaction.conversationId, conversation_part_id: redaction.conversationPartId };
    return conversationReducer(await this.post<RestConversation>(path`conversations/redact`, { body }));
  }

  async runAssignmentRules(id: string): Promise<Conversation> {
    return conversationReducer(await this.post<RestConversation>(path`conversations/${id}/run_assignment_rules`));
  }

  private async reply(id: string, body: Record<string, unknown>): Promise<Conversation> {
    return conversationReducer(await this.post<RestConversation>(path`conversations/${id}/reply`, { body }));
  }

  private async manage(id: string, body: Record<string, unknown>): Promise<Conversation> {
    return conversationReducer(await this.post<RestConversation>(path`conversations/${id}/parts`, { body }));
  }

  private page(body: ConversationListBody): CursorPage<Conversation> {
    return {
      items: (body.conversations ?? []).map(conversationReducer),
      nextCursor: nextCursorOf(body.pages),
      totalCount: body.total_count ?? null,
    };
  }
}
