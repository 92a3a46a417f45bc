import { createHash } from "node:crypto";
import type { Cancellation } from "./cancellation.js";

/** A counting semaphore: at most `limit` holders at once, the rest wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }

  /** A slot, once one is free; a waiter whose `cancellation` is cancelled stops waiting. */
  async acquire(cancellation?: Cancellation): Promise<() => void> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const i = this.waiting.indexOf(go);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(cancellation!.reason);
        };
        const go = () => {
          cancellation?.off("abort", onAbort);
          resolve();
        };
        if (cancellation?.aborted) return reject(cancellation.reason);
        cancellation?.once("abort", onAbort);
        this.waiting.push(go);
      });
    }
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
}

const hashes = new Map<string, string>();

/** Tokens are only ever keys in hashed form (memoised: a request hashes its token many times). */
export function hashToken(token: string): string {
  let hash = hashes.get(token);
  if (hash === undefined) {
    hash = createHash("sha256").update(token).digest("hex").slice(0, 16);
    if (hashes.size >= 10_000) hashes.clear();
    hashes.set(token, hash);
  }
  return hash;
}

/**
 * One semaphore per (hashed) token for the whole process, so all requests of one workspace
 * share its upstream concurrency; idle ones are dropped so the map does not grow.
 */
export class TokenLimiters {
  private readonly byToken = new Map<string, Semaphore>();

  constructor(readonly limit: number) {}

  for(token: string | undefined): Semaphore {
    const key = token ? hashToken(token) : "anonymous";
    for (const [k, s] of this.byToken) if (k !== key && s.idle) this.byToken.delete(k);
    let semaphore = this.byToken.get(key);
    if (!semaphore) this.byToken.set(key, (semaphore = new Semaphore(this.limit)));
    return semaphore;
  }
}
