import { LinkedObject, LinkedObjectList, type LinkedObjectCategory, type LinkedObjectType } from "../schema/conversation.js";
import { build, fromUnix } from "../schema/scalars.js";
import { Tag } from "../schema/tag.js";
import type { TicketCategory } from "../schema/ticket-type.js";
import { TICKET_NO_LIST_FIELDS, Ticket, TicketPart, TicketSearchField, type TicketSearchQuery, type TicketState } from "../schema/ticket.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";
import { nextCursorOf, paginationBody, type CursorPage, type RestPages } from "./paging.js";
import { attachmentsReducer, authorRef, defined, idOrNull, tagReducer, unixOrUndefined, type RestAttachment, type RestAuthor, type RestTag, requiredId } from "./reducers.js";
import { toIntercomQuery, type IntercomSearchQuery, type SearchQueryInput } from "./search-query.js";
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
export const ticketTagReducer = tagReducer;

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
/** `TICKET_ATTRIBUTE` + `attributeId` become Intercom's `ticket_attribute.{id}` field. */
function searchInput(query: TicketSearchQuery, path = "query"): SearchQueryInput {
  const isAttribute = query.field === TicketSearchField.TICKET_ATTRIBUTE;
  if (isAttribute !== (query.attributeId !== undefined && query.attributeId !== null)) {
    throw badInput(`${path}: attributeId goes with field TICKET_ATTRIBUTE, and only with it`, `${path}.attributeId`);
  }
  return {
    field: isAttribute ? `ticket_attribute.${query.attributeId}` : query.field,
    operator: query.operator,
    value: query.value,
    and: query.and?.map((q, i) => searchInput(q, `${path}.and[${i}]`)),
    or: query.or?.map((q, i) => searchInput(q, `${path}.or[${i}]`)),
  };
}

export class TicketsAPI extends IntercomDataSource {
  async getById(id: string): Promise<Ticket> {
    return ticketReducer(await this.get<RestTicket>(path`tickets/${id}`));
  }

  /** The graph's ticket search (`TICKET_ATTRIBUTE` + `attributeId` become Intercom's `ticket_attribute.{id}`), checked before any call. */
  searchFor(query: TicketSearchQuery, perPage: number, startingAfter?: string | null): Promise<CursorPage<Ticket>> {
    return this.search(toIntercomQuery(searchInput(query), TICKET_NO_LIST_FIELDS), perPage, startingAfter);
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
    if (input.contacts.length !== 1) throw badInput("A ticket currently takes exactly one contact", "input.contacts");
    for (const contact of input.contacts) {
      if ([contact.id, contact.externalId, contact.email].filter((v) => v !== undefined && v !== null).length !== 1) {
        throw badInput("Identify the contact with exactly one of id, externalId or email", "input.contacts");
      }
    }
    const body = defined({
      ticket_type_id: input.ticketTypeId,
      contacts: input.contacts.map((c) => defined({ id: c.id, external_id: c.externalId, email: c.email })),
      company_id: input.companyId,
      created_at: unixOrUndefined(input.createdAt),
      ticket_attributes: input.ticketAttributes,
    });
    return this.write(WRITE_EFFECTS.createTicket, input, async () => ticketReducer(await this.post<RestTicket>(path`tickets`, { body })));
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
    return this.write(WRITE_EFFECTS.updateTicket, { id }, async () => ticketReducer(await this.put<RestTicket>(path`tickets/${id}`, { body })));
  }

  /** A reply as an admin (a comment or note needs a body, a quick reply its options) or as a contact named by exactly one identity. */
  async replyTo(id: string, reply: { admin?: AdminTicketReply | null; contact?: ContactTicketReply | null }): Promise<TicketPart> {
    if (Boolean(reply.admin) === Boolean(reply.contact)) throw badInput("Set exactly one of input.admin or input.contact", "input");
    const admin = reply.admin;
    if (admin && (admin.messageType === "quick_reply" ? !admin.replyOptions?.length : !admin.body)) {
      throw badInput(admin.messageType === "quick_reply" ? "A quick reply needs replyOptions" : "A comment or note needs a body", "input.admin");
    }
    const contact = reply.contact;
    if (contact && [contact.intercomUserId, contact.userId, contact.email].filter((v) => v !== undefined && v !== null).length !== 1) {
      throw badInput("Identify the contact with exactly one of intercomUserId, userId or email", "input.contact");
    }
    return admin ? this.replyAsAdmin(id, admin) : this.replyAsContact(id, contact!);
  }

  private async replyAsAdmin(id: string, reply: AdminTicketReply): Promise<TicketPart> {
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

  private async replyAsContact(id: string, reply: ContactTicketReply): Promise<TicketPart> {
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
    return this.write(WRITE_EFFECTS.attachTagToTicket, { ticketId: id }, async () => ticketTagReducer(await this.post<RestTag>(path`tickets/${id}/tags`, { body: { id: tagId, admin_id: adminId } })));
  }

  async detachTag(id: string, tagId: string, adminId: string): Promise<Tag> {
    return this.write(WRITE_EFFECTS.detachTagFromTicket, { ticketId: id }, async () => ticketTagReducer(await this.delete<RestTag>(path`tickets/${id}/tags/${tagId}`, { body: { admin_id: adminId } })));
  }

  async convertConversation(conversationId: string, ticketTypeId: string, attributes?: Record<string, unknown> | null): Promise<Ticket> {
    const body = defined({ ticket_type_id: ticketTypeId, attributes });
    return this.write(WRITE_EFFECTS.convertConversationToTicket, { conversationId }, async () => ticketReducer(await this.post<RestTicket>(path`conversations/${conversationId}/convert`, { body })));
  }

  private async reply(id: string, body: Record<string, unknown>): Promise<TicketPart> {
    return this.write(WRITE_EFFECTS.replyToTicket, { id }, async () => ticketPartReducer(await this.post<RestTicketPart>(path`tickets/${id}/reply`, { body: defined(body) })));
  }
}
