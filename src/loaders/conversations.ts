import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import { MAX_PAGE_SIZE, type CursorPage } from "../datasources/paging.js";
import type { Conversation } from "../schema/conversation.js";
import { chunk, clearsWith, type LoaderKit } from "./batch.js";

/** The first page of one contact's conversations, `perPage` long (already checked and capped). */
export interface ContactConversationsKey {
  contactId: string;
  perPage: number;
}

/** Per-request loaders of conversations (see DESIGN.md's loader catalogue). */
export interface ConversationLoaders {
  /** Conversations with their parts: `GET /conversations/{id}`, de-duplicated. */
  conversation: DataLoader<string, Conversation>;
  /**
   * Conversations without their parts (the shape search answers): `POST /conversations/search` with
   * `id IN [...]`, 150 a page, then `conversation` (the GET, with parts) for each id the search missed.
   * For readers that select no parts (`_entities`); `conversationParts` on one of these costs its GET.
   * Clearing `conversation` (after a write) clears this too.
   */
  conversationWithoutParts: DataLoader<string, Conversation>;
  /**
   * First pages of contacts' conversations, most recently updated first. A batch is one
   * `POST /conversations/search` with `contact_ids IN [...]` per 50 contacts, grouped by contact;
   * only a contact the shared page may not hold in full gets a search of its own.
   * Later pages (`after`) go straight to a per-contact search (`searchContactConversations`).
   */
  contactConversations: DataLoader<ContactConversationsKey, CursorPage<Conversation>, string>;
}

/**
 * Contacts per shared search. Smaller than the 150-result page so that, with a few
 * conversations per contact, one page usually holds every contact's conversations whole.
 */
export const CONTACTS_PER_SEARCH = 50;

/** One contact's conversations through its own search: `contact_ids = id`. */
export function searchContactConversations(dataSources: DataSources, contactId: string) {
  return (perPage: number, startingAfter: string | null) =>
    dataSources.conversations.search({ field: "contact_ids", operator: "=", value: contactId }, perPage, startingAfter);
}

export function createConversationLoaders(kit: LoaderKit, dataSources: DataSources): ConversationLoaders {
  const conversation = kit.byGet("conversation", (id) => dataSources.conversations.getById(id));
  // Misses go through `conversation`: a conversation read with its parts is read once.
  const conversationWithoutParts = kit.bySearchThenGet<Conversation>("conversationWithoutParts", {
    search: (query, perPage) => dataSources.conversations.search(query, perPage),
    get: (id) => conversation.load(id),
  });
  clearsWith(conversation, conversationWithoutParts);

  const contactConversations = kit.createLoader<ContactConversationsKey, CursorPage<Conversation>, string>(
    "contactConversations",
    async (keys) => {
      const contactIds = [...new Set(keys.map((k) => k.contactId))];
      // Each shared page, and whether it held the whole result (no next page).
      const pages = await Promise.all(
        chunk(contactIds, CONTACTS_PER_SEARCH).map(async (ids) => ({
          ids: new Set(ids),
          page: await dataSources.conversations.search({ field: "contact_ids", operator: "IN", value: ids }, MAX_PAGE_SIZE),
        })),
      );
      return Promise.all(
        keys.map(async ({ contactId, perPage }): Promise<CursorPage<Conversation> | Error> => {
          const { page } = pages.find((p) => p.ids.has(contactId))!;
          // The shared search is sorted like a contact's own search (updated_at, newest first),
          // so the contact's conversations on it are its newest ones, in order.
          const mine = page.items.filter((c) => c.contactIds.includes(contactId));
          const complete = page.nextCursor === null;
          // Served from the shared page. Cursors of later edges resume with the contact's own search.
          if (complete || mine.length > perPage) return { items: mine, nextCursor: null, totalCount: complete ? mine.length : null };
          // The shared page may have cut this contact's list short: ask for it alone.
          return searchContactConversations(dataSources, contactId)(perPage, null).catch((error: Error) => error);
        }),
      );
    },
    { cacheKeyFn: (key) => `${key.contactId}:${key.perPage}` },
  );

  return { conversation, conversationWithoutParts, contactConversations };
}
