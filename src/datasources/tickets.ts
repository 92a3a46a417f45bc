import { reduceTag } from "../generated/reducers/tags.js";
import { reduceTicket, reduceTicketPart } from "../generated/reducers/tickets.js";
import type { RestTag } from "../generated/rest/tags.js";
import type { RestTicket, RestTicketList, RestTicketReply } from "../generated/rest/tickets.js";
import type { Tag } from "../schema/tag.js";
import { TICKET_NO_LIST_FIELDS, TicketSearchField, type Ticket, type TicketPart, type TicketSearchQuery } from "../schema/ticket.js";
import { contactReplyBody, type ContactReply } from "./conversations.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";
import { nextCursorOf, paginationBody, type CursorPage } from "./paging.js";
import { defined, unixOrUndefined } from "./reducers.js";
import { toIntercomQuery, type IntercomSearchQuery, type SearchQueryInput } from "./search-query.js";

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
    return reduceTicket(await this.get<RestTicket>(path`tickets/${id}`));
  }

  /** The graph's ticket search (`TICKET_ATTRIBUTE` + `attributeId` become Intercom's `ticket_attribute.{id}`), checked before any call. */
  searchFor(query: TicketSearchQuery, perPage: number, startingAfter?: string | null): Promise<CursorPage<Ticket>> {
    return this.search(toIntercomQuery(searchInput(query), TICKET_NO_LIST_FIELDS), perPage, startingAfter);
  }

  async search(query: IntercomSearchQuery, perPage: number, startingAfter?: string | null): Promise<CursorPage<Ticket>> {
    const body = await this.post<RestTicketList>(path`tickets/search`, { read: true, body: { query, pagination: paginationBody(perPage, startingAfter) } });
    return {
      items: (body.tickets ?? []).map(reduceTicket),
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
    return this.write(WRITE_EFFECTS.createTicket, input, async () => reduceTicket(await this.post<RestTicket>(path`tickets`, { body })));
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
    return this.write(WRITE_EFFECTS.updateTicket, { id }, async () => reduceTicket(await this.put<RestTicket>(path`tickets/${id}`, { body })));
  }

  /** A reply as an admin (a comment or note needs a body, a quick reply its options) or as a contact named by exactly one identity. */
  async replyTo(id: string, reply: { admin?: AdminTicketReply | null; contact?: ContactReply | null }): Promise<TicketPart> {
    if (Boolean(reply.admin) === Boolean(reply.contact)) throw badInput("Set exactly one of input.admin or input.contact", "input");
    const admin = reply.admin;
    if (admin && (admin.messageType === "quick_reply" ? !admin.replyOptions?.length : !admin.body)) {
      throw badInput(admin.messageType === "quick_reply" ? "A quick reply needs replyOptions" : "A comment or note needs a body", "input.admin");
    }
    const contact = reply.contact;
    if (contact && [contact.intercomUserId, contact.userId, contact.email].filter((v) => v !== undefined && v !== null).length !== 1) {
      throw badInput("Identify the contact with exactly one of intercomUserId, userId or email", "input.contact");
    }
    return admin ? this.replyAsAdmin(id, admin) : this.reply(id, contactReplyBody(contact!));
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

  async attachTag(id: string, tagId: string, adminId: string): Promise<Tag> {
    return this.write(WRITE_EFFECTS.attachTagToTicket, { ticketId: id }, async () => reduceTag(await this.post<RestTag>(path`tickets/${id}/tags`, { body: { id: tagId, admin_id: adminId } })));
  }

  async detachTag(id: string, tagId: string, adminId: string): Promise<Tag> {
    return this.write(WRITE_EFFECTS.detachTagFromTicket, { ticketId: id }, async () => reduceTag(await this.delete<RestTag>(path`tickets/${id}/tags/${tagId}`, { body: { admin_id: adminId } })));
  }

  async convertConversation(conversationId: string, ticketTypeId: string, attributes?: Record<string, unknown> | null): Promise<Ticket> {
    const body = defined({ ticket_type_id: ticketTypeId, attributes });
    return this.write(WRITE_EFFECTS.convertConversationToTicket, { conversationId }, async () => reduceTicket(await this.post<RestTicket>(path`conversations/${conversationId}/convert`, { body })));
  }

  private async reply(id: string, body: Record<string, unknown>): Promise<TicketPart> {
    return this.write(WRITE_EFFECTS.replyToTicket, { id }, async () => reduceTicketPart(await this.post<RestTicketReply>(path`tickets/${id}/reply`, { body: defined(body) })));
  }
}
