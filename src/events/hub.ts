// The subscribers of one gateway process and the fan-out of events to them. Tenant-safe by
// construction: subscribers are kept by the Intercom app (workspace) their token belongs to, and
// an event only ever reaches the subscribers of its own app. Each event is resolved through one
// loader set per token, shared by all of that token's subscribers, so N subscribers cost what
// one does upstream. Every subscriber has a bounded queue: one that falls behind is dropped
// with a reason, so memory never grows with a slow consumer.
import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import { hashToken } from "../datasources/concurrency.js";
import type { Logger } from "../logger.js";
import type { GatewayContext } from "../server/context.js";
import type { GatewayMetrics } from "../server/metrics.js";
import type { EventPredicate } from "./filters.js";
import { buildEvent, type GraphEvent } from "./model.js";
import type { EventKind, Notification } from "./notification.js";

/** A verified, de-duplicated notification on its way to subscribers (what the bus carries). */
export interface BusEvent {
  notification: Notification;
  /** Epoch ms the receiving replica accepted the webhook: delivery latency counts from here. */
  receivedAt: number;
}

/** One event for one subscriber: the graph event, and the context its selection resolves in (shared by the token's subscribers). */
export interface Delivery {
  kind: EventKind;
  event: GraphEvent;
  context: GatewayContext;
  receivedAt: number;
}

/** Why the gateway ended a subscription (a closed set: a metric label). */
export type DropReason = "slow_consumer" | "shutdown";

/** One client connection (a WebSocket, or an SSE response) that subscriptions run on. */
export interface Connection {
  readonly transport: "ws" | "sse";
  readonly token: string | undefined;
  /** The Intercom app (workspace id_code) the token belongs to: the only app whose events it receives. */
  readonly appId: string;
  /** Ends the connection, telling the client why (a WebSocket close reason, a last SSE event). */
  close(reason: DropReason): void;
}

export interface EventHubOptions {
  /** Events one subscriber may have waiting; one more and it is dropped as too slow. */
  queueSize: number;
  /** Subscribers this process serves at once. */
  maxSubscribers: number;
  /** A fresh context for one token (its own loaders, datasources and upstream client). */
  scopeFor(token: string | undefined, requestId: string): GatewayContext;
  /** Runs before an event is delivered (cache invalidation), so its selections read fresh data. */
  beforeDeliver?(notification: Notification): Promise<void>;
  metrics?: GatewayMetrics;
  logger: Logger;
}

/** Events waiting to be fanned out at once; past it an event is dropped (and logged), never queued without bound. */
const MAX_PENDING_DELIVERIES = 1000;

export const subscriberError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/** One subscription's stream of deliveries: a bounded queue in front of the transport's consumer. */
export class EventStream implements AsyncIterableIterator<Delivery> {
  readonly #queue: Delivery[] = [];
  #waiting: { resolve(result: IteratorResult<Delivery>): void; reject(error: unknown): void } | undefined;
  #done = false;
  #error: unknown;

  constructor(
    readonly kind: EventKind,
    readonly connection: Connection,
    readonly tokenKey: string,
    readonly matches: EventPredicate,
    private readonly capacity: number,
    private readonly onEnd: (stream: EventStream) => void,
  ) {}

  get closed(): boolean {
    return this.#done;
  }

  /** False when the queue is full (the subscriber is too slow). */
  push(delivery: Delivery): boolean {
    if (this.#done) return true;
    if (this.#waiting) {
      const waiting = this.#waiting;
      this.#waiting = undefined;
      waiting.resolve({ value: delivery, done: false });
      return true;
    }
    if (this.#queue.length >= this.capacity) return false;
    this.#queue.push(delivery);
    return true;
  }

  /** Ends the stream with an error the consumer sees on its next read; what was queued is let go. */
  fail(error: GraphQLError): void {
    if (this.#done) return;
    this.#error = error;
    this.#queue.length = 0;
    this.#finish();
  }

  next(): Promise<IteratorResult<Delivery>> {
    const queued = this.#queue.shift();
    if (queued) return Promise.resolve({ value: queued, done: false });
    if (this.#error !== undefined) {
      const error = this.#error;
      this.#error = undefined;
      return Promise.reject(error);
    }
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.#waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<Delivery>> {
    this.#queue.length = 0;
    this.#error = undefined;
    this.#finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<Delivery>> {
    this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) {
      if (this.#error !== undefined) {
        const error = this.#error;
        this.#error = undefined;
        waiting.reject(error);
      } else waiting.resolve({ value: undefined, done: true });
    }
    this.onEnd(this);
  }
}

export class EventHub {
  /** Subscribers by app id: an event is only ever looked for among its own app's. */
  readonly #byApp = new Map<string, Set<EventStream>>();
  readonly #connections = new Set<Connection>();
  #size = 0;
  #pending = 0;
  #chain: Promise<void> = Promise.resolve();
  #closing = false;

  constructor(private readonly options: EventHubOptions) {}

  /** Subscribers right now. */
  get size(): number {
    return this.#size;
  }

  /** Connections right now (with or without subscriptions). */
  get connections(): number {
    return this.#connections.size;
  }

  register(connection: Connection): void {
    if (this.#closing) return connection.close("shutdown");
    this.#connections.add(connection);
  }

  unregister(connection: Connection): void {
    this.#connections.delete(connection);
  }

  /** A new subscriber on `connection`; its stream ends (and it is forgotten) on `return()`. */
  subscribe(connection: Connection, kind: EventKind, matches: EventPredicate): EventStream {
    if (this.#closing) throw subscriberError("The gateway is shutting down: subscribe again on another replica", "SHUTTING_DOWN");
    if (this.#size >= this.options.maxSubscribers) {
      throw subscriberError(`This gateway serves ${this.options.maxSubscribers} subscribers at most; try again later or on another replica`, "TOO_MANY_SUBSCRIBERS");
    }
    const stream = new EventStream(kind, connection, connection.token ? hashToken(connection.token) : "anonymous", matches, this.options.queueSize, (s) => this.#forget(s));
    let subscribers = this.#byApp.get(connection.appId);
    if (!subscribers) this.#byApp.set(connection.appId, (subscribers = new Set()));
    subscribers.add(stream);
    this.#size++;
    this.options.metrics?.subscribersActive.inc({ transport: connection.transport });
    return stream;
  }

  #forget(stream: EventStream): void {
    const subscribers = this.#byApp.get(stream.connection.appId);
    if (!subscribers?.delete(stream)) return;
    if (subscribers.size === 0) this.#byApp.delete(stream.connection.appId);
    this.#size--;
    this.options.metrics?.subscribersActive.dec({ transport: stream.connection.transport });
  }

  /**
   * Fans an event out to the subscribers of its app, in the order events arrive. Events wait in
   * a bounded line while an earlier one is being prepared (its caches invalidated).
   */
  deliver(event: BusEvent): Promise<void> {
    if (this.#pending >= MAX_PENDING_DELIVERIES) {
      this.options.logger.warn("event dropped: too many events waiting to be delivered", { id: event.notification.id, topic: event.notification.topic });
      this.options.metrics?.eventsDropped.inc({ reason: "overloaded" });
      return Promise.resolve();
    }
    this.#pending++;
    const run = this.#chain.then(() => this.#deliverNow(event)).finally(() => this.#pending--);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async #deliverNow({ notification, receivedAt }: BusEvent): Promise<void> {
    try {
      await this.options.beforeDeliver?.(notification);
    } catch (error) {
      this.options.logger.warn("cache invalidation before an event failed; delivering anyway", { id: notification.id, error: String(error) });
    }
    const subscribers = this.#byApp.get(notification.appId);
    if (!subscribers?.size) return;
    const built = buildEvent(notification);
    if (!built) return;
    // One context (loaders, upstream client) per token for this event, shared by its subscribers.
    const scopes = new Map<string, GatewayContext>();
    const requestId = `event-${randomUUID()}`;
    const slow: EventStream[] = [];
    for (const stream of subscribers) {
      if (stream.kind !== built.kind || stream.closed || !stream.matches(built.facts)) continue;
      let context = scopes.get(stream.tokenKey);
      if (!context) scopes.set(stream.tokenKey, (context = this.options.scopeFor(stream.connection.token, requestId)));
      if (!stream.push({ kind: built.kind, event: built.event, context, receivedAt })) slow.push(stream);
    }
    for (const stream of slow) this.#drop(stream);
  }

  #drop(stream: EventStream): void {
    this.options.metrics?.subscribersDropped.inc({ reason: "slow_consumer" });
    this.options.logger.warn("subscriber dropped: it read events too slowly", { transport: stream.connection.transport, queued: this.options.queueSize });
    stream.fail(
      subscriberError(
        `Subscription ended: ${this.options.queueSize} events were waiting for this client, which reads too slowly. Subscribe again to resume.`,
        "SUBSCRIBER_TOO_SLOW",
      ),
    );
    stream.connection.close("slow_consumer");
  }

  /** Ends every connection with a reason (graceful shutdown); no new subscriber is accepted after. */
  closeAll(reason: DropReason): number {
    this.#closing = true;
    const connections = [...this.#connections];
    for (const connection of connections) {
      this.options.metrics?.subscribersDropped.inc({ reason });
      connection.close(reason);
    }
    this.#connections.clear();
    return connections.length;
  }
}
