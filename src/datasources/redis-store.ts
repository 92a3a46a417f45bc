import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import { createClient, type RedisClientType } from "redis";

/** Redis on the same network answers in well under a millisecond; this long means it is unwell. */
const COMMAND_TIMEOUT_MS = 500;

/**
 * Apollo's KeyValueCache over Redis (node-redis), so the response cache, APQ and the
 * rate-limit budget are shared by every replica pointing at the same REDIS_URL.
 */
export class RedisStore implements KeyValueCache {
  private constructor(readonly client: RedisClientType, private readonly prefix: string) {}

  static async connect(url: string, prefix = "intercom-gw:"): Promise<RedisStore> {
    // While Redis is down or slow, commands fail fast (no offline queue, a short timeout) and
    // callers fall back: the cache reads from Intercom, the budget counts in this process.
    const client = createClient({ url, disableOfflineQueue: true, commandOptions: { timeout: COMMAND_TIMEOUT_MS } }) as RedisClientType;
    client.on("error", () => {
      // Reconnects on its own; a failed command surfaces where it is awaited.
    });
    await client.connect();
    return new RedisStore(client, prefix);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.client.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl;
    if (ttl) await this.client.set(this.prefix + key, value, { expiration: { type: "EX", value: Math.max(1, Math.ceil(ttl)) } });
    else await this.client.set(this.prefix + key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.client.del(this.prefix + key)) > 0;
  }

  /** Atomically counts one more use of a window key, expiring it with the window. */
  async increment(key: string, windowSeconds: number): Promise<number> {
    const full = this.prefix + key;
    const [count] = (await this.client.multi().incr(full).expire(full, windowSeconds).exec()) as unknown as [number];
    return Number(count);
  }

  async close(): Promise<void> {
    await this.client.quit();
  }
}
