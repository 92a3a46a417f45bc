import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { hashToken } from "./concurrency.js";

/**
 * The shared cache of slow-changing workspace data. Reads of these resources are cached per
 * (hashed) token for a TTL, or as upstream Cache-Control says; only 2xx answers are cached; a
 * write to a resource starts a new "generation" of its keys, so every replica sharing the
 * cache stops serving what the write changed.
 */
export const CACHED_RESOURCES = [
  "admins",
  "teams",
  "tags",
  "segments",
  "data_attributes",
  "ticket_types",
  "help_center/help_centers",
  "subscription_types",
] as const;

export type CachedResource = (typeof CACHED_RESOURCES)[number];

export interface ResponseCacheOptions {
  /** Where entries live: in memory (default) or Redis, shared by all replicas. */
  store: KeyValueCache;
  /** Seconds an entry lives when upstream sends no Cache-Control; 0 turns caching off. */
  defaultTtlSeconds: number;
  ttlSeconds?: Partial<Record<CachedResource, number>>;
}

/** Reads that never go stale this way: a contact's list, an audit log. */
const NOT_CACHED = [/^\/admins\/activity_logs/];

function resourceOf(pathname: string): CachedResource | undefined {
  const path = "/" + pathname.replace(/^\/+/, "");
  if (NOT_CACHED.some((re) => re.test(path))) return undefined;
  return CACHED_RESOURCES.find((r) => path === `/${r}` || path.startsWith(`/${r}/`));
}

export class ResponseCache {
  constructor(readonly options: ResponseCacheOptions) {}

  get store(): KeyValueCache {
    return this.options.store;
  }

  /** The cached resource a GET of `pathname` reads, if any. */
  cacheableResource(method: string, pathname: string): CachedResource | undefined {
    if (method !== "GET" || this.options.defaultTtlSeconds <= 0) return undefined;
    return resourceOf(pathname);
  }

  /** The cached resource a write to `pathname` changes, if any. */
  writtenResource(method: string, pathname: string): CachedResource | undefined {
    return method === "GET" || method === "HEAD" ? undefined : resourceOf(pathname);
  }

  ttlFor(resource: CachedResource): number {
    return this.options.ttlSeconds?.[resource] ?? this.options.defaultTtlSeconds;
  }

  private generationKey(token: string | undefined, resource: CachedResource): string {
    return `gen:${token ? hashToken(token) : "anonymous"}:${resource}`;
  }

  /** The cache key of a read: token hash, resource generation, and the request. */
  async keyFor(token: string | undefined, resource: CachedResource, request: string): Promise<string> {
    const generation = (await this.store.get(this.generationKey(token, resource))) ?? "0";
    return `http:${token ? hashToken(token) : "anonymous"}:${resource}:${generation}:${request}`;
  }

  /** After a write: every cached read of that resource, for that token, is stale. */
  async invalidate(token: string | undefined, resource: CachedResource): Promise<void> {
    await this.store.set(this.generationKey(token, resource), `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
  }
}

/** A bounded in-memory LRU: the default store of one process. */
export function inMemoryStore(maxMegabytes = 64): KeyValueCache {
  return new InMemoryLRUCache({ maxSize: maxMegabytes * 1024 * 1024 });
}
