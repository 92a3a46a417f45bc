// At-least-once delivery in, exactly-once processing out: a notification id is processed the
// first time any replica sees it within the freshness window (older notifications are dropped
// anyway, so ids need remembering no longer than that).
import { LRUCache } from "lru-cache";
import { throttledWarning, type Logger } from "../logger.js";
import type { RedisStore } from "../datasources/redis-store.js";
import type { Notification } from "./notification.js";

/** Keys and channels of the events feature in the shared Redis (beside the store's `intercom-gw:` keys). */
export const REDIS_PREFIX = "intercom-gw:events:";

export interface Deduplicator {
  /** True the first time this notification is seen (within `ttlSeconds`), false after. */
  firstSeen(notification: Notification, ttlSeconds: number): Promise<boolean>;
}

/** Ids remembered by one process (bounded: the oldest go first). */
export class MemoryDeduplicator implements Deduplicator {
  readonly #seen: LRUCache<string, true>;

  constructor(maxIds = 100_000) {
    this.#seen = new LRUCache<string, true>({ max: maxIds });
  }

  async firstSeen(n: Notification, ttlSeconds: number): Promise<boolean> {
    const key = `${n.appId}:${n.id}`;
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, true, { ttl: ttlSeconds * 1000 });
    return true;
  }
}

/**
 * Ids remembered in Redis, shared by every replica: `SET key 1 NX EX ttl` succeeds for one of
 * them only. While Redis fails, this process's own memory decides (a duplicate sent to two
 * replicas then may be processed twice; one sent to the same replica is not).
 */
export class RedisDeduplicator implements Deduplicator {
  readonly #local = new MemoryDeduplicator();
  readonly #warn: (fields: Record<string, unknown>) => void;

  constructor(private readonly redis: RedisStore, logger?: Logger) {
    this.#warn = throttledWarning(logger, "webhook de-duplication in Redis failed; de-duplicating in this process only");
  }

  async firstSeen(n: Notification, ttlSeconds: number): Promise<boolean> {
    const locallyFirst = await this.#local.firstSeen(n, ttlSeconds);
    try {
      const answer = await this.redis.client.set(`${REDIS_PREFIX}seen:${n.appId}:${n.id}`, "1", {
        condition: "NX",
        expiration: { type: "EX", value: Math.max(1, Math.ceil(ttlSeconds)) },
      });
      return answer === "OK";
    } catch (error) {
      this.#warn({ error: String(error) });
      return locallyFirst;
    }
  }
}
