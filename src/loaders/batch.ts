import DataLoader from "dataloader";
import { notFound, UpstreamError } from "../datasources/errors.js";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import type { IntercomSearchQuery } from "../datasources/search-query.js";

/**
 * The batch shapes every resource group's loaders are made of. Group files import this module
 * and nothing else of src/loaders; index.ts composes the groups.
 */

/** Reports how many keys a loader's batch had (for the loader_batch_size metric). */
export type BatchObserver = (loader: string, keys: number) => void;

/**
 * Dispatch a batch only once every resolver runnable without I/O has run, so
 * ids asked for at different depths of one query (a conversation's contacts
 * and its source author) land in the same upstream call.
 */
export const afterPendingResolvers = (dispatch: () => void) => setImmediate(dispatch);

/** `make` on the first call, its result after: a per-request list fetched once, a group built on first use. */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** One page of a page-numbered list (`totalPages` as the API reports it, null when it does not). */
export interface ListPage<T> {
  items: T[];
  totalPages: number | null;
}

/** The last page of a list, as far as page `page` tells: without `totalPages`, a short page is the last. */
const lastPage = (page: number, { items, totalPages }: ListPage<unknown>, perPage: number) =>
  totalPages ?? (items.length < perPage ? page : Infinity);

/** Every item of a page-numbered list, `perPage` a page (one call for a list shorter than a page). */
export async function readAllPages<T>(list: (page: number) => Promise<ListPage<T>>, perPage: number): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const result = await list(page);
    all.push(...result.items);
    if (page >= lastPage(page, result, perPage)) return all;
  }
}

/** One `fetch` per key, all at once; a failure belongs to its key alone. */
const eachKey =
  <K, V>(fetch: (key: K) => Promise<V>) =>
  (keys: readonly K[]) =>
    Promise.all(keys.map((key) => fetch(key).catch((error: Error) => error)));

/** Answers each id from `found`, and the ids it lacks with one `get` each (a failure belongs to its id alone). */
const foundThenGet = <T>(ids: readonly string[], found: ReadonlyMap<string, T>, get: (id: string) => Promise<T>) =>
  Promise.all(ids.map((id) => found.get(id) ?? get(id).catch((error: Error) => error)));

export interface PagesThenGetOptions<T> {
  /** Page `page` (1-based) of the whole list, `perPage` long. */
  list: (page: number) => Promise<ListPage<T>>;
  perPage: number;
  /** One record by id (its GET). */
  get: (id: string) => Promise<T>;
  /** Deepest page the API serves (companies: 10,000 records page by page). */
  maxPages?: number;
}

export interface SearchThenGetOptions<T> {
  /** One page (`perPage` long) of a search endpoint's answer to `query`. */
  search: (query: IntercomSearchQuery, perPage: number) => Promise<{ items: T[] }>;
  /** One record by id (its GET). */
  get: (id: string) => Promise<T>;
}

/**
 * How group files build their loaders. Every loader has a name (its property on `Loaders`, which
 * is also its label on the loader_batch_size metric), dispatches after pending resolvers, and,
 * when the request observes batches, reports each batch's size from the batch function it was
 * built with.
 */
export function loaderKit(observe?: BatchObserver) {
  function createLoader<K, V, C = K>(
    name: string,
    batch: DataLoader.BatchLoadFn<K, V>,
    options: Omit<DataLoader.Options<K, V, C>, "name"> = {},
  ): DataLoader<K, V, C> {
    const observed: DataLoader.BatchLoadFn<K, V> = observe
      ? (keys) => {
          observe(name, keys.length);
          return batch(keys);
        }
      : batch;
    return new DataLoader<K, V, C>(observed, { batchScheduleFn: afterPendingResolvers, ...options, name });
  }

  return {
    createLoader,

    /** One GET per distinct id; a failure belongs to its id alone. */
    byGet<V>(name: string, get: (id: string) => Promise<V>): DataLoader<string, V> {
      return createLoader(name, eachKey(get));
    },

    /** One upstream call per distinct key (`cacheKey` says which keys are the same); a failure belongs to its key alone. */
    byKey<K, V>(name: string, fetch: (key: K) => Promise<V>, cacheKey: (key: K) => string): DataLoader<K, V, string> {
      return createLoader<K, V, string>(name, eachKey(fetch), { cacheKeyFn: cacheKey });
    },

    /** A loader over a whole-workspace list: one list call answers every id. */
    fromList<T extends { id: string }>(name: string, list: () => Promise<T[]>, what: string): DataLoader<string, T> {
      return createLoader<string, T>(name, async (ids) => {
        const byId = new Map((await list()).map((item) => [item.id, item]));
        return ids.map((id) => byId.get(id) ?? notFound(what, id));
      });
    },

    /**
     * Ids through a search endpoint: one search with `id IN [...]` per 150 ids (a page each), then
     * `get` for each id the search did not return (search lags behind writes and never shows merged
     * contacts). ⌈n/150⌉ + misses calls.
     */
    bySearchThenGet<T extends { id: string }>(name: string, { search, get }: SearchThenGetOptions<T>): DataLoader<string, T> {
      return createLoader<string, T>(name, async (ids) => {
        const pages = await Promise.all(chunk(ids, MAX_PAGE_SIZE).map((part) => search({ field: "id", operator: "IN", value: part }, MAX_PAGE_SIZE)));
        const found = new Map(pages.flatMap((page) => page.items).map((item) => [item.id, item]));
        return foundThenGet(ids, found, get);
      });
    },

    /**
     * Ids through a page-numbered list of the whole workspace, where no endpoint takes many ids.
     * One id: its GET (as cheap, and exact). Several: page 1 of the list, then further pages only
     * while (a) fewer pages are left than ids still missing, so paging can beat GETs, and (b) the
     * pages read so far have found at least as many ids as there were pages, so paging has paid
     * for itself; then a GET for each id no page held (not listed, past the pages read, or made up).
     * So n ids never cost more than 1 + n calls, and a workspace whose list fits one page answers
     * any number of them with one call. Records a page holds that were not asked for are primed.
     */
    byPagesThenGet<T extends { id: string }>(name: string, { list, perPage, get, maxPages = Infinity }: PagesThenGetOptions<T>): DataLoader<string, T> {
      const loader: DataLoader<string, T> = createLoader<string, T>(name, async (ids) => {
        const found = new Map<string, T>();
        if (ids.length > 1) {
          const wanted = new Set(ids);
          let hits = 0;
          for (let page = 1; ; page++) {
            const result = await list(page);
            for (const item of result.items) {
              if (!wanted.has(item.id)) loader.prime(item.id, item);
              else if (!found.has(item.id)) {
                found.set(item.id, item);
                hits++;
              }
            }
            const missing = wanted.size - found.size;
            const pagesLeft = Math.min(lastPage(page, result, perPage), maxPages) - page;
            if (missing === 0 || pagesLeft <= 0 || pagesLeft >= missing || hits < page) break;
          }
        }
        return foundThenGet(ids, found, get);
      });
      return loader;
    },
  };
}

export type LoaderKit = ReturnType<typeof loaderKit>;

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
