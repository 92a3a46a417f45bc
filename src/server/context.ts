import type { DataSources } from "../datasources/index.js";
import type { IntercomClient } from "../datasources/upstream.js";
import type { Loaders } from "../loaders/index.js";
import type { Logger } from "../logger.js";

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
}
