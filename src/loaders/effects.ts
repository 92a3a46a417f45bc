import type DataLoader from "dataloader";
import type { EffectKind, WriteEffect } from "../datasources/write-effects.js";
import type { Loaders } from "./index.js";

/**
 * What each kind of change does to one request's loaders: which cached answers it makes stale.
 * The datasources say what a write changed (WRITE_EFFECTS); this is where that meets the loaders,
 * so a read after a write in the same request never sees a copy from before it.
 */
type Forget = (loaders: Loaders, id: string | undefined) => void;

/** `loader` forgets the id (every id when `id` is undefined). */
const forget = (loader: DataLoader<string, unknown>, id: string | undefined) => (id === undefined ? loader.clearAll() : loader.clear(id));

const FORGET: Record<EffectKind, Forget> = {
  admin: (l, id) => forget(l.admin, id),
  contact: (l, id) => {
    forget(l.contact, id);
    if (id === undefined) l.contactTags.clearAll();
  },
  "contact.tags": (l, id) => {
    forget(l.contact, id);
    forget(l.contactTags, id);
  },
  "contact.notes": (l, id) => {
    forget(l.contact, id);
    l.contactNotes.clearAll();
  },
  "contact.companies": (l) => {
    l.contactCompanies.clearAll();
    l.companyContacts.clearAll();
  },
  "contact.subscriptionTypes": (l, id) => forget(l.contactSubscriptionTypes, id),
  // Which contacts a conversation has, and the order of their lists, may have changed.
  conversation: (l, id) => {
    forget(l.conversation, id);
    l.contactConversations.clearAll();
  },
  company: (l, id) => {
    forget(l.company, id);
    l.contactCompanies.clearAll();
    if (id === undefined) return;
    l.companyContacts.clearAll();
    l.companySegments.clear(id);
  },
  tag: (l, id) => (id === undefined ? l.clearTags() : l.tag.clear(id)),
  note: (l, id) => forget(l.note, id),
  article: (l, id) => forget(l.article, id),
  collection: (l, id) => forget(l.collection, id),
  newsItem: (l, id) => forget(l.newsItem, id),
  dataAttribute: (l, id) => (id === undefined ? l.forgetDataAttributes() : l.dataAttribute.clear(id)),
  dataExport: (l, id) => forget(l.dataExport, id),
  ticket: (l, id) => forget(l.ticket, id),
  ticketType: (l, id) => (id === undefined ? l.forgetTicketTypes() : l.ticketType.clear(id)),
};

/** The loader a written object's new state primes, so the rest of the request reads it without a call. */
const PRIMED: Partial<Record<EffectKind, (loaders: Loaders) => DataLoader<string, object>>> = {
  admin: (l) => l.admin,
  contact: (l) => l.contact,
  conversation: (l) => l.conversation,
  company: (l) => l.company,
  note: (l) => l.note,
  article: (l) => l.article,
  collection: (l) => l.collection,
  newsItem: (l) => l.newsItem,
  dataAttribute: (l) => l.dataAttribute,
  dataExport: (l) => l.dataExport,
  ticket: (l) => l.ticket,
  ticketType: (l) => l.ticketType,
};

export function applyWriteEffects(loaders: Loaders, effects: readonly WriteEffect[]): void {
  for (const effect of effects) {
    const id = "all" in effect ? undefined : effect.id;
    FORGET[effect.kind](loaders, id);
    if ("value" in effect && effect.value && id !== undefined) PRIMED[effect.kind]?.(loaders).prime(id, effect.value);
  }
}
