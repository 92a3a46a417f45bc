import { throttledWarning, type Logger } from "../logger.js";
import { hashToken } from "./concurrency.js";
import type { RedisStore } from "./redis-store.js";

export interface BudgetDecision {
  allowed: boolean;
  /** Milliseconds until the next window, when a call was refused. */
  retryAfterMs: number;
}

/**
 * The upstream rate-limit budget of each (hashed) token, in Intercom's 10-second windows. In
 * memory it is this process's; with Redis every replica draws from the same count, so N
 * replicas together stay under the app's limit instead of each assuming it has all of it.
 */
export class RateBudget {
  /** This window's counts per key (in memory, or while Redis is down); emptied when the window turns. */
  private local = new Map<string, number>();
  private localWindow = -1;

  private readonly warnSharedFailed: (fields: Record<string, unknown>) => void;

  constructor(
    readonly limitPerWindow: number,
    readonly windowSeconds = 10,
    private readonly redis?: RedisStore,
    logger?: Logger,
  ) {
    this.warnSharedFailed = throttledWarning(logger, "shared rate-limit budget unavailable; counting in this process");
  }

  async take(token: string | undefined): Promise<BudgetDecision> {
    const now = Date.now();
    const windowMs = this.windowSeconds * 1000;
    const window = Math.floor(now / windowMs);
    const key = `budget:${token ? hashToken(token) : "anonymous"}:${window}`;
    const used = this.redis
      ? await this.redis.increment(key, this.windowSeconds + 1).catch((error: unknown) => {
          // Redis down: this process counts alone until it is back (its share is then the whole limit).
          this.warnSharedFailed({ error: String(error) });
          return this.incrementLocal(key, window);
        })
      : this.incrementLocal(key, window);
    return { allowed: used <= this.limitPerWindow, retryAfterMs: (window + 1) * windowMs - now };
  }

  private incrementLocal(key: string, window: number): number {
    if (window !== this.localWindow) {
      this.local = new Map();
      this.localWindow = window;
    }
    const used = (this.local.get(key) ?? 0) + 1;
    this.local.set(key, used);
    return used;
  }
}
