// Intercom enforces its per-minute budget in 10-second windows (budget / 6 per window)
// and reports the state of the current window in X-RateLimit-* headers.
export const RATE_LIMIT_WINDOW_MS = 10_000;

export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the current window ends. */
  reset: number;
}

export class RateLimiter {
  private windowStart = 0;
  private used = 0;

  constructor(
    readonly limit: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts one request against the current window. */
  take(): RateLimitState {
    this.roll();
    this.used++;
    return this.state();
  }

  /** The current window's state without counting a request (for unauthenticated answers). */
  peek(): RateLimitState {
    this.roll();
    return { ...this.state(), allowed: this.used < this.limit };
  }

  private roll(): void {
    const start = Math.floor(this.clock() / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.used = 0;
    }
  }

  private state(): RateLimitState {
    const start = this.windowStart;
    return {
      allowed: this.used <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      reset: Math.ceil((start + RATE_LIMIT_WINDOW_MS) / 1000),
    };
  }
}
