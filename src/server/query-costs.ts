/**
 * What the loaders in src/loaders make each entity and link cost upstream: the query limits'
 * estimate reads its numbers from here and nowhere else. Whoever changes how a loader batches
 * changes its line here (test/security/query-limits.test.ts checks every entity has one).
 */
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import { fromNodeId } from "../schema/relay.js";
import { CONTACTS_PER_SEARCH } from "../loaders/conversations.js";

/** Upstream calls of one loader batch of `n` distinct ids. */
export interface EntityCost {
  /** Calls for n ids the API has. */
  calls(n: number): number;
  /** Extra calls for each id the batch call did not answer (a direct GET after a search or list). */
  perMissingId: number;
}

/** One whole-workspace list answers every id (`GET /admins`, `GET /tags`, …). */
const WHOLE_LIST: EntityCost = { calls: (n) => (n > 0 ? 1 : 0), perMissingId: 0 };
/** `POST /…/search` with `id IN [...]`, a page of 150 at a time, then a GET for each id it missed. */
const SEARCH_BY_ID: EntityCost = { calls: (n) => Math.ceil(n / MAX_PAGE_SIZE), perMissingId: 1 };
/** One `GET /…/{id}` per distinct id (no batch endpoint). */
const GET_EACH: EntityCost = { calls: (n) => n, perMissingId: 0 };
/**
 * One id: its GET. Several: pages of the whole list (a page holds 150, or 60 companies), paging
 * on only while pages have found at least as many ids as they cost, then a GET for each id no
 * page held (`byPagesThenGet` in src/loaders: never more than 1 + n).
 */
const LIST_THEN_GET: EntityCost = { calls: (n) => (n > 0 ? 1 : 0), perMissingId: 1 };

/**
 * Per entity (the keys of ENTITIES in src/schema/federation.ts), as its loader fetches it.
 * docs/federation.md states the same floors for readers.
 */
export const ENTITY_COSTS: Record<string, EntityCost> = {
  Admin: WHOLE_LIST,
  Team: WHOLE_LIST,
  Tag: WHOLE_LIST,
  Segment: WHOLE_LIST,
  TicketType: WHOLE_LIST,
  SubscriptionType: WHOLE_LIST,
  Newsfeed: WHOLE_LIST,
  HelpCenter: WHOLE_LIST, // paged until a short page: one call unless a workspace has over 150
  Contact: SEARCH_BY_ID,
  Ticket: SEARCH_BY_ID,
  // Without parts: the search. With parts selected, a GET each: n, which this bounds too
  // (and the selection's `conversationParts` counts once more per conversation, PER_PARENT_LINKS).
  Conversation: SEARCH_BY_ID,
  Company: LIST_THEN_GET, // POST /companies/list, 60 a page (companies with users only: others are misses)
  // Without statistics: GET /articles pages. With statistics selected, a GET each: n, which this bounds too.
  Article: LIST_THEN_GET,
  NewsItem: LIST_THEN_GET,
  Collection: LIST_THEN_GET,
  Note: GET_EACH, // GET /notes/{id}: the only other read of notes needs the contact, which a reference lacks
};

/**
 * Calls for ids the client chose (`_entities` representations, later `nodes` ids): the client
 * can name ids that do not exist, so every one may be a miss (1,000 made-up contact ids cost
 * 7 searches and 1,000 GETs).
 */
export function clientIdsCost(type: string, ids: readonly unknown[]): number {
  const cost = ENTITY_COSTS[type];
  if (!cost) return 0;
  const distinct = new Set(ids.map(String)).size; // loaders de-duplicate
  return cost.calls(distinct) + cost.perMissingId * distinct;
}

/**
 * Links that cost one upstream request per parent: the REST API has no batch endpoint for
 * them (see DESIGN.md's loader catalogue). Every other link to an entity batches through
 * the entity's loader (ENTITY_COSTS).
 */
export const PER_PARENT_LINKS: ReadonlySet<string> = new Set([
  "Conversation.conversationParts",
  "Contact.companies",
  "Contact.segments",
  "Contact.notes",
  "Contact.subscriptionTypes",
  "Company.contacts",
  "Company.segments",
  "Newsfeed.items",
  "LinkedObject.object",
  "Message.conversation",
  "DataEventSummary.history",
]);

/** A link's cost: calls per parent, and a batch shared by all its parents in the request. */
export interface LinkCost {
  perParent: number;
  batch?: (n: number) => number;
}

/**
 * Links whose arguments change how they batch. `Contact.conversations`: first pages share one
 * conversations search per 50 contacts (loaders.contactConversations); with `after` each
 * contact gets a search of its own (the resolver skips the loader).
 */
export const LINKS_BY_ARGUMENTS: Record<string, (args: (name: string) => unknown) => LinkCost> = {
  "Contact.conversations": (args) =>
    args("after") ? { perParent: 1 } : { perParent: 0, batch: (n) => Math.ceil(n / CONTACTS_PER_SEARCH) },
};

/**
 * Root fields that resolve ids the client sends: each returns the ids per type from the
 * field's arguments. The ids cost `clientIdsCost`, and the selection under the field counts
 * once per id of each type.
 */
export const REFERENCE_FIELDS: Record<string, (args: (name: string) => unknown) => Map<string, unknown[]>> = {
  "Query._entities": (args) => {
    const byType = new Map<string, unknown[]>();
    const representations = args("representations");
    for (const r of Array.isArray(representations) ? representations : [representations]) {
      if (typeof r !== "object" || r === null) continue;
      const { __typename: type, id } = r as { __typename?: unknown; id?: unknown };
      if (typeof type !== "string") continue;
      const ids = byType.get(type);
      if (ids) ids.push(id);
      else byType.set(type, [id]);
    }
    return byType;
  },
  // Relay's node(id:) and nodes(ids:): the type is inside each global id.
  "Query.node": (args) => nodeIdsByType([args("id")]),
  "Query.nodes": (args) => {
    const ids = args("ids");
    return nodeIdsByType(Array.isArray(ids) ? ids : [ids]);
  },
};

function nodeIdsByType(nodeIds: unknown[]): Map<string, unknown[]> {
  const byType = new Map<string, unknown[]>();
  const types = new Set(Object.keys(ENTITY_COSTS));
  for (const nodeId of nodeIds) {
    const named = fromNodeId(nodeId, types);
    if (!named) continue;
    const ids = byType.get(named.typename);
    if (ids) ids.push(named.id);
    else byType.set(named.typename, [named.id]);
  }
  return byType;
}
