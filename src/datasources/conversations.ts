import { reduceConversation } from "../generated/reducers/conversations.js";
import { reduceMessage } from "../generated/reducers/messages.js";
import type { RestConversation, RestPaginatedConversationResponse } from "../generated/rest/conversations.js";
import type { RestMessage } from "../generated/rest/messages.js";
import type { Conversation } from "../schema/conversation.js";
import type { Message } from "../schema/message.js";
import { badInput } from "./errors.js";
import { IntercomDataSource, path } from "./intercom.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { unixOrUndefined } from "./reducers.js";
import { nextCursorOf, paginationBody, type CursorPage } from "./paging.js";
import { toIntercomQuery, type IntercomSearchQuery, type SearchQueryInput } from "./search-query.js";
import { CONVERSATION_NO_LIST_FIELDS } from "../schema/search.js";

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

/** What to redact: a conversation part, or the source message (exactly one of the two ids). */
export interface Redaction {
  conversationId: string;
  type: "source" | "conversation_part";
  sourceId?: string | null;
  conversationPartId?: string | null;
}

/** Exactly one of the two, and a contact named by exactly one identity. */
export interface ConversationReply {
  admin?: AdminReply | null;
  contact?: ContactReply | null;
}

const exactlyOne = (...values: unknown[]) => values.filter((v) => v !== undefined && v !== null).length === 1;

/** Users' and leads' ids are 24 hex characters (the document's `format: uuid` is a defect); a visitor's (type CONTACT) may be anything. */
const CONTACT_ID = /^[0-9a-f]{24}$/i;

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

  /** The graph's conversation search, checked against Intercom's rules and turned into its query before any call. */
  searchFor(query: SearchQueryInput, perPage: number, startingAfter?: string | null): Promise<CursorPage<Conversation>> {
    return this.search(toIntercomQuery(query, CONVERSATION_NO_LIST_FIELDS), perPage, startingAfter);
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
    return this.write(WRITE_EFFECTS.updateConversation, { id }, async () => reduceConversation(await this.put<RestConversation>(path`conversations/${id}`, { body })));
  }

  /** A reply as an admin (comment or note) or as a contact named by exactly one of its identities. */
  async reply(id: string, reply: ConversationReply): Promise<Conversation> {
    if (Boolean(reply.admin) === Boolean(reply.contact)) throw badInput("Set exactly one of input.admin or input.contact", "input");
    if (reply.contact && !exactlyOne(reply.contact.intercomUserId, reply.contact.userId, reply.contact.email)) {
      throw badInput("Identify the contact with exactly one of intercomUserId, userId or email", "input.contact");
    }
    const body = reply.admin ? adminReplyBody(reply.admin) : contactReplyBody(reply.contact!);
    return this.write(WRITE_EFFECTS.replyToConversation, { id }, async () =>
      reduceConversation(await this.post<RestConversation>(path`conversations/${id}/reply`, { body })),
    );
  }

  async close(id: string, adminId: string, message?: string | null): Promise<Conversation> {
    return this.manage(WRITE_EFFECTS.closeConversation, id, { message_type: "close", type: "admin", admin_id: adminId, body: message ?? undefined });
  }

  async open(id: string, adminId: string): Promise<Conversation> {
    return this.manage(WRITE_EFFECTS.openConversation, id, { message_type: "open", admin_id: adminId });
  }

  async snooze(id: string, adminId: string, until: Date): Promise<Conversation> {
    return this.manage(WRITE_EFFECTS.snoozeConversation, id, { message_type: "snoozed", admin_id: adminId, snoozed_until: unixOrUndefined(until) });
  }

  async assign(
    id: string,
    assignment: { adminId: string; assigneeType: "admin" | "team"; assigneeId: string; body?: string | null },
  ): Promise<Conversation> {
    return this.manage(WRITE_EFFECTS.assignConversation, id, {
      message_type: "assignment",
      type: assignment.assigneeType,
      admin_id: assignment.adminId,
      assignee_id: assignment.assigneeId,
      body: assignment.body ?? undefined,
    });
  }

  /** A contact starts a conversation; Intercom answers with the message, carrying the new conversation's id. */
  async create(input: NewConversation): Promise<Message> {
    if (input.from.type !== "contact" && !CONTACT_ID.test(input.from.id)) {
      throw badInput("from.id must be a contact id: 24 hexadecimal characters", "input.from.id");
    }
    if (input.attachmentUrls && input.attachmentUrls.length > 10) throw badInput("At most 10 attachment URLs", "input.attachmentUrls");
    const body = {
      from: { type: input.from.type, id: input.from.id },
      body: input.body,
      subject: input.subject ?? undefined,
      attachment_urls: input.attachmentUrls ?? undefined,
      created_at: unixOrUndefined(input.createdAt),
    };
    return this.write(WRITE_EFFECTS.createConversation, {}, async () => reduceMessage(await this.post<RestMessage>(path`conversations`, { body })));
  }

  async attachContact(id: string, adminId: string, customer: ConversationCustomer): Promise<Conversation> {
    if (!exactlyOne(customer.intercomUserId, customer.userId, customer.email)) {
      throw badInput("Identify the contact with exactly one of intercomUserId, userId or email", "input.customer");
    }
    const body = {
      admin_id: adminId,
      customer: customer.intercomUserId
        ? { intercom_user_id: customer.intercomUserId }
        : customer.userId
          ? { user_id: customer.userId }
          : { email: customer.email },
    };
    return this.write(WRITE_EFFECTS.attachContactToConversation, { id }, async () =>
      reduceConversation(await this.post<RestConversation>(path`conversations/${id}/customers`, { body })),
    );
  }

  async detachContact(id: string, contactId: string, adminId: string): Promise<Conversation> {
    return this.write(WRITE_EFFECTS.detachContactFromConversation, { id }, async () =>
      reduceConversation(await this.delete<RestConversation>(path`conversations/${id}/customers/${contactId}`, { body: { admin_id: adminId } })),
    );
  }

  /** Redacts the source message (by sourceId) or a part (by conversationPartId): exactly the one id its type takes. */
  async redact(redaction: Redaction): Promise<Conversation> {
    let body: Record<string, unknown>;
    if (redaction.type === "source") {
      if (!redaction.sourceId || redaction.conversationPartId) throw badInput("Redacting the source takes sourceId (and no conversationPartId)", "input.sourceId");
      body = { type: "source", conversation_id: redaction.conversationId, source_id: redaction.sourceId };
    } else {
      if (!redaction.conversationPartId || redaction.sourceId) throw badInput("Redacting a part takes conversationPartId (and no sourceId)", "input.conversationPartId");
      body = { type: "conversation_part", conversation_id: redaction.conversationId, conversation_part_id: redaction.conversationPartId };
    }
    return this.write(WRITE_EFFECTS.redactConversationPart, { id: redaction.conversationId }, async () =>
      reduceConversation(await this.post<RestConversation>(path`conversations/redact`, { body })),
    );
  }

  async runAssignmentRules(id: string): Promise<Conversation> {
    return this.write(WRITE_EFFECTS.runAssignmentRules, { id }, async () =>
      reduceConversation(await this.post<RestConversation>(path`conversations/${id}/run_assignment_rules`)),
    );
  }

  private async manage(effects: typeof WRITE_EFFECTS.closeConversation, id: string, body: Record<string, unknown>): Promise<Conversation> {
    return this.write(effects, { id }, async () => reduceConversation(await this.post<RestConversation>(path`conversations/${id}/parts`, { body })));
  }

  private page(body: RestPaginatedConversationResponse): CursorPage<Conversation> {
    return {
      items: (body.conversations ?? []).map(reduceConversation),
      nextCursor: nextCursorOf(body.pages),
      totalCount: body.total_count ?? null,
    };
  }
}

function adminReplyBody(reply: AdminReply): Record<string, unknown> {
  return {
    message_type: reply.messageType,
    type: "admin",
    admin_id: reply.adminId,
    body: reply.body,
    attachment_urls: reply.attachmentUrls ?? undefined,
    created_at: unixOrUndefined(reply.createdAt),
  };
}

/** A contact's reply (`contact_reply_base_request`): the same body for a conversation and a ticket. */
export function contactReplyBody(reply: ContactReply): Record<string, unknown> {
  return {
    message_type: "comment",
    type: "user",
    intercom_user_id: reply.intercomUserId ?? undefined,
    user_id: reply.userId ?? undefined,
    email: reply.email ?? undefined,
    body: reply.body,
    attachment_urls: reply.attachmentUrls ?? undefined,
    created_at: unixOrUndefined(reply.createdAt),
  };
}
