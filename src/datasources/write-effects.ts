import type { CachedResource } from "./cache.js";

/**
 * What a write changed, in the data's own terms: an object (by kind and id, with its new state
 * when the answer carries it), an object gone, or every object of a kind. The datasource that
 * made the write reports its effects; the request context applies them to the request's loaders
 * (src/loaders/effects.ts) and to the shared cache (`CACHED_KINDS`). Nothing above the
 * datasources decides what a write invalidates.
 */
export type WriteEffect =
  | { kind: EffectKind; id: string; value?: object }
  | { kind: EffectKind; id: string; gone: true }
  | { kind: EffectKind; all: true };

export type EffectKind =
  | "admin"
  | "contact"
  /** A contact's tags, notes, companies, conversations or subscription choices (by contact id). */
  | "contact.tags"
  | "contact.notes"
  | "contact.companies"
  | "contact.subscriptionTypes"
  | "conversation"
  | "company"
  | "tag"
  | "note"
  | "article"
  | "collection"
  | "newsItem"
  | "dataAttribute"
  | "dataExport"
  | "ticket"
  | "ticketType";

export const changed = (kind: EffectKind, id: string, value?: object): WriteEffect => ({ kind, id, ...(value ? { value } : {}) });
export const gone = (kind: EffectKind, id: string): WriteEffect => ({ kind, id, gone: true });
export const all = (kind: EffectKind): WriteEffect => ({ kind, all: true });

/** The kinds the shared cache holds, and the resource whose generation a write to them renews. */
export const CACHED_KINDS: Partial<Record<EffectKind, CachedResource>> = {
  admin: "admins",
  tag: "tags",
  dataAttribute: "data_attributes",
  ticketType: "ticket_types",
};

type Identified = { id: string };

/** A write to one conversation, answered with the conversation. */
function conversationWrite({ id }: { id: string }, conversation?: Identified): WriteEffect[] {
  // A reply may name the conversation `last`: the answer says which one it was.
  return [changed("conversation", conversation?.id ?? id, conversation)];
}

/**
 * Every write of the graph and what it changes — the one table. Each entry gets the write's
 * arguments and, once Intercom has answered, its result (undefined when the write failed: its
 * effects are then applied without new states, since it may still have happened upstream).
 */
export const WRITE_EFFECTS = {
  setAdminAway: ({ id }: { id: string }, admin?: Identified) => [changed("admin", id, admin)],

  createContact: (_: unknown, contact?: Identified) => (contact ? [changed("contact", contact.id, contact)] : []),
  updateContact: ({ id }: { id: string }, contact?: Identified) => [changed("contact", id, contact)],
  deleteContact: ({ id }: { id: string }) => [gone("contact", id)],
  archiveContact: ({ id }: { id: string }) => [changed("contact", id)],
  unarchiveContact: ({ id }: { id: string }) => [changed("contact", id)],
  mergeContacts: ({ from, into }: { from: string; into: string }, contact?: Identified) => [gone("contact", from), changed("contact", into, contact)],
  convertVisitor: (_: unknown, contact?: Identified) => (contact ? [changed("contact", contact.id, contact)] : []),

  // Conversations: any write can change which contacts a conversation has, and the order of their lists.
  updateConversation: conversationWrite,
  replyToConversation: conversationWrite,
  closeConversation: conversationWrite,
  openConversation: conversationWrite,
  snoozeConversation: conversationWrite,
  assignConversation: conversationWrite,
  attachContactToConversation: conversationWrite,
  detachContactFromConversation: conversationWrite,
  redactConversationPart: conversationWrite,
  runAssignmentRules: conversationWrite,
  createConversation: (_: unknown, message?: { conversationId?: string | null }) =>
    message?.conversationId ? [changed("conversation", message.conversationId)] : [all("conversation")],
  createMessage: (_: unknown, message?: { conversationId?: string | null }) =>
    message?.conversationId ? [changed("conversation", message.conversationId)] : [all("conversation")],

  createOrUpdateCompany: (_: unknown, company?: Identified) => (company ? [changed("company", company.id, company)] : [all("company")]),
  updateCompany: ({ id }: { id: string }, company?: Identified) => [changed("company", id, company)],
  deleteCompany: ({ id }: { id: string }) => [gone("company", id)],
  attachContactToCompany: ({ contactId, companyId }: { contactId: string; companyId: string }, company?: Identified) => [
    changed("company", companyId, company),
    changed("contact.companies", contactId),
  ],
  detachContactFromCompany: ({ contactId, companyId }: { contactId: string; companyId: string }, company?: Identified) => [
    changed("company", companyId, company),
    changed("contact.companies", contactId),
  ],

  createOrUpdateTag: (write: { id?: string | null; tagContacts?: string[] | null; tagCompanies?: unknown; untagCompanies?: unknown }) => [
    all("tag"),
    ...(write.tagContacts ?? []).map((contactId) => changed("contact.tags", contactId)),
    // Companies embed their tags; a company named by its own company_id has no id to clear by.
    ...(write.tagCompanies || write.untagCompanies || write.id ? [all("company")] : []),
    // A rename shows in every copy of the tag a conversation holds.
    ...(write.id ? [all("conversation")] : []),
  ],
  // The tag is gone from every contact, company and conversation that had it.
  deleteTag: () => [all("tag"), all("contact"), all("company"), all("conversation")],
  attachTagToContact: ({ contactId }: { contactId: string }) => [changed("contact.tags", contactId)],
  detachTagFromContact: ({ contactId }: { contactId: string }) => [changed("contact.tags", contactId)],
  attachTagToConversation: ({ conversationId }: { conversationId: string }) => [changed("conversation", conversationId)],
  detachTagFromConversation: ({ conversationId }: { conversationId: string }) => [changed("conversation", conversationId)],

  createNote: ({ contactId }: { contactId: string }, note?: Identified) => [
    ...(note ? [changed("note", note.id, note)] : []),
    changed("contact.notes", contactId),
  ],

  createArticle: (_: unknown, article?: Identified) => (article ? [changed("article", article.id, article)] : []),
  updateArticle: ({ id }: { id: string }, article?: Identified) => [changed("article", id, article)],
  deleteArticle: ({ id }: { id: string }) => [gone("article", id)],
  createCollection: (_: unknown, collection?: Identified) => (collection ? [changed("collection", collection.id, collection)] : []),
  updateCollection: ({ id }: { id: string }, collection?: Identified) => [changed("collection", id, collection)],
  // Its sections go with it and its articles lose that parent.
  deleteCollection: () => [all("collection"), all("article")],

  createNewsItem: (_: unknown, item?: Identified) => (item ? [changed("newsItem", item.id, item)] : []),
  updateNewsItem: ({ id }: { id: string }, item?: Identified) => [changed("newsItem", id, item)],
  deleteNewsItem: ({ id }: { id: string }) => [gone("newsItem", id)],

  createDataAttribute: (_: unknown, attribute?: { id?: string | null }) => [all("dataAttribute"), ...(attribute?.id ? [changed("dataAttribute", attribute.id, attribute)] : [])],
  updateDataAttribute: ({ id }: { id: string }, attribute?: object) => [all("dataAttribute"), changed("dataAttribute", id, attribute)],
  createDataExport: (_: unknown, job?: { jobIdentifier: string }) => (job ? [changed("dataExport", job.jobIdentifier, job)] : []),
  cancelDataExport: ({ jobIdentifier }: { jobIdentifier: string }, job?: object) => [changed("dataExport", jobIdentifier, job)],

  attachSubscriptionTypeToContact: ({ contactId }: { contactId: string }) => [changed("contact.subscriptionTypes", contactId)],
  detachSubscriptionTypeFromContact: ({ contactId }: { contactId: string }) => [changed("contact.subscriptionTypes", contactId)],

  createTicket: (_: unknown, ticket?: Identified) => (ticket ? [changed("ticket", ticket.id, ticket)] : []),
  updateTicket: ({ id }: { id: string }, ticket?: Identified) => [changed("ticket", id, ticket)],
  replyToTicket: ({ id }: { id: string }) => [changed("ticket", id)],
  attachTagToTicket: ({ ticketId }: { ticketId: string }) => [changed("ticket", ticketId)],
  detachTagFromTicket: ({ ticketId }: { ticketId: string }) => [changed("ticket", ticketId)],
  // The conversation now links to the ticket.
  convertConversationToTicket: ({ conversationId }: { conversationId: string }, ticket?: Identified) => [
    changed("conversation", conversationId),
    ...(ticket ? [changed("ticket", ticket.id, ticket)] : []),
  ],
  createTicketType: (_: unknown, type?: Identified) => [all("ticketType"), ...(type ? [changed("ticketType", type.id, type)] : [])],
  updateTicketType: ({ id }: { id: string }, type?: Identified) => [all("ticketType"), changed("ticketType", id, type)],
  createTicketTypeAttribute: () => [all("ticketType")],
  updateTicketTypeAttribute: () => [all("ticketType")],

  // Writes nothing in the graph reads back: no loader or cached read holds what they change.
  updateVisitor: () => [],
  createDataEvent: () => [],
  createDataEventSummaries: () => [],
  createPhoneSwitch: () => [],
} satisfies Record<string, (args: never, result?: never) => WriteEffect[]>;

export type WriteOperation = keyof typeof WRITE_EFFECTS;
