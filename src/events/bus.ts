// How an accepted notification reaches every replica's subscribers: in-process without Redis;
// with REDIS_URL, Redis pub/sub (one channel), so a webhook received by any replica reaches the
// subscribers of all of them. What comes off the channel is checked again like a webhook body.
import type { RedisClientType } from "redis";
import type { RedisStore } from "../datasources/redis-store.js";
import { throttledWarning, type Logger } from "../logger.js";
import { REDIS_PREFIX } from "./dedup.js";
import type { BusEvent } from "./hub.js";
import { parseNotification } from "./notification.js";

export interface EventBus {
  /** Sends an event to every replica's listener (this one's included). */
  publish(event: BusEvent): Promise<void>;
  /** The one listener of this process (the hub). */
  listen(listener: (event: BusEvent) => void): void;
  close(): Promise<void>;
}

export class LocalBus implements EventBus {
  #listener: ((event: BusEvent) => void) | undefined;

  async publish(event: BusEvent): Promise<void> {
    this.#listener?.(event);
  }

  listen(listener: (event: BusEvent) => void): void {
    this.#listener = listener;
  }

  async close(): Promise<void> {
    this.#listener = undefined;
  }
}

export const EVENTS_CHANNEL = `${REDIS_PREFIX}notifications`;

/** Largest message taken off the channel (a webhook body is bounded by WEBHOOK_MAX_BYTES before it gets there). */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** What travels on the channel: the envelope's fields, as Intercom sent them, and when it was accepted. */
function encode(event: BusEvent): string {
  const n = event.notification;
  return JSON.stringify({
    v: 1,
    receivedAt: event.receivedAt,
    notification: {
      type: "notification_event",
      id: n.id,
      topic: n.topic,
      app_id: n.appId,
      created_at: n.createdAt,
      delivery_attempts: n.deliveryAttempts,
      first_sent_at: n.firstSentAt,
      data: { item: n.item },
    },
  });
}

function decode(message: string): BusEvent | undefined {
  if (message.length > MAX_MESSAGE_BYTES) return undefined;
  let parsed: { v?: unknown; receivedAt?: unknown; notification?: unknown };
  try {
    parsed = JSON.parse(message) as typeof parsed;
  } catch {
    return undefined;
  }
  if (parsed?.v !== 1 || typeof parsed.receivedAt !== "number" || !Number.isFinite(parsed.receivedAt)) return undefined;
  const notification = parseNotification(parsed.notification);
  return "problem" in notification ? undefined : { notification, receivedAt: parsed.receivedAt };
}

/**
 * Redis pub/sub over the store's client (publishing) and a duplicate of it (subscribing: a
 * subscribed connection runs no other command). If a publish fails, the event still reaches
 * this replica's own subscribers.
 */
export class RedisBus implements EventBus {
  #listener: ((event: BusEvent) => void) | undefined;
  readonly #warn: (fields: Record<string, unknown>) => void;

  private constructor(
    private readonly publisher: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly logger?: Logger,
  ) {
    this.#warn = throttledWarning(logger, "publishing an event to Redis failed; delivering it on this replica only");
  }

  static async connect(store: RedisStore, logger?: Logger): Promise<RedisBus> {
    const subscriber = store.client.duplicate() as RedisClientType;
    subscriber.on("error", () => {
      // Reconnects on its own (and resubscribes); a replica cut off meanwhile misses what others publish.
    });
    await subscriber.connect();
    const bus = new RedisBus(store.client, subscriber, logger);
    await subscriber.subscribe(EVENTS_CHANNEL, (message) => bus.#received(message));
    return bus;
  }

  #received(message: string): void {
    const event = decode(message);
    if (!event) {
      this.logger?.warn("a message on the events channel was not an event; ignored", { bytes: message.length });
      return;
    }
    this.#listener?.(event);
  }

  async publish(event: BusEvent): Promise<void> {
    try {
      await this.publisher.publish(EVENTS_CHANNEL, encode(event));
    } catch (error) {
      this.#warn({ id: event.notification.id, error: String(error) });
      this.#listener?.(event);
    }
  }

  listen(listener: (event: BusEvent) => void): void {
    this.#listener = listener;
  }

  async close(): Promise<void> {
    this.#listener = undefined;
    try {
      await this.subscriber.unsubscribe(EVENTS_CHANNEL);
      await this.subscriber.quit();
    } catch {
      this.subscriber.destroy?.();
    }
  }
}
