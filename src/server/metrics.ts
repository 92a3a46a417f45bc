import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Operation names that get a label value of their own, per process; later ones count as "other". */
const MAX_OPERATION_LABELS = 200;
/** Operation names longer than this count as "other" (and are cut to it in logs). */
export const MAX_OPERATION_NAME = 100;

/**
 * Prometheus metrics of one gateway (its own registry, so several gateways in one process,
 * as in the tests, never mix). Labels carry operation names (bounded: see operationLabel),
 * route templates, statuses and hashed tokens — never a token, an id or a query text.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly #operations = new Set<string>();

  /**
   * The `operation` label of an operation name. Clients choose names, and every label value is
   * a dozen series kept for the life of the process: distinct long names grew /metrics to 450 MB.
   * So the first MAX_OPERATION_LABELS names of at most MAX_OPERATION_NAME characters keep
   * their own value; others are "other", operations without a name "anonymous".
   */
  operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (this.#operations.has(name)) return name;
    if (name.length > MAX_OPERATION_NAME || this.#operations.size >= MAX_OPERATION_LABELS) return "other";
    this.#operations.add(name);
    return name;
  }

  readonly graphqlRequests = new Counter({
    name: "graphql_requests_total",
    help: "GraphQL requests by operation name and outcome (ok, error, or client_gone: the client left before its answer)",
    labelNames: ["operation", "outcome"] as const,
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: "graphql_errors_total",
    help: "GraphQL errors by operation name and extensions.code",
    labelNames: ["operation", "code"] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: "graphql_request_duration_seconds",
    help: "GraphQL request latency",
    labelNames: ["operation"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly upstreamRequests = new Counter({
    name: "intercom_requests_total",
    help: "Upstream Intercom requests by method, route template and HTTP status (0: no answer)",
    labelNames: ["method", "route", "status"] as const,
    registers: [this.registry],
  });
  readonly upstreamDuration = new Histogram({
    name: "intercom_request_duration_seconds",
    help: "Upstream Intercom request latency",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly upstreamRetries = new Counter({
    name: "intercom_retries_total",
    help: "Upstream retries by route template and reason (5xx, network, rate_limit)",
    labelNames: ["method", "route", "reason"] as const,
    registers: [this.registry],
  });
  readonly rateLimitRemaining = new Gauge({
    name: "intercom_rate_limit_remaining",
    help: "X-RateLimit-Remaining last reported by Intercom, per hashed token",
    labelNames: ["token"] as const,
    registers: [this.registry],
  });
  readonly parsedBodies = new Counter({
    name: "intercom_bodies_parsed_total",
    help: "Upstream read bodies parsed (reused=false) or answered with the same bytes as last time, so not parsed again (reused=true)",
    labelNames: ["reused"] as const,
    registers: [this.registry],
  });
  readonly graphqlExecutions = new Counter({
    name: "graphql_executions_total",
    help: "Operations executed, by executor: compiled (graphql-jit, for repeated queries) or interpreted (graphql-js)",
    labelNames: ["executor"] as const,
    registers: [this.registry],
  });
  readonly loaderBatchSize = new Histogram({
    name: "loader_batch_size",
    help: "Keys per DataLoader batch, per loader",
    labelNames: ["loader"] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 150, 300, 1000],
    registers: [this.registry],
  });

  // Events: webhooks in, subscriptions out (src/events). Labels from closed sets: known topics
  // (else "other"), rejection reasons, transports, event kinds.
  readonly webhooksReceived = new Counter({
    name: "webhooks_received_total",
    help: "Verified Intercom notifications accepted, by topic (unknown topics count as other)",
    labelNames: ["topic"] as const,
    registers: [this.registry],
  });
  readonly webhooksRejected = new Counter({
    name: "webhooks_rejected_total",
    help: "Webhook requests refused or dropped, by reason (signature_missing, signature_invalid, too_large, compressed, malformed, stale, overloaded)",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  readonly webhooksDeduplicated = new Counter({
    name: "webhooks_deduplicated_total",
    help: "Notifications received again (Intercom delivers at least once) and not processed again",
    registers: [this.registry],
  });
  readonly subscribersActive = new Gauge({
    name: "graphql_subscribers_active",
    help: "GraphQL subscriptions running now, by transport (ws, sse)",
    labelNames: ["transport"] as const,
    registers: [this.registry],
  });
  readonly subscribersDropped = new Counter({
    name: "graphql_subscriber_connections_closed_total",
    help: "Subscriber connections the gateway closed, by reason (slow_consumer, shutdown)",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  readonly eventsDelivered = new Counter({
    name: "graphql_subscription_events_delivered_total",
    help: "Events sent to subscribers (one per subscriber), by kind (conversation, contact, ticket)",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });
  readonly eventsDropped = new Counter({
    name: "graphql_subscription_events_dropped_total",
    help: "Events not delivered, by reason (overloaded)",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  readonly deliveryLatency = new Histogram({
    name: "graphql_subscription_delivery_seconds",
    help: "From the webhook accepted (on any replica) to the event's result handed to the subscriber's connection",
    labelNames: ["kind"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
