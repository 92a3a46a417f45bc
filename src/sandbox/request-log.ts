// The sandbox's record of the requests it served, bounded: a ring of the most recent entries,
// so a long-running sandbox (`npm start`) keeps at most `capacity` of them, dropping the oldest.

/** Requests a sandbox keeps by default: the most recent 10,000. */
export const DEFAULT_MAX_RECORDED_REQUESTS = 10_000;

export class RequestLog<T> {
  #items: T[] = [];
  /** Index of the oldest entry once the ring is full (0 until then). */
  #start = 0;
  #dropped = 0;

  /** `capacity`: how many entries are kept (0 keeps none). */
  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0) {
      throw new RangeError(`the request log's capacity must be a non-negative integer, got ${capacity}`);
    }
  }

  /** Adds an entry in O(1); when full, the oldest entry goes. */
  push(item: T): void {
    if (this.capacity === 0) {
      this.#dropped++;
    } else if (this.#items.length < this.capacity) {
      this.#items.push(item);
    } else {
      this.#items[this.#start] = item;
      this.#start = (this.#start + 1) % this.capacity;
      this.#dropped++;
    }
  }

  /** The entries kept, oldest first: a new array (the entries themselves are shared). */
  toArray(): T[] {
    return this.#start === 0 ? this.#items.slice() : [...this.#items.slice(this.#start), ...this.#items.slice(0, this.#start)];
  }

  get size(): number {
    return this.#items.length;
  }

  /** How many entries were dropped to keep the bound, since creation or the last clear(). */
  get dropped(): number {
    return this.#dropped;
  }

  clear(): void {
    this.#items = [];
    this.#start = 0;
    this.#dropped = 0;
  }
}
