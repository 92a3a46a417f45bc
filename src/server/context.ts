import type { DataSources } from "../datasources/index.js";
import type { IntercomClient } from "../datasources/upstream.js";
import type { Loaders } from "../loaders/index.js";
import type { Logger } from "../logger.js";

/** What a Subscription field's `subscribe` resolver registers with (present on a subscription's context only). */
export interface EventSubscriptions {
  /** A stream of this subscriber's events of `kind` that pass `filter` (checked here: BAD_USER_INPUT if not). */
  subscribe(kind: "conversation" | "contact" | "ticket", filter: unknown): AsyncIterable<unknown>;
}

/** Everything one GraphQL request's resolvers may use. */
export interface GatewayContext {
  requestId: string;
  /** The Intercom token this request runs with (never logged, never returned). */
  token: string | undefined;
  /** This request's one upstream client (its calls so far, for the cost report). */
  upstream: IntercomClient;
  dataSources: DataSources;
  loaders: Loaders;
  logger: Logger;
  /** Set on the context of a subscription operation (WebSocket or SSE), never on a query's. */
  events?: EventSubscriptions;
}
