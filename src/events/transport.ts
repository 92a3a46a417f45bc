// What both subscription transports (graphql-ws over WebSocket, GraphQL over SSE) need from the gateway.
import type { FormattedExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema, ExecutionResult } from "graphql";
import type { Logger } from "../logger.js";
import type { GatewayContext } from "../server/context.js";
import type { GatewayMetrics } from "../server/metrics.js";
import type { QueryLimits } from "../server/query-limits.js";
import type { Connection, Delivery, EventHub } from "./hub.js";

/** Who may subscribe: the app of a token, or why not (with the HTTP status and close code to say it with). */
export type Admission = { appId: string } | { refused: string; code: "UNAUTHENTICATED" | "UPSTREAM_ERROR" };

export interface TransportOptions {
  schema: GraphQLSchema;
  hub: EventHub;
  limits: QueryLimits;
  /** `server`: the server's token for everyone; `passthrough`: each subscriber's own. */
  authMode: "server" | "passthrough";
  serverToken: string | undefined;
  /** The app of a token (GET /me, remembered), or why it may not subscribe. */
  admit(token: string | undefined): Promise<Admission>;
  /** The context of one subscription operation (its `subscribe` resolver registers with the hub through `events`). */
  subscriptionContext(connection: Connection, requestId: string): GatewayContext;
  /** An event's result as the client gets it: errors coded and masked, no token in it. */
  formatResult(result: ExecutionResult, token: string | undefined): FormattedExecutionResult;
  formatErrors(errors: readonly GraphQLError[], token: string | undefined): GraphQLFormattedError[];
  /** Called once per event handed to a subscriber (metrics). */
  delivered(delivery: Delivery): void;
  corsOrigins: readonly string[];
  keepAliveMs: number;
  connectionInitTimeoutMs: number;
  subscriptionsPerConnection: number;
  /** Connections (WebSocket or SSE) one process keeps open, idle ones included. */
  maxConnections: number;
  /** Largest message (WebSocket) or body (SSE POST) accepted. */
  maxRequestBytes: number;
  metrics?: GatewayMetrics;
  logger: Logger;
}
