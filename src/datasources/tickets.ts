import { LinkedObject, LinkedObjectList, type LinkedObjectCategory, type LinkedObjectType } from "../schema/conversation.js";
import { build, fromUnix } from "../schema/scalars.js";
import { Tag } from "../schema/tag.js";
import type { TicketCategory } from "../schema/ticket-type.js";
import { Ticket, TicketPart, type TicketState } from "../schema/ticket.js";
import { IntercomDataSource, path } from "./intercom.js";
import { nextCursorOf, paginationBody, type CursorPage, type RestPages } from "./paging.js";
import { reduceTag } from "../generated/reducers/tags.js";
import type { RestTag } from "../generated/rest/tags.js";
import { attachmentsReducer, authorRef, defined, idOrNull, unixOrUndefined, type RestAttachment, type RestAuthor, requiredId } from "./reducers.js";
import type { IntercomSearchQuery } from "./search-query.js";
import { ticketTypeReducer, type RestTicketType } from "./ticket-types.js";

export interface RestTicketPart {
  id: string | number;
  part_type: string;
  body?: string | null;
  previous_ticket_state?: string | null;
  ticket_state?: string | null;
  created_at: number;
  updated_at?: number | null;
  assigned_to?: { type: string; id?: string | number | null } | null;
  author: RestAuthor;
  attachments?: RestAttachment[] | null;
  external_id?: string | null;
  redacted?: boolean | null;
}

export interface RestTicket {
  id: string | number;
  ticket_id: string | number;
  category: string;
  ticket_attributes?: Record<string, unknown> | null;
  ticket_state: string;
  ticket_type?: RestTicketType | null;
  contacts?: { contacts?: Array<{ id: string }> | null } | null;
  admin_assignee_id?: string | number | null;
  team_assignee_id?: string | number | null;
  created_at?: number | null;
  updated_at?: number | null;
  open?: boolean | null;
  snoozed_until?: number | null;
  linked_objects?: { total_count: number; has_more: boolean; data: Array<{ type: string; id: string | number; category?: string | null }> } | null;
  ticket_parts?: { ticket_parts?: RestTicketPart[] | null; total_count?: number | null } | null;
  is_shared?: boolean | null;
  ticket_state_internal_label?: string | null;
  ticket_state_external_label?: string | null;
  /** Not in the 2.11 schema; read when Intercom sends it. */
  tags?: { tags?: RestTag[] | null } | null;
}

interface RestTicketList {
  tickets?: RestTicket[] | null;
  total_count?: number | null;
  pages?: RestPages | null;
}

/** Intercom says `0` (or sends nothing) for "nobody assigned". */
const assigneeId = (id: string | number | null | undefined) => (id === null || id === undefined || id === "" || String(id) === "0" ? null : String(id));

export function ticketPartReducer(rest: RestTicketPart): TicketPart {
  return build(TicketPart, {
    id: requiredId(rest.id),
    partType: rest.part_type,
    body: rest.body ?? null,
    previousTicketState: (rest.previous_ticket_state ?? null) as TicketState | null,
    ticketState: (rest.ticket_state ?? null) as TicketState | null,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at),
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

/** Tickets carry applied tags in the same shape as conversations. */
export const ticketTagReducer = reduceTag;

export function ticketReducer(rest: RestTicket): Ticket {
  const parts = rest.ticket_parts?.ticket_parts ?? [];
  return build(Ticket, {
    id: requiredId(rest.id),
    ticketId: String(rest.ticket_id),
    category: rest.category as TicketCategory,
    ticketAttributes: rest.ticket_attributes ?? {},
    ticketState: rest.ticket_state as TicketState,
    ticketTypeId: rest.ticket_type ? String(rest.ticket_type.id) : null,
    ticketType: rest.ticket_type ? ticketTypeReducer(rest.ticket_type) : null,
    contactIds: (rest.contacts?.contacts ?? []).map((c) => String(c.id)),
    adminAssigneeId: assigneeId(rest.admin_assignee_id),
    teamAssigneeId: assigneeId(rest.team_assignee_id),
    createdAt: fromUnix(rest.created_at),
    updatedAt: fromUnix(rest.updated_at),
    open: rest.open ?? null,
    snoozedUntil: fromUnix(rest.snoozed_until),
    linkedObjects: rest.linked_objects
      ? build(LinkedObjectList, {
          totalCount: rest.linked_objects.total_count,
          hasMore: rest.linked_objects.has_more,
          nodes: rest.linked_objects.data.map((o) =>
            build(LinkedObject, { type: o.type as LinkedObjectType, id: String(o.id), category: (o.category ?? null) as LinkedObjectCategory | null }),
          ),
        })
      : null,
    isShared: rest.is_shared ?? null,
    ticketStateInternalLabel: rest.ticket_state_internal_label ?? null,
    ticketStateExternalLabel: rest.ticket_state_external_label ?? null,
    tagList: (rest.tags?.tags ?? []).map(ticketTagReducer),
    parts: parts.map(ticketPartReducer),
    partsTotalCount: rest.ticket_parts?.total_count ?? parts.length,
  });
}

/** Plain inputs of the ticket writes; the datasource turns them into Intercom's bodies. */
export interface NewTicket {
  ticketTypeId: string;
  contacts: Array<{ id?: string | null; externalId?: string | null; email?: string | null }>;
  companyId?: string | null;
  createdAt?: Date | null;
  ticketAttributes?: Record<string, unknown> | null;
}

export interface TicketChanges {
  ticketAttributes?: Record<string, unknown> | null;
  state?: string | null;
  open?: boolean | null;
  isShared?: boolean | null;
  snoozedUntil?: Date | null;
  assignment?: { adminId: string; assigneeId: string } | null;
}

export interface AdminTicketReply {
  adminId: string;
  messageType?: string | null;
  body?: string | null;
  replyOptions?: Array<{ text: string; uuid: string }> | null;
  attachmentUrls?: string[] | null;
  createdAt?: Date | null;
  crossPost?: boolean | null;
}

export interface ContactTicketReply {
  intercomUserId?: string | null;
  userId?: string | null;
  email?: string | null;
  body: string;
  attachmentUrls?: string[] | null;
  createdAt?: Date | null;
}



/** Tickets: read, search, write, reply, tag, and convert a conversation into one. */
export class TicketsAPI extends IntercomDataSource {
  async getById(id: string): Promise<Ticket> {
    return ticketReducer(await this.get<RestTicket>(path`tickets/${id}`));
  }

  async search(query: IntercomSearchQuery, perPage: number, startingAfter?: string | null): Promise<CursorPage<Ticket>> {
    const body = await this.post<RestTicketList>(path`tickets/search`, { read: true, body: { query, pagination: paginationBody(perPage, startingAfter) } });
    return {
      items: (body.tickets ?? []).map(ticketReducer),
      nextCursor: nextCursorOf(body.pages),
      totalCount: body.total_count ?? null,
    };
  }

  async create(input: NewTicket): Promise<Ticket> {
    const body = defined({
      ticket_type_id: input.ticketTypeId,
      contacts: input.contacts.map((c) => defined({ id: c.id, external_id: c.externalId, email: c.email })),
      company_id: input.companyId,
      created_at: unixOrUndefined(input.createdAt),
      ticket_attributes: input.ticketAttributes,
    });
    return ticketReducer(await this.post<RestTicket>(path`tickets`, { body }));
  }

  async update(id: string, changes: TicketChanges): Promise<Ticket> {
    const body = defined({
      ticket_attributes: changes.ticketAttributes,
      state: changes.state,
      open: changes.open,
      is_shared: changes.isShared,
      snoozed_until: unixOrUndefined(changes.snoozedUntil),
      assignment: changes.assignment ? { admin_id: changes.assignment.adminId, assignee_id: changes.assignment.assigneeId } : undefined,
    });
    return ticketReducer(await this.put<RestTicket>(path`tickets/${id}`, { body }));
  }

  async replyAsAdmin(id: string, reply: AdminTicketReply): Promise<TicketPart> {
    return this.reply(id, {
      message_type: reply.messageType ?? "comment",
      type: "admin",
      admin_id: reply.adminId,
      body: reply.body,
      reply_options: reply.replyOptions?.map((o) => ({ text: o.text, uuid: o.uuid })),
      attachment_urls: reply.attachmentUrls,
      created_at: unixOrUndefined(reply.createdAt),
      cross_post: reply.crossPost,
    });
  }

  async replyAsContact(id: string, reply: ContactTicketReply): Promise<TicketPart> {
    return this.reply(id, {
      message_type: "comment",
      type: "user",
      intercom_user_id: reply.intercomUserId,
      user_id: reply.userId,
      email: reply.email,
      body: reply.body,
      attachment_urls: reply.attachmentUrls,
      created_at: unixOrUndefined(reply.createdAt),
    });
  }

  async attachTag(id: string, tagId: string, adminId: string): Promise<Tag> {
    return ticketTagReducer(await this.post<RestTag>(path`tickets/${id}/tags`, { body: { id: tagId, admin_id: adminId } }));
  }

  async detachTag(id: string, tagId: string, adminId: string): Promise<Tag> {
    return ticketTagReducer(await this.delete<RestTag>(path`tickets/${id}/tags/${tagId}`, { body: { admin_id: adminId } }));
  }

  async convertConversation(conversationId: string, ticketTypeId: string, attributes?: Record<string, unknown> | null): Promise<Ticket> {
    const body = defined({ ticket_type_id: ticketTypeId, attributes });
    return ticketReducer(await this.post<RestTicket>(path`conversations/${conversationId}/convert`, { body }));
  }

  private async reply(id: string, body: Record<string, unknown>): Promise<TicketPart> {
    return ticketPartReducer(await this.post<RestTicketPart>(path`tickets/${id}/reply`, { body: defined(body) }));
  }
}
