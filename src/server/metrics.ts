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
    help: "GraphQL requests by operation name and outcome",
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
  readonly loaderBatchSize = new Histogram({
    name: "loader_batch_size",
    help: "Keys per DataLoader batch, per loader",
    labelNames: ["loader"] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 150, 300, 1000],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
