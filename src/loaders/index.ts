import DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import { notFound, UpstreamError } from "../datasources/errors.js";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import type { Admin } from "../schema/admin.js";
import type { Contact } from "../schema/contact.js";
import { Bot, type AuthorReference, type Conversation } from "../schema/conversation.js";
import { build } from "../schema/scalars.js";
import type { Team } from "../schema/team.js";
import { createContactLoaders, type ContactLoaders } from "./contacts.js";
import { createCompanyLoaders, type CompanyLoaders } from "./companies.js";
import { createConversationLoaders, type ConversationLoaders } from "./conversations.js";
import { createTicketLoaders, type TicketLoaders } from "./tickets.js";
import { createHelpCenterLoaders, type HelpCenterLoaders } from "./help-center.js";
import { createTagLoaders, type TagLoaders } from "./tags.js";
import { createNoteLoaders, type NoteLoaders } from "./notes.js";
import { createNewsLoaders, type NewsLoaders } from "./news.js";
import { createDataLoaders, type DataLoaders } from "./data.js";
import { createSubscriptionLoaders, type SubscriptionLoaders } from "./subscriptions.js";

/**
 * Per-request loaders: built fresh in each request's context, never shared
 * between requests or tokens, so nothing cached here outlives one request.
 */
export interface CoreLoaders {
  /** The workspace's admins, from one `GET /admins` per request. */
  allAdmins(): Promise<Admin[]>;
  /** The workspace's teams, from one `GET /teams` per request. */
  allTeams(): Promise<Team[]>;
  admin: DataLoader<string, Admin>;
  team: DataLoader<string, Team>;
  /** Contacts by id: `POST /contacts/search` with `id IN [...]`, 150 a page, then a GET for each id the search missed. */
  contact: DataLoader<string, Contact>;
  /** Conversations with their parts: `GET /conversations/{id}`, de-duplicated. */
  conversation: DataLoader<string, Conversation>;
  /**
   * Conversations without their parts (the shape search answers): `POST /conversations/search` with
   * `id IN [...]`, 150 a page, then `conversation` (the GET, with parts) for each id the search missed.
   * For readers that select no parts (`_entities`); `conversationParts` on one of these costs its GET.
   * Clearing `conversation` (after a write) clears this too.
   */
  conversationWithoutParts: DataLoader<string, Conversation>;
  /** Resolves a part or source author to its Admin, Team, Contact, or a Bot built from the reference. */
  author(ref: AuthorReference): Promise<Admin | Team | Contact | Bot>;
}

/**
 * Dispatch a batch only once every resolver runnable without I/O has run, so
 * ids asked for at different depths of one query (a conversation's contacts
 * and its source author) land in the same upstream call.
 */
export const afterPendingResolvers = (dispatch: () => void) => setImmediate(dispatch);

export function once<T>(fetch: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= fetch());
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** A loader over a whole-workspace list: one list call answers every id. */
export function fromList<T extends { id: string }>(list: () => Promise<T[]>, what: string): DataLoader<string, T> {
  return new DataLoader<string, T>(
    async (ids) => {
      const byId = new Map((await list()).map((item) => [item.id, item]));
      return ids.map((id) => byId.get(id) ?? notFound(what, id));
    },
    { batchScheduleFn: afterPendingResolvers },
  );
}

/**
 * Ids through a search endpoint: `search(ids)` answers one page (at most 150) of the records
 * among `ids` that the search index holds; then `get` for each id the search did not return
 * (search lags behind writes and never shows merged contacts). ⌈n/150⌉ + misses calls.
 */
export function bySearchThenGet<T extends { id: string }>(
  search: (ids: string[]) => Promise<{ items: T[] }>,
  get: (id: string) => Promise<T>,
): DataLoader<string, T> {
  return new DataLoader<string, T>(
    async (ids) => {
      const pages = await Promise.all(chunk(ids, MAX_PAGE_SIZE).map((part) => search(part)));
      const found = new Map<string, T | Error>(pages.flatMap((page) => page.items).map((item) => [item.id, item]));
      const missed = ids.filter((id) => !found.has(id));
      const fetched = await Promise.all(missed.map((id) => get(id).catch((error: Error) => error)));
      missed.forEach((id, i) => found.set(id, fetched[i]!));
      return ids.map((id) => found.get(id)!);
    },
    { batchScheduleFn: afterPendingResolvers },
  );
}

/** One page of a page-numbered list (`totalPages` as the API reports it, null when it does not). */
export interface ListPage<T> {
  items: T[];
  totalPages: number | null;
}

export interface PagesThenGetOptions<T> {
  /** Page `page` (1-based) of the whole list, `perPage` long. */
  list: (page: number) => Promise<ListPage<T>>;
  perPage: number;
  /** One record by id (its GET). */
  get: (id: string) => Promise<T>;
  /** Deepest page the API serves (companies: 10,000 records page by page). */
  maxPages?: number;
}

/**
 * Ids through a page-numbered list of the whole workspace, where no endpoint takes many ids.
 * One id: its GET (as cheap, and exact). Several: page 1 of the list, then further pages only
 * while (a) fewer pages are left than ids still missing, so paging can beat GETs, and (b) the
 * pages read so far have found at least as many ids as there were pages, so paging has paid
 * for itself; then a GET for each id no page held (not listed, past the pages read, or made up).
 * So n ids never cost more than 1 + n calls, and a workspace whose list fits one page answers
 * any number of them with one call. Records a page holds that were not asked for are primed.
 */
export function byPagesThenGet<T extends { id: string }>(options: PagesThenGetOptions<T>): DataLoader<string, T> {
  const { list, perPage, get, maxPages = Infinity } = options;
  const loader: DataLoader<string, T> = new DataLoader<string, T>(
    async (ids) => {
      const found = new Map<string, T | Error>();
      if (ids.length > 1) {
        const wanted = new Set(ids);
        let hits = 0;
        for (let page = 1; ; page++) {
          const { items, totalPages } = await list(page);
          for (const item of items) {
            if (!wanted.has(item.id)) loader.prime(item.id, item);
            else if (!found.has(item.id)) {
              found.set(item.id, item);
              hits++;
            }
          }
          const missing = wanted.size - found.size;
          const pages = Math.min(totalPages ?? (items.length < perPage ? page : Infinity), maxPages);
          const pagesLeft = pages - page;
          if (missing === 0 || pagesLeft <= 0 || pagesLeft >= missing || hits < page) break;
        }
      }
      const missed = ids.filter((id) => !found.has(id));
      const fetched = await Promise.all(missed.map((id) => get(id).catch((error: Error) => error)));
      missed.forEach((id, i) => found.set(id, fetched[i]!));
      return ids.map((id) => found.get(id)!);
    },
    { batchScheduleFn: afterPendingResolvers },
  );
  return loader;
}

/**
 * Makes clearing `primary` (a write's `clear(id)` / `clearAll()`) clear the loaders that hold
 * other shapes of the same records too, so no later read in the request sees an older copy.
 * A record primed into `primary` is the fuller shape: it is primed into the others as well.
 */
export function clearsWith<V>(primary: DataLoader<string, V>, ...others: Array<DataLoader<string, V>>): DataLoader<string, V> {
  const clear = primary.clear.bind(primary);
  const clearAll = primary.clearAll.bind(primary);
  const prime = primary.prime.bind(primary);
  primary.clear = (key) => {
    for (const other of others) other.clear(key);
    return clear(key);
  };
  primary.clearAll = () => {
    for (const other of others) other.clearAll();
    return clearAll();
  };
  primary.prime = (key, value) => {
    for (const other of others) other.prime(key, value);
    return prime(key, value);
  };
  return primary;
}

/** One GET per distinct id; a failure belongs to its id alone. */
export function byGet<T>(get: (id: string) => Promise<T>): DataLoader<string, T> {
  return new DataLoader<string, T>(
    (ids) => Promise.all(ids.map((id) => get(id).catch((error: Error) => error))),
    { batchScheduleFn: afterPendingResolvers },
  );
}

/**
 * Loads a list link. Ids that no longer exist (a deleted contact still named
 * by an old conversation) are left out, their raw ids staying on the parent;
 * any other failure fails the field.
 */
export async function loadExisting<T>(loader: DataLoader<string, T>, ids: readonly string[]): Promise<T[]> {
  const results = await loader.loadMany(ids);
  const isNotFound = (r: unknown) => r instanceof UpstreamError && r.extensions.code === "NOT_FOUND";
  const failure = results.find((r) => r instanceof Error && !isNotFound(r));
  if (failure) throw failure;
  return results.filter((r): r is T => !(r instanceof Error));
}

function createCoreLoaders(dataSources: DataSources): CoreLoaders {
  const allAdmins = once(() => dataSources.admins.list());
  const allTeams = once(() => dataSources.teams.list());

  // Search lags behind writes and never shows merged contacts: what it missed is fetched by id.
  const contact = bySearchThenGet<Contact>(
    (ids) => dataSources.contacts.search({ field: "id", operator: "IN", value: ids }, MAX_PAGE_SIZE),
    (id) => dataSources.contacts.getById(id),
  );

  const conversation = byGet((id) => dataSources.conversations.getById(id));
  // Misses go through `conversation`: a conversation read with its parts is read once.
  const conversationWithoutParts = bySearchThenGet<Conversation>(
    (ids) => dataSources.conversations.search({ field: "id", operator: "IN", value: ids }, MAX_PAGE_SIZE),
    (id) => conversation.load(id),
  );
  clearsWith(conversation, conversationWithoutParts);

  const loaders: CoreLoaders = {
    allAdmins,
    allTeams,
    admin: fromList(allAdmins, "Admin"),
    team: fromList(allTeams, "Team"),
    contact,
    conversation,
    conversationWithoutParts,
    author(ref) {
      switch (ref.type) {
        case "admin":
          return loaders.admin.load(ref.id);
        case "team":
          return loaders.team.load(ref.id);
        case "user":
        case "lead":
        case "contact":
          return loaders.contact.load(ref.id);
        default:
          // Bots (and any author type Intercom adds later) have no endpoint of their own.
          return Promise.resolve(build(Bot, { id: ref.id, name: ref.name, email: ref.email }));
      }
    },
  };
  return loaders;
}

/** Every loader of one request: the core ones above plus each resource group's. */
export type Loaders = CoreLoaders & ContactLoaders & CompanyLoaders & ConversationLoaders & TicketLoaders & HelpCenterLoaders & TagLoaders & NoteLoaders & NewsLoaders & DataLoaders & SubscriptionLoaders;

/** Reports how many keys a loader's batch had (for the loader_batch_size metric). */
export type BatchObserver = (loader: string, keys: number) => void;

type GroupFactory = (dataSources: DataSources, core: CoreLoaders) => object;

const GROUPS: GroupFactory[] = [
  createContactLoaders,
  createCompanyLoaders,
  createConversationLoaders,
  createTicketLoaders,
  createHelpCenterLoaders,
  createTagLoaders,
  createNoteLoaders,
  createNewsLoaders,
  createDataLoaders,
  createSubscriptionLoaders,
];

/**
 * One request's loaders. The core ones are built with it; each resource group's are built on
 * the first use of any of them, so a request pays only for the groups it touches (most touch
 * one or two of ten).
 */
class RequestLoaders {
  // ES private fields: no loader name can clash with them.
  readonly #groups: Array<object | undefined> = [];
  readonly #dataSources: DataSources;
  readonly #observe: BatchObserver | undefined;

  constructor(core: CoreLoaders, dataSources: DataSources, observe: BatchObserver | undefined) {
    Object.assign(this, core);
    this.#dataSources = dataSources;
    this.#observe = observe;
  }

  group(index: number): object {
    let group = this.#groups[index];
    if (!group) {
      group = GROUPS[index]!(this.#dataSources, this as unknown as CoreLoaders);
      if (this.#observe) observeBatches(group, this.#observe);
      this.#groups[index] = group;
    }
    return group;
  }
}

/**
 * One getter per group loader, on the prototype, defined on first use (not at import: the group
 * modules import this one). The names are learnt by building each group once over nothing:
 * factories only create loaders, they call upstream later, when one loads.
 */
let groupGettersDefined = false;
function defineGroupGetters(): void {
  GROUPS.forEach((factory, index) => {
    for (const name of Object.keys(factory({} as DataSources, {} as CoreLoaders))) {
      Object.defineProperty(RequestLoaders.prototype, name, {
        get(this: RequestLoaders) {
          return (this.group(index) as Record<string, unknown>)[name];
        },
      });
    }
  });
  groupGettersDefined = true;
}

export function createLoaders(dataSources: DataSources, observe?: BatchObserver): Loaders {
  if (!groupGettersDefined) defineGroupGetters();
  const core = createCoreLoaders(dataSources);
  if (observe) observeBatches(core, observe);
  return new RequestLoaders(core, dataSources, observe) as unknown as Loaders;
}

/**
 * Reports the size of every batch each loader dispatches (for the loader_batch_size metric).
 * DataLoader 2 has no hook for it, so this wraps the batch function it keeps on the instance.
 */
function observeBatches(loaders: object, observe: BatchObserver): void {
  for (const [name, value] of Object.entries(loaders)) {
    if (!(value instanceof DataLoader)) continue;
    const internal = value as unknown as { _batchLoadFn?: (keys: readonly unknown[]) => unknown };
    const batch = internal._batchLoadFn;
    if (typeof batch !== "function") continue;
    internal._batchLoadFn = (keys) => {
      observe(name, keys.length);
      return batch(keys);
    };
  }
}
