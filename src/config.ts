/** Gateway configuration, read once from the environment at startup. */

export const REGION_URLS = {
  us: "https://api.intercom.io",
  eu: "https://api.eu.intercom.io",
  au: "https://api.au.intercom.io",
} as const;

export type Region = keyof typeof REGION_URLS;

/** Intercom API versions the graph is built for: another version's answers would not fit its types. */
export const SUPPORTED_VERSIONS: readonly string[] = ["2.11"];

/** Limits checked before any upstream call (see src/server/query-limits.ts). */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  /** Estimated upstream requests one operation may cost. */
  maxCost: number;
  /**
   * Deepest nesting of braces and brackets (selections, fragment spreads counted as their
   * fragment's braces, input values), and of objects and lists in a variable's value.
   */
  maxNesting?: number;
  /** Most `__schema` and `__type` selections in one operation. */
  maxIntrospection?: number;
  /** Most tokens in a document (graphql-js stops parsing past it). */
  maxTokens?: number;
}

export const DEFAULT_QUERY_LIMITS: Required<QueryLimits> = {
  maxDepth: 15,
  maxAliases: 50,
  maxRootFields: 50,
  maxCost: 1000,
  maxNesting: 100,
  maxIntrospection: 2,
  maxTokens: 15_000,
};

/** Where the Intercom token of a request comes from. */
export type AuthMode = "server" | "passthrough";

export interface Config {
  /** `server`: INTERCOM_ACCESS_TOKEN for every request; `passthrough`: each caller's own `Authorization: Bearer …`. */
  authMode: AuthMode;
  /** Server token; undefined means "no token configured". */
  accessToken?: string;
  region: Region;
  /** Upstream base URL without trailing slash (the region's URL unless overridden). */
  baseUrl: string;
  /** True when INTERCOM_BASE_URL was given explicitly. */
  baseUrlOverridden: boolean;
  intercomVersion: string;
  /** Interface to listen on; 127.0.0.1 unless HOST says otherwise (0.0.0.0 in a container). */
  host: string;
  port: number;
  sandboxPort: number;
  /** Per-attempt upstream timeout. */
  upstreamTimeoutMs: number;
  /** Extra attempts for idempotent upstream calls that fail with 5xx or a network error. */
  upstreamRetries: number;
  /** Overall deadline of one GraphQL request (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Upstream calls in flight at once per token (UPSTREAM_CONCURRENCY). */
  upstreamConcurrency: number;
  /** Longest wait for Intercom's rate-limit window before retrying a read (RATE_LIMIT_MAX_WAIT_MS). */
  rateLimitWaitMs: number;
  /** Start the embedded sandbox because neither a token nor a base URL was given. */
  useSandbox: boolean;
  /** Seconds slow-changing reads stay cached (CACHE_TTL_SECONDS; 0 turns the cache off). */
  cacheTtlSeconds: number;
  /** Per-resource TTLs (CACHE_TTLS="admins=300,tags=30"). */
  cacheTtls: Record<string, number>;
  /** Bound of the in-memory cache and of each process's parsed copies of cached entries (CACHE_MAX_MB). */
  cacheMaxMegabytes: number;
  /** Redis shared by replicas for the cache, APQ and the rate-limit budget (REDIS_URL). */
  redisUrl?: string;
  /** Intercom's per-app limit (INTERCOM_RATE_LIMIT_PER_MINUTE), drawn in 10-second windows; 0 = no budget. */
  rateLimitPerMinute: number;
  /** Length of a budget window (INTERCOM_RATE_LIMIT_WINDOW_SECONDS; Intercom's is 10 s). */
  rateLimitWindowSeconds: number;
  /** Most of a token's rate-limit window one GraphQL request may spend (MAX_REQUEST_SHARE, 0–1). */
  maxRequestShare: number;
  /** Limits checked before any upstream call (MAX_QUERY_DEPTH, MAX_QUERY_ALIASES, MAX_QUERY_ROOT_FIELDS, MAX_QUERY_COST, MAX_QUERY_NESTING, MAX_QUERY_INTROSPECTION, MAX_QUERY_TOKENS). */
  queryLimits: QueryLimits;
  /** Origins allowed to call the gateway from a browser on another origin (CORS_ORIGINS, comma-separated). */
  corsOrigins: string[];
  /** Introspection and GraphiQL: on in development and sandbox mode, off with NODE_ENV=production unless INTROSPECTION=true. */
  introspection: boolean;
  /** Webhooks in, subscriptions out (see src/events). */
  events: EventsConfig;
}

/** Intercom webhooks → GraphQL subscriptions. */
export interface EventsConfig {
  /**
   * The Intercom app's client secrets (INTERCOM_CLIENT_SECRET, comma-separated for a rotation or
   * several apps): a notification is accepted when its X-Hub-Signature matches one of them. None:
   * the webhook receiver is off (subscriptions still work, with events from other replicas).
   */
  clientSecrets: string[];
  /** Where Intercom posts notifications (WEBHOOK_PATH). */
  webhookPath: string;
  /** Largest notification body accepted (WEBHOOK_MAX_BYTES); larger ones get 413. */
  webhookMaxBytes: number;
  /** Notifications created longer ago than this (or this far in the future) are dropped (WEBHOOK_MAX_AGE_SECONDS); ids are remembered as long. */
  webhookMaxAgeSeconds: number;
  /** Subscribers one gateway process serves at once (MAX_SUBSCRIBERS). */
  maxSubscribers: number;
  /** Subscriptions one WebSocket connection may run at once (MAX_SUBSCRIPTIONS_PER_CONNECTION). */
  subscriptionsPerConnection: number;
  /** Events waiting for one subscriber before it is dropped as too slow (SUBSCRIPTION_QUEUE_SIZE). */
  subscriptionQueueSize: number;
  /** Time a WebSocket has to send connection_init (WS_CONNECTION_INIT_TIMEOUT_MS). */
  connectionInitTimeoutMs: number;
  /** Interval of WebSocket pings and SSE keep-alive comments (SUBSCRIPTION_KEEPALIVE_MS). */
  keepAliveMs: number;
  /** Sandbox mode only: seconds between simulated customer activities (SANDBOX_ACTIVITY_SECONDS; 0: none). */
  sandboxActivitySeconds: number;
}

export const DEFAULT_EVENTS_CONFIG: EventsConfig = {
  clientSecrets: [],
  webhookPath: "/webhooks/intercom",
  webhookMaxBytes: 1024 * 1024,
  webhookMaxAgeSeconds: 900,
  maxSubscribers: 10_000,
  subscriptionsPerConnection: 25,
  subscriptionQueueSize: 64,
  connectionInitTimeoutMs: 10_000,
  keepAliveMs: 15_000,
  sandboxActivitySeconds: 0,
};

/** One clear line naming the variable at fault; index.ts prints it and exits. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`${name} must be a port number between 0 and 65535, got "${raw}"`);
  }
  return Number(raw);
}

function readPositiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

function readBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`INTERCOM_BASE_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`INTERCOM_BASE_URL must use http or https, got "${raw}"`);
  }
  return url.toString().replace(/\/+$/, "");
}

function readBoolean(env: Env, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return undefined;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function readTtls(raw: string | undefined): Record<string, number> {
  const ttls: Record<string, number> = {};
  for (const entry of (raw ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const match = /^([a-z_/]+)=(\d+)$/.exec(entry);
    if (!match) throw new ConfigError(`CACHE_TTLS must look like "admins=300,tags=30", got "${raw}"`);
    ttls[match[1]!] = Number(match[2]);
  }
  return ttls;
}

function readShare(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d*\.?\d+$/.test(raw) || value <= 0 || value > 1) throw new ConfigError(`${name} must be a number above 0 and at most 1, got "${raw}"`);
  return value;
}

function readRedisUrl(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  if (!/^rediss?:\/\/\S+$/.test(raw.trim())) throw new ConfigError(`REDIS_URL must look like redis://host:6379, got "${raw}"`);
  return raw.trim();
}

/** A path of letters, digits and `/_.-`, starting with `/`, that no gateway route uses. */
function readWebhookPath(raw: string | undefined): string {
  const value = raw?.trim() || DEFAULT_EVENTS_CONFIG.webhookPath;
  const taken = ["/graphql", "/health", "/healthz", "/readyz", "/metrics", "/downloads", "/graphiql"];
  if (!/^\/[A-Za-z0-9/_.-]{1,200}$/.test(value) || value.includes("//") || /(^|\/)\.\.?(\/|$)/.test(value) || taken.some((t) => value === t || value.startsWith(`${t}/`))) {
    throw new ConfigError(`WEBHOOK_PATH must be a path such as /webhooks/intercom, of letters, digits and /_.-, outside the gateway's own routes, got "${raw}"`);
  }
  return value.replace(/\/+$/, "");
}

function readSecrets(raw: string | undefined): string[] {
  const secrets = (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (secrets.some((s) => s.length < 8)) throw new ConfigError("INTERCOM_CLIENT_SECRET must be the app's client secret (at least 8 characters; several separated by commas)");
  return secrets;
}

function readEvents(env: Env): EventsConfig {
  const d = DEFAULT_EVENTS_CONFIG;
  const atLeastOne = (name: string, fallback: number) => Math.max(1, readPositiveInt(env, name, fallback));
  return {
    clientSecrets: readSecrets(env.INTERCOM_CLIENT_SECRET),
    webhookPath: readWebhookPath(env.WEBHOOK_PATH),
    webhookMaxBytes: atLeastOne("WEBHOOK_MAX_BYTES", d.webhookMaxBytes),
    webhookMaxAgeSeconds: atLeastOne("WEBHOOK_MAX_AGE_SECONDS", d.webhookMaxAgeSeconds),
    maxSubscribers: atLeastOne("MAX_SUBSCRIBERS", d.maxSubscribers),
    subscriptionsPerConnection: atLeastOne("MAX_SUBSCRIPTIONS_PER_CONNECTION", d.subscriptionsPerConnection),
    subscriptionQueueSize: atLeastOne("SUBSCRIPTION_QUEUE_SIZE", d.subscriptionQueueSize),
    connectionInitTimeoutMs: atLeastOne("WS_CONNECTION_INIT_TIMEOUT_MS", d.connectionInitTimeoutMs),
    keepAliveMs: atLeastOne("SUBSCRIPTION_KEEPALIVE_MS", d.keepAliveMs),
    sandboxActivitySeconds: readPositiveInt(env, "SANDBOX_ACTIVITY_SECONDS", d.sandboxActivitySeconds),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const regionRaw = (env.INTERCOM_REGION?.trim() || "us").toLowerCase();
  if (!(regionRaw in REGION_URLS)) {
    throw new ConfigError(
      `INTERCOM_REGION must be one of ${Object.keys(REGION_URLS).join(", ")}, got "${env.INTERCOM_REGION}"`,
    );
  }
  const region = regionRaw as Region;
  const accessToken = env.INTERCOM_ACCESS_TOKEN?.trim() || undefined;
  const baseUrlRaw = env.INTERCOM_BASE_URL?.trim();
  const version = env.INTERCOM_VERSION?.trim() || "2.11";
  if (!SUPPORTED_VERSIONS.includes(version)) {
    throw new ConfigError(`INTERCOM_VERSION must be one the graph is built for (${SUPPORTED_VERSIONS.join(", ")}), got "${version}"`);
  }
  const authMode = (env.AUTH_MODE?.trim().toLowerCase() || "server") as AuthMode;
  if (authMode !== "server" && authMode !== "passthrough") {
    throw new ConfigError(`AUTH_MODE must be server or passthrough, got "${env.AUTH_MODE}"`);
  }
  return {
    authMode,
    accessToken,
    region,
    baseUrl: baseUrlRaw ? readBaseUrl(baseUrlRaw) : REGION_URLS[region],
    baseUrlOverridden: Boolean(baseUrlRaw),
    intercomVersion: version,
    host: env.HOST?.trim() || "127.0.0.1",
    port: readPort(env, "PORT", 4000),
    sandboxPort: readPort(env, "SANDBOX_PORT", 4010),
    upstreamTimeoutMs: readPositiveInt(env, "INTERCOM_TIMEOUT_MS", 10_000),
    upstreamRetries: readPositiveInt(env, "INTERCOM_RETRIES", 2),
    requestTimeoutMs: readPositiveInt(env, "REQUEST_TIMEOUT_MS", 30_000),
    upstreamConcurrency: Math.max(1, readPositiveInt(env, "UPSTREAM_CONCURRENCY", 8)),
    rateLimitWaitMs: readPositiveInt(env, "RATE_LIMIT_MAX_WAIT_MS", 2_000),
    useSandbox: authMode === "server" && !accessToken && !baseUrlRaw,
    cacheTtlSeconds: readPositiveInt(env, "CACHE_TTL_SECONDS", 60),
    cacheTtls: readTtls(env.CACHE_TTLS),
    cacheMaxMegabytes: Math.max(1, readPositiveInt(env, "CACHE_MAX_MB", 64)),
    redisUrl: readRedisUrl(env.REDIS_URL),
    rateLimitPerMinute: readPositiveInt(env, "INTERCOM_RATE_LIMIT_PER_MINUTE", 10_000),
    rateLimitWindowSeconds: Math.max(1, readPositiveInt(env, "INTERCOM_RATE_LIMIT_WINDOW_SECONDS", 10)),
    maxRequestShare: readShare(env, "MAX_REQUEST_SHARE", 0.25),
    queryLimits: {
      maxDepth: readPositiveInt(env, "MAX_QUERY_DEPTH", DEFAULT_QUERY_LIMITS.maxDepth),
      maxAliases: readPositiveInt(env, "MAX_QUERY_ALIASES", DEFAULT_QUERY_LIMITS.maxAliases),
      maxRootFields: readPositiveInt(env, "MAX_QUERY_ROOT_FIELDS", DEFAULT_QUERY_LIMITS.maxRootFields),
      maxCost: readPositiveInt(env, "MAX_QUERY_COST", DEFAULT_QUERY_LIMITS.maxCost),
      maxNesting: readPositiveInt(env, "MAX_QUERY_NESTING", DEFAULT_QUERY_LIMITS.maxNesting),
      maxIntrospection: readPositiveInt(env, "MAX_QUERY_INTROSPECTION", DEFAULT_QUERY_LIMITS.maxIntrospection),
      maxTokens: readPositiveInt(env, "MAX_QUERY_TOKENS", DEFAULT_QUERY_LIMITS.maxTokens),
    },
    corsOrigins: (env.CORS_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean),
    introspection: readBoolean(env, "INTROSPECTION") ?? (env.NODE_ENV !== "production" || (!accessToken && !baseUrlRaw)),
    events: readEvents(env),
  };
}
