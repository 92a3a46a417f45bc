// Intercom webhooks → GraphQL subscriptions (see docs/webhooks.md and the README's "Events"):
//   POST {WEBHOOK_PATH} ─ receiver: size limit, X-Hub-Signature on the raw body, envelope, freshness
//        │ 200 at once, then
//        ▼
//   de-duplication (Redis SET NX, or in process) ─▶ bus (Redis pub/sub, or in process)
//        │ on every replica
//        ▼
//   hub: cache invalidation, then the subscribers of the notification's app only; one context
//        (loaders, upstream client) per token per event, shared by that token's subscribers
//        ▼
//   transports: graphql-ws on the upgrade of /graphql · SSE on /graphql/stream (or /graphql with Accept: text/event-stream)
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { FormattedExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema, ExecutionResult } from "graphql";
import type { ResponseCache } from "../datasources/cache.js";
import type { RedisStore } from "../datasources/redis-store.js";
import { DEFAULT_EVENTS_CONFIG, type EventsConfig } from "../config.js";
import type { Logger } from "../logger.js";
import type { GatewayContext } from "../server/context.js";
import type { GatewayMetrics } from "../server/metrics.js";
import type { QueryLimits } from "../server/query-limits.js";
import { LocalBus, RedisBus, type EventBus } from "./bus.js";
import { MemoryDeduplicator, RedisDeduplicator, type Deduplicator } from "./dedup.js";
import { compileFilter } from "./filters.js";
import { EventHub, type Connection, type Delivery } from "./hub.js";
import { staleResources } from "./invalidation.js";
import { topicLabel, type EventKind, type Notification } from "./notification.js";
import { webhookReceiver } from "./receiver.js";
import { sseTransport, type SseTransport } from "./sse.js";
import { AppDirectory, AppLookupError } from "./tenancy.js";
import type { Admission } from "./transport.js";
import { attachWebSocket, type WebSocketTransport } from "./ws.js";

export { signatureOf } from "./signature.js";
export { SSE_PATH } from "./sse.js";

/** The events settings of a gateway (EventsConfig, all optional), and the Redis that replicas share. */
export interface EventsOptions extends Partial<EventsConfig> {
  /** With Redis, de-duplication and the bus span every replica on it. */
  redis?: RedisStore;
}

export interface EventsDependencies {
  schema: GraphQLSchema;
  authMode: "server" | "passthrough";
  serverToken: string | undefined;
  /** A fresh per-token context (the same builder as a GraphQL request's). */
  contextFor(token: string | undefined, requestId: string): GatewayContext;
  /** `GET /me` with the token: its app's id_code. */
  appIdOf(token: string | undefined): Promise<string | null | undefined>;
  formatResult(result: ExecutionResult, token: string | undefined): FormattedExecutionResult;
  formatErrors(errors: readonly GraphQLError[], token: string | undefined): GraphQLFormattedError[];
  limits: QueryLimits;
  corsOrigins: readonly string[];
  maxRequestBytes: number;
  cache?: ResponseCache;
  metrics?: GatewayMetrics;
  logger: Logger;
}

export interface Events {
  /** Handles a webhook or SSE request (true), or leaves it to the next handler (false). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Serves graphql-ws on the upgrade of /graphql. */
  attach(server: Server): void;
  readonly hub: EventHub;
  readonly webhooksEnabled: boolean;
  /** Ends every subscription with the shutdown reason, then stops the bus. */
  close(): Promise<void>;
}

export async function createEvents(options: EventsOptions, deps: EventsDependencies): Promise<Events> {
  const config: EventsConfig = { ...DEFAULT_EVENTS_CONFIG, ...definedOnly(options) };
  const { logger, metrics } = deps;
  const directory = new AppDirectory(deps.appIdOf);
  const dedup: Deduplicator = options.redis ? new RedisDeduplicator(options.redis, logger) : new MemoryDeduplicator();
  const bus: EventBus = options.redis ? await RedisBus.connect(options.redis, logger) : new LocalBus();

  const hub = new EventHub({
    queueSize: config.subscriptionQueueSize,
    maxSubscribers: config.maxSubscribers,
    scopeFor: deps.contextFor,
    metrics,
    logger,
    async beforeDeliver(notification) {
      const resources = staleResources(notification.topic);
      if (!resources.length || !deps.cache) return;
      // The server token's reads are cached too: its app is learnt (GET /me, once) the first time it matters.
      if (deps.authMode === "server") await directory.appOf(deps.serverToken).catch(() => undefined);
      const tokens = await directory.tokensOf(notification.appId);
      await Promise.all(tokens.flatMap((token) => resources.map((resource) => deps.cache!.invalidate(token, resource))));
    },
  });
  bus.listen((event) => void hub.deliver(event).catch((error: unknown) => logger.error("delivering an event failed", { id: event.notification.id, error: String(error) })));

  async function process(notification: Notification, receivedAt: number): Promise<void> {
    if (!(await dedup.firstSeen(notification, config.webhookMaxAgeSeconds))) {
      metrics?.webhooksDeduplicated.inc();
      logger.info("webhook duplicate: already processed", { id: notification.id, topic: topicLabel(notification.topic) });
      return;
    }
    logger.info("webhook accepted", { id: notification.id, topic: topicLabel(notification.topic), attempts: notification.deliveryAttempts });
    await bus.publish({ notification, receivedAt });
  }

  const receiver = config.clientSecrets.length
    ? webhookReceiver({
        path: config.webhookPath,
        secrets: config.clientSecrets,
        maxBytes: config.webhookMaxBytes,
        maxAgeSeconds: config.webhookMaxAgeSeconds,
        process,
        logger,
        metrics,
      })
    : undefined;

  const admit = async (token: string | undefined): Promise<Admission> => {
    try {
      return { appId: await directory.appOf(token) };
    } catch (error) {
      const code = error instanceof AppLookupError ? error.code : "UPSTREAM_ERROR";
      logger.warn("subscriber refused: its workspace could not be learnt", { code });
      return { refused: error instanceof AppLookupError ? error.message : "Could not learn the token's workspace", code };
    }
  };

  const transportOptions = {
    schema: deps.schema,
    hub,
    limits: deps.limits,
    authMode: deps.authMode,
    serverToken: deps.serverToken,
    admit,
    subscriptionContext(connection: Connection, requestId: string): GatewayContext {
      // Held for the subscription's life, and only its `subscribe` resolver runs in it (each event
      // has a context of its own): the upstream client, datasources and loaders are built only
      // if something asks for them, so an idle subscriber costs little memory.
      let full: GatewayContext | undefined;
      const built = () => (full ??= deps.contextFor(connection.token, requestId));
      return {
        requestId,
        token: connection.token,
        logger,
        get upstream() {
          return built().upstream;
        },
        get dataSources() {
          return built().dataSources;
        },
        get loaders() {
          return built().loaders;
        },
        events: { subscribe: (kind: EventKind, filter: unknown) => hub.subscribe(connection, kind, compileFilter(kind, filter as never)) },
      };
    },
    formatResult: deps.formatResult,
    formatErrors: deps.formatErrors,
    delivered(delivery: Delivery) {
      metrics?.eventsDelivered.inc({ kind: delivery.kind });
      metrics?.deliveryLatency.observe({ kind: delivery.kind }, Math.max(0, Date.now() - delivery.receivedAt) / 1000);
    },
    corsOrigins: deps.corsOrigins,
    keepAliveMs: config.keepAliveMs,
    connectionInitTimeoutMs: config.connectionInitTimeoutMs,
    subscriptionsPerConnection: config.subscriptionsPerConnection,
    maxConnections: config.maxSubscribers,
    maxRequestBytes: deps.maxRequestBytes,
    metrics,
    logger,
  };
  const sse: SseTransport = sseTransport(transportOptions);
  let ws: WebSocketTransport | undefined;

  return {
    hub,
    webhooksEnabled: receiver !== undefined,
    handle: (req, res) => (receiver?.(req, res) ?? false) || sse.handle(req, res),
    attach(server) {
      ws = attachWebSocket(server, transportOptions);
    },
    async close() {
      const closed = hub.closeAll("shutdown");
      if (closed) logger.info("subscriptions closed for shutdown", { connections: closed });
      await Promise.all([ws?.close(), sse.close()]);
      await bus.close();
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
