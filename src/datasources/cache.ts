import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import CachePolicy from "http-cache-semantics";
import { LRUCache } from "lru-cache";
import { throttledWarning, type Logger } from "../logger.js";
import { hashToken } from "./concurrency.js";
import { deepFreeze } from "./json-body.js";
import { CACHED_KINDS, type WriteEffect } from "./write-effects.js";
import type { AnswerHeaders } from "./upstream.js";

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
  /** Bound of the in-process copy of parsed entries, in bytes of their JSON (default 16 MiB). */
  nearCacheBytes?: number;
  /** Told when the store fails (Redis down): reads then go upstream, uncached, instead of failing. */
  logger?: Logger;
}

/** What an upstream read answered, for deciding whether and how long to keep it. */
export interface UpstreamAnswer<T> {
  body: T;
  status: number;
  headers: AnswerHeaders;
}

/** An entry as stored (JSON) in the shared store and, parsed and frozen, in the near cache. */
interface Entry {
  body: unknown;
  /** Epoch ms: the entry is never served after this, from either copy. */
  expiresAt: number;
}


export class ResponseCache {
  /**
   * This process's parsed copies of entries of the shared store, so a hit costs no JSON parsing
   * (most of the price of a cached read). Keys carry the resource's generation, which is always
   * read from the shared store, so a write on any replica still stops every replica serving
   * what it changed; a copy never outlives its shared entry.
   */
  private readonly near: LRUCache<string, Entry>;

  private readonly warnStoreFailed: (fields: Record<string, unknown>) => void;

  constructor(readonly options: ResponseCacheOptions) {
    this.near = new LRUCache<string, Entry>({ maxSize: options.nearCacheBytes ?? 16 * 1024 * 1024 });
    this.warnStoreFailed = throttledWarning(options.logger, "response cache store failed; answering from Intercom");
  }

  get store(): KeyValueCache {
    return this.options.store;
  }

  /** Whether reads are cached at all (CACHE_TTL_SECONDS=0 turns the cache off). */
  get enabled(): boolean {
    return this.options.defaultTtlSeconds > 0;
  }

  /** After a write: every cached resource its effects touch starts a new generation (see CACHED_KINDS). */
  async invalidateWritten(token: string | undefined, effects: readonly WriteEffect[]): Promise<void> {
    const resources = new Set(effects.map((effect) => CACHED_KINDS[effect.kind]).filter((r): r is CachedResource => r !== undefined));
    for (const resource of resources) await this.invalidate(token, resource);
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

  /**
   * A cached read: the near copy, else the shared store, else `fetchUpstream`, whose 2xx answer is
   * kept for the resource's TTL, or as long as upstream Cache-Control allows. Bodies are frozen,
   * since every request that hits the entry gets the same object. Failures are never kept.
   */
  async read<T>(token: string | undefined, resource: CachedResource, request: string, fetchUpstream: () => Promise<UpstreamAnswer<T>>): Promise<T> {
    let key: string;
    try {
      key = await this.keyFor(token, resource, request);
    } catch (error) {
      // Without the generation a copy could be stale (another replica may have written): go upstream.
      this.storeFailed("read", error);
      return (await fetchUpstream()).body;
    }
    const now = Date.now();
    const near = this.near.get(key);
    if (near && near.expiresAt > now) return near.body as T;
    const stored = await this.store.get(key).catch((error: unknown) => void this.storeFailed("read", error));
    if (stored) {
      const entry = JSON.parse(stored) as Entry;
      if (entry.expiresAt > now) {
        this.keepNear(key, entry, stored.length);
        return entry.body as T;
      }
    }
    const answer = await fetchUpstream();
    const lifetimeMs = lifetimeMsOf(answer, this.ttlFor(resource));
    if (lifetimeMs <= 0) return answer.body;
    const entry: Entry = { body: answer.body, expiresAt: Date.now() + lifetimeMs };
    const json = JSON.stringify(entry);
    await this.store.set(key, json, { ttl: Math.ceil(lifetimeMs / 1000) }).catch((error: unknown) => this.storeFailed("write", error));
    this.keepNear(key, entry, json.length);
    return answer.body;
  }

  private keepNear(key: string, entry: Entry, size: number): void {
    deepFreeze(entry.body);
    this.near.set(key, entry, { size: Math.max(1, size + key.length), ttl: Math.max(1, entry.expiresAt - Date.now()) });
  }

  /**
   * After a write: every cached read of that resource, for that token, is stale. If the store
   * can't take the new generation, the write still stands (it happened upstream): this process
   * drops its own copies, and other replicas' copies expire with their TTL.
   */
  async invalidate(token: string | undefined, resource: CachedResource): Promise<void> {
    try {
      await this.store.set(this.generationKey(token, resource), `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
    } catch (error) {
      this.near.clear();
      this.storeFailed("invalidate", error);
    }
  }

  private storeFailed(what: "read" | "write" | "invalidate", error: unknown): void {
    this.warnStoreFailed({ what, error: String(error) });
  }
}

/** How long to keep a 2xx read (ms): as upstream Cache-Control says when it sends one, else the configured TTL. */
function lifetimeMsOf(answer: UpstreamAnswer<unknown>, fallbackSeconds: number): number {
  if (answer.status < 200 || answer.status > 299) return 0;
  if (!answer.headers.has("cache-control")) return fallbackSeconds * 1000;
  const policy = new CachePolicy({ method: "GET", url: "/", headers: {} }, { status: answer.status, headers: answer.headers.raw });
  return policy.storable() ? policy.timeToLive() : 0;
}

/**
 * A store whose failures (Redis down) read as misses and lost writes, for persisted queries: a
 * client whose hash is then unknown sends the full query again, as APQ clients do.
 */
export function failSoft(store: KeyValueCache, logger?: Logger): KeyValueCache {
  const warn = throttledWarning(logger, "persisted query store failed; hashes read as unknown");
  const failed = (error: unknown) => void warn({ error: String(error) });
  return {
    get: (key) => store.get(key).catch(failed),
    set: (key, value, options) => store.set(key, value, options).catch(failed),
    delete: (key) => Promise.resolve(store.delete(key)).catch(failed),
  };
}

/** A bounded in-memory LRU: the default store of one process. */
export function inMemoryStore(maxMegabytes = 64): KeyValueCache {
  return new InMemoryLRUCache({ maxSize: maxMegabytes * 1024 * 1024 });
}
