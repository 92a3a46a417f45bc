import { reduceConversation } from "../generated/reducers/conversations.js";
import type { RestConversation, RestPaginatedConversationResponse } from "../generated/rest/conversations.js";
import type { Conversation } from "../schema/conversation.js";
import type { Message } from "../schema/message.js";
import { IntercomDataSource, path } from "./intercom.js";
import { messageReducer, type RestMessage } from "./messages.js";
import { unixOrUndefined } from "./reducers.js";
import { nextCursorOf, paginationBody, type CursorPage } from "./paging.js";
import type { IntercomSearchQuery } from "./search-query.js";

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

/** Conversations: list, retrieve, search, update, reply and manage. */
export class ConversationsAPI extends IntercomDataSource {
  async list(perPage: number, startingAfter?: string | null): Promise<CursorPage<Conversation>> {
    const body = await this.get<RestPaginatedConversationResponse>(path`conversations`, {
      params: { per_page: String(perPage), ...(startingAfter ? { starting_after: startingAfter } : {}) },
    });
    return this.page(body);
  }

  async getById(id: string): Promise<Conversation> {
    return reduceConversation(await this.get<RestConversation>(path`conversations/${id}`));
  }

  async search(query: IntercomSearchQuery, perPage: number, startingAfter?: string | null): Promise<CursorPage<Conversation>> {
    const body = await this.post<RestPaginatedConversationResponse>(path`conversations/search`, {
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
    return reduceConversation(await this.put<RestConversation>(path`conversations/${id}`, { body }));
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
    return reduceConversation(await this.post<RestConversation>(path`conversations/${id}/customers`, { body }));
  }

  async detachContact(id: string, contactId: string, adminId: string): Promise<Conversation> {
    return reduceConversation(
      await this.delete<RestConversation>(path`conversations/${id}/customers/${contactId}`, { body: { admin_id: adminId } }),
    );
  }

  async redact(redaction: Redaction): Promise<Conversation> {
    const body =
      redaction.type === "source"
        ? { type: "source", conversation_id: redaction.conversationId, source_id: redaction.sourceId }
        : { type: "conversation_part", conversation_id: redaction.conversationId, conversation_part_id: redaction.conversationPartId };
    return reduceConversation(await this.post<RestConversation>(path`conversations/redact`, { body }));
  }

  async runAssignmentRules(id: string): Promise<Conversation> {
    return reduceConversation(await this.post<RestConversation>(path`conversations/${id}/run_assignment_rules`));
  }

  private async reply(id: string, body: Record<string, unknown>): Promise<Conversation> {
    return reduceConversation(await this.post<RestConversation>(path`conversations/${id}/reply`, { body }));
  }

  private async manage(id: string, body: Record<string, unknown>): Promise<Conversation> {
    return reduceConversation(await this.post<RestConversation>(path`conversations/${id}/parts`, { body }));
  }

  private page(body: RestPaginatedConversationResponse): CursorPage<Conversation> {
    return {
      items: (body.conversations ?? []).map(reduceConversation),
      nextCursor: nextCursorOf(body.pages),
      totalCount: body.total_count ?? null,
    };
  }
}
