import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createLogger, type LogLevel } from "./logger.js";
import { startSandbox, type Sandbox } from "./sandbox/index.js";
import { failSoft, inMemoryStore, ResponseCache } from "./datasources/cache.js";
import { RateBudget } from "./datasources/rate-budget.js";
import { RedisStore } from "./datasources/redis-store.js";
import { startGateway } from "./server/app.js";

/** The token the gateway sends to its own embedded sandbox, which accepts any bearer token. */
const SANDBOX_TOKEN = "sandbox-token";

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // In sandbox mode the embedded sandbox notifies the gateway of its own writes, signed with a
  // client secret made up for this run and shared by both.
  const sandboxSecret = config.useSandbox ? randomBytes(24).toString("hex") : undefined;
  const logger = createLogger({
    level: (process.env.LOG_LEVEL as LogLevel | undefined) ?? "info",
    secrets: [...(config.accessToken ? [config.accessToken] : []), ...config.events.clientSecrets, ...(sandboxSecret ? [sandboxSecret] : [])],
  });

  let sandbox: Sandbox | undefined;
  let baseUrl = config.baseUrl;
  let accessToken = config.accessToken;
  if (config.useSandbox) {
    sandbox = await startSandbox({ port: config.sandboxPort, host: "127.0.0.1" });
    baseUrl = sandbox.url;
    accessToken = SANDBOX_TOKEN;
    logger.info(
      `SANDBOX MODE: no INTERCOM_ACCESS_TOKEN or INTERCOM_BASE_URL set, so the gateway is serving the embedded demo workspace at ${sandbox.url}. Set INTERCOM_ACCESS_TOKEN to use your real Intercom workspace.`,
    );
  } else if (config.authMode === "passthrough") {
    logger.info("AUTH_MODE=passthrough: each request runs with the caller's own Authorization: Bearer token");
  } else if (!config.accessToken) {
    logger.warn("INTERCOM_ACCESS_TOKEN is not set: upstream calls go out without a token and Intercom will answer 401");
  }

  // One store for the response cache, APQ and the rate-limit budget: Redis when replicas share it.
  const redis = config.redisUrl ? await RedisStore.connect(config.redisUrl) : undefined;
  const store = redis ?? inMemoryStore(config.cacheMaxMegabytes);
  const cache = new ResponseCache({
    store,
    defaultTtlSeconds: config.cacheTtlSeconds,
    ttlSeconds: config.cacheTtls,
    nearCacheBytes: config.cacheMaxMegabytes * 1024 * 1024,
    logger,
  });
  // Each window gets its share of the per-minute limit (a sixth, in Intercom's 10-second windows).
  const perWindow = Math.max(1, Math.floor((config.rateLimitPerMinute * config.rateLimitWindowSeconds) / 60));
  const budget = config.rateLimitPerMinute > 0 ? new RateBudget(perWindow, config.rateLimitWindowSeconds, redis, logger) : undefined;
  if (redis) logger.info("Shared cache, persisted queries and rate-limit budget in Redis");

  const gateway = await startGateway({
    baseUrl,
    intercomVersion: config.intercomVersion,
    authMode: config.authMode,
    accessToken,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    upstreamRetries: config.upstreamRetries,
    logger,
    host: config.host,
    port: config.port,
    introspection: config.introspection,
    graphiql: config.introspection,
    corsOrigins: config.corsOrigins,
    queryLimits: config.queryLimits,
    maxRequestShare: config.maxRequestShare,
    requestTimeoutMs: config.requestTimeoutMs,
    upstreamConcurrency: config.upstreamConcurrency,
    rateLimitWaitMs: config.rateLimitWaitMs,
    cache,
    budget,
    apqStore: redis ? failSoft(redis, logger) : store,
    events: { ...config.events, clientSecrets: [...config.events.clientSecrets, ...(sandboxSecret ? [sandboxSecret] : [])], redis },
  });
  if (sandbox && sandboxSecret) {
    const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host.includes(":") ? `[${config.host}]` : config.host;
    sandbox.webhooks.configure({ url: `http://${host}:${gateway.port}${config.events.webhookPath}`, secret: sandboxSecret });
    const every = config.events.sandboxActivitySeconds;
    if (every > 0) sandbox.webhooks.simulate(every * 1000, sandbox.url);
    logger.info(
      `Sandbox webhooks: its writes (replies, assignments, closes, contact and ticket changes) notify the gateway${every > 0 ? `, and simulated customers write every ${every} s` : " (SANDBOX_ACTIVITY_SECONDS=30 simulates customers)"}: run a subscription in GraphiQL to see them`,
    );
  }
  if (gateway.events.webhooksEnabled) logger.info(`Webhooks: Intercom notifications are received at ${config.events.webhookPath}${redis ? " (de-duplicated and fanned out to every replica through Redis)" : ""}`);
  else logger.info("Webhooks off: set INTERCOM_CLIENT_SECRET (the app's client secret) to receive Intercom notifications; subscriptions still get events other replicas receive");
  logger.info(`Gateway ready at ${gateway.url}${config.introspection ? " (GraphiQL: open it in a browser)" : ""}`, {
    upstream: baseUrl,
    region: config.baseUrlOverridden || sandbox ? undefined : config.region,
    intercomVersion: config.intercomVersion,
  });

  const shutdown = async (signal: string) => {
    logger.info(`Received ${signal}, shutting down`);
    await gateway.close();
    await sandbox?.close();
    await redis?.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
